package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectGroupIndexTest {
  @Test
  void unknownRangeOrNoKeysHasNoIndex() {
    assertThat(DirectGroupIndex.create(Arrays.asList(new GroupKeyRange(0, 3), null))).isNull();
    assertThat(DirectGroupIndex.create(List.of())).isNull();
  }

  @Test
  void slotCountLimitIsInclusive() {
    // 256 * 256 slots: 255 values plus the NULL slot for each key.
    GroupKeyRange values255 = new GroupKeyRange(0, 254);
    assertThat(DirectGroupIndex.create(List.of(values255, values255))).isNotNull();
    GroupKeyRange values256 = new GroupKeyRange(0, 255);
    assertThat(DirectGroupIndex.create(List.of(values255, values256))).isNull();
    assertThat(DirectGroupIndex.create(List.of(new GroupKeyRange(1, DirectGroupIndex.MAX_SLOTS))))
        .isNull();
    assertThat(DirectGroupIndex.create(List.of(new GroupKeyRange(Long.MIN_VALUE, Long.MAX_VALUE))))
        .isNull();
  }

  @Test
  void nullAndLargestKeysSlots() {
    DirectGroupIndex index =
        DirectGroupIndex.create(List.of(new GroupKeyRange(0, 2), new GroupKeyRange(-5, -4)));
    long[] probe = {0, 0};

    assertThat(index.slot(probe, 0b11)).isEqualTo(0);

    probe[0] = 2;
    probe[1] = -4;
    // Radixes 4 and 3: the last of 12 slots.
    assertThat(index.slot(probe, 0)).isEqualTo(11);
  }

  @Test
  void valuesOutsideRangeHaveNoSlot() {
    DirectGroupIndex index = DirectGroupIndex.create(List.of(new GroupKeyRange(10, 12)));
    for (long value : new long[] {9, 13, Long.MIN_VALUE, Long.MAX_VALUE}) {
      assertThat(index.slot(new long[] {value}, 0)).as("value %d", value).isEqualTo(-1);
    }
    assertThat(index.slot(new long[] {Long.MAX_VALUE}, 1)).as("NULL ignores the value").isZero();
  }

  @Test
  void rangeAtLongExtremesRejectsWrappedDifference() {
    DirectGroupIndex top =
        DirectGroupIndex.create(List.of(new GroupKeyRange(Long.MAX_VALUE - 1, Long.MAX_VALUE)));
    assertThat(top.slot(new long[] {Long.MAX_VALUE}, 0)).isEqualTo(2);
    assertThat(top.slot(new long[] {Long.MIN_VALUE}, 0)).isEqualTo(-1);
    assertThat(top.slot(new long[] {Long.MIN_VALUE + 1}, 0)).isEqualTo(-1);

    DirectGroupIndex bottom =
        DirectGroupIndex.create(List.of(new GroupKeyRange(Long.MIN_VALUE, Long.MIN_VALUE + 1)));
    assertThat(bottom.slot(new long[] {Long.MIN_VALUE}, 0)).isEqualTo(1);
    assertThat(bottom.slot(new long[] {Long.MAX_VALUE}, 0)).isEqualTo(-1);
  }

  @Test
  void everySlotDecodesToItsKeys() {
    List<GroupKeyRange> ranges =
        List.of(new GroupKeyRange(0, 2), new GroupKeyRange(0, 1), new GroupKeyRange(-3, 1));
    DirectGroupIndex index = DirectGroupIndex.create(ranges);
    Set<Integer> slots = new HashSet<>();
    long[] probe = new long[3];
    for (long mask = 0; mask < 8; mask++) {
      for (long a = 0; a <= 2; a++) {
        for (long b = 0; b <= 1; b++) {
          for (long c = -3; c <= 1; c++) {
            probe[0] = a;
            probe[1] = b;
            probe[2] = c;
            int slot = index.slot(probe, mask);
            int group = index.findOrInsert(slot);
            slots.add(slot);
            assertThat(index.nullMask(group)).isEqualTo(mask);
            for (int k = 0; k < 3; k++) {
              long expected = (mask & (1L << k)) != 0 ? 0 : probe[k];
              assertThat(index.key(group, k))
                  .as("key %d of group %d", k, group)
                  .isEqualTo(expected);
            }
          }
        }
      }
    }
    // 4 * 3 * 6 slots, each reached from a distinct combination of keys and NULLs.
    assertThat(slots).hasSize(72);
    assertThat(index.groupCount()).isEqualTo(72);
  }

  @Test
  void groupsAreNumberedInInsertionOrder() {
    DirectGroupIndex index = DirectGroupIndex.create(List.of(new GroupKeyRange(0, 99)));
    assertThat(index.findOrInsert(50)).isZero();
    assertThat(index.findOrInsert(3)).isEqualTo(1);
    assertThat(index.findOrInsert(50)).isZero();
    for (int slot = 0; slot <= 100; slot++) {
      index.findOrInsert(slot);
    }
    assertThat(index.groupCount()).isEqualTo(101);
    assertThat(index.groupCapacity()).isGreaterThanOrEqualTo(101);
    assertThat(index.key(0, 0)).isEqualTo(49);
    assertThat(index.nullMask(2)).isEqualTo(1);
  }

  @Test
  void emptyRangeIsRejected() {
    assertThatThrownBy(() -> new GroupKeyRange(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 0]");
  }
}
