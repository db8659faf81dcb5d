package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RadixSelectionTest {
  @Test
  void takesValueAtRequestedPosition() {
    RadixSelection selection = new RadixSelection(5, 20);
    int[] counts = new int[256];
    counts[3] = 2;
    counts[7] = 4;
    counts[9] = 14;

    selection.take(56, counts);

    assertThat(selection.prefix()).isEqualTo(7L << 56);
    assertThat(selection.below()).isEqualTo(2);
    assertThat(selection.candidates()).isEqualTo(6);
    assertThat(selection.shift()).isEqualTo(56);
    assertThat(selection.separated()).isTrue();
  }

  @Test
  void lowerBytesCountUndecidedKeys() {
    RadixSelection selection = new RadixSelection(5, 20);
    int[] high = new int[256];
    high[3] = 2;
    high[7] = 4;
    high[9] = 14;
    selection.take(56, high);
    int[] low = new int[256];
    low[0] = 1;
    low[200] = 2;
    low[255] = 1;

    selection.take(48, low);

    assertThat(selection.prefix()).isEqualTo(7L << 56 | 200L << 48);
    assertThat(selection.below()).isEqualTo(3);
    assertThat(selection.candidates()).isEqualTo(5);
  }

  @Test
  void equalByteSeparatesNothing() {
    RadixSelection selection = new RadixSelection(1, 9);
    int[] counts = new int[256];
    counts[128] = 9;

    selection.take(56, counts);

    assertThat(selection.separated()).isFalse();
    assertThat(selection.prefix()).isEqualTo(128L << 56);
    assertThat(selection.candidates()).isEqualTo(9);
  }

  @Test
  void rejectsTooFewCountedKeys() {
    RadixSelection selection = new RadixSelection(5, 20);
    int[] counts = new int[256];
    counts[1] = 4;

    assertThatThrownBy(() -> selection.take(8, counts))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fewer than 5");
    assertThatThrownBy(() -> new RadixSelection(0, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bytesComeHighestFirst() {
    RadixSelection selection = new RadixSelection(1, 2);
    int[] counts = new int[256];
    counts[0] = 2;
    selection.take(8, counts);

    assertThatThrownBy(() -> selection.take(16, counts))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
