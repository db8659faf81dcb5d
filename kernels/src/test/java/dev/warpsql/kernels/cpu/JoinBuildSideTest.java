package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JoinBuildSideTest extends KernelTestSupport {
  private final List<FieldVector> vectors = new ArrayList<>();

  @AfterEach
  void closeVectors() {
    vectors.forEach(FieldVector::close);
  }

  private FieldVector column(DataType type, Object... values) {
    FieldVector vector = vector(type, values);
    vectors.add(vector);
    return vector;
  }

  @Test
  void tableBuiltOnFirstUse() {
    FieldVector keys = column(DataType.BIGINT, 5L, 7L, 5L);
    try (JoinBuildSide side =
        JoinBuildSide.of(List.of(keys), List.of(DataType.BIGINT), List.of(keys))) {
      assertThat(side.hasTable()).isFalse();

      JoinHashTable table = side.table();

      assertThat(side.hasTable()).isTrue();
      assertThat(side.table()).isSameAs(table);
      assertThat(table.find(5L)).isEqualTo(0);
      assertThat(side.rowCount()).isEqualTo(3);
    }
  }

  @Test
  void closedSideRejectsTable() {
    FieldVector keys = column(DataType.BIGINT, 1L);
    JoinBuildSide side = JoinBuildSide.of(List.of(keys), List.of(DataType.BIGINT), List.of());
    JoinHashTable table = side.table();

    side.close();

    assertThat(side.isClosed()).isTrue();
    assertThat(table.isClosed()).isTrue();
    assertThatThrownBy(side::table)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the join build side is closed");
  }

  @Test
  void mismatchedColumnsRejected() {
    FieldVector keys = column(DataType.BIGINT, 1L, 2L);
    FieldVector shorter = column(DataType.BIGINT, 1L);
    assertThatThrownBy(
            () -> JoinBuildSide.of(List.of(keys), List.of(DataType.BIGINT), List.of(shorter)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payload column 0 has 1 rows");
  }

  @Test
  void partitionsFollowTheJoinHash() {
    FieldVector first = column(DataType.INTEGER, 1L, null, 3L, 1L, -8L);
    FieldVector second = column(DataType.BIGINT, 10L, 20L, null, 10L, 1L << 40);
    List<DataType> types = List.of(DataType.INTEGER, DataType.BIGINT);
    try (JoinBuildSide side = JoinBuildSide.of(List.of(first, second), types, List.of())) {
      int[] four = side.partitions(2);
      int[] whole = side.partitions(0);

      assertThat(four[1]).as("NULL first key").isEqualTo(-1);
      assertThat(four[2]).as("NULL second key").isEqualTo(-1);
      assertThat(four[3]).as("equal keys, equal partitions").isEqualTo(four[0]);
      long[][] keys = {{1L, 10L}, null, null, {1L, 10L}, {-8L, 1L << 40}};
      for (int row : new int[] {0, 3, 4}) {
        int hash = JoinHashTable.hash(keys[row], 0, 2);
        assertThat(four[row]).as("row %d", row).isEqualTo(hash >>> 30);
        assertThat(whole[row]).as("row %d in one partition", row).isZero();
      }
    }
  }

  @Test
  void partitionBitsLimited() {
    FieldVector keys = column(DataType.BIGINT, 1L);
    try (JoinBuildSide side =
        JoinBuildSide.of(List.of(keys), List.of(DataType.BIGINT), List.of())) {
      assertThatThrownBy(() -> side.partitions(17))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("partition bits must be in [0, 16], got 17");
    }
  }
}
