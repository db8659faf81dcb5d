package dev.warpsql.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TotalOrderKeysTest {
  private static final double[] ASCENDING = {
    Double.NEGATIVE_INFINITY,
    -Double.MAX_VALUE,
    -2.0,
    -1.0,
    -Double.MIN_VALUE,
    0.0,
    Double.MIN_VALUE,
    1.0,
    Double.MAX_VALUE,
    Double.POSITIVE_INFINITY,
    Double.NaN
  };

  @Test
  void keysFollowTheTotalOrder() {
    for (int i = 1; i < ASCENDING.length; i++) {
      assertThat(TotalOrderKeys.toKey(ASCENDING[i - 1]))
          .as("%s below %s", ASCENDING[i - 1], ASCENDING[i])
          .isLessThan(TotalOrderKeys.toKey(ASCENDING[i]));
    }
  }

  @Test
  void keysGiveTheirValuesBack() {
    for (double value : ASCENDING) {
      double back = TotalOrderKeys.fromKey(TotalOrderKeys.toKey(value));
      assertThat(Double.doubleToLongBits(back))
          .as("%s", value)
          .isEqualTo(Double.doubleToLongBits(value));
    }
  }

  @Test
  void negativeZeroAndEveryNanShareOneKey() {
    assertThat(TotalOrderKeys.toKey(-0.0)).isEqualTo(TotalOrderKeys.toKey(0.0));
    double otherNan = Double.longBitsToDouble(0xFFF8_0000_0000_0001L);
    assertThat(TotalOrderKeys.toKey(otherNan)).isEqualTo(TotalOrderKeys.toKey(Double.NaN));
  }
}
