package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalArithmeticTest {
  @Test
  void divideMatchesBigDecimalOnRandomOperands() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      long a = random.nextLong() % 1_000_000_000_000L;
      long b = random.nextLong() % 1_000_000L;
      if (b == 0) {
        continue;
      }
      int aScale = random.nextInt(7);
      int bScale = random.nextInt(7);
      int scale = random.nextInt(7);
      BigDecimal expected =
          BigDecimal.valueOf(a, aScale)
              .divide(BigDecimal.valueOf(b, bScale), scale, RoundingMode.HALF_UP);
      if (expected.precision() > 18) {
        continue;
      }
      assertThat(DecimalArithmetic.divide(a, aScale, b, bScale, 18, scale))
          .as("%s / %s", BigDecimal.valueOf(a, aScale), BigDecimal.valueOf(b, bScale))
          .isEqualTo(expected.unscaledValue().longValueExact());
    }
  }

  @Test
  void multiplyMatchesBigDecimalOnRandomOperands() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      long a = random.nextLong() % 10_000_000_000L;
      long b = random.nextLong() % 10_000_000_000L;
      int aScale = random.nextInt(10);
      int bScale = random.nextInt(10);
      int scale = random.nextInt(10);
      BigDecimal expected =
          BigDecimal.valueOf(a, aScale)
              .multiply(BigDecimal.valueOf(b, bScale))
              .setScale(scale, RoundingMode.HALF_UP);
      if (expected.precision() > 18) {
        assertThatThrownBy(() -> DecimalArithmetic.multiply(a, aScale, b, bScale, 18, scale))
            .isInstanceOf(KernelException.class);
        continue;
      }
      assertThat(DecimalArithmetic.multiply(a, aScale, b, bScale, 18, scale))
          .isEqualTo(expected.unscaledValue().longValueExact());
    }
  }

  @Test
  void extremeOperandsTakeSlowPath() {
    // Long.MIN_VALUE / -1 leaves 64 bits on the fast path but is out of precision anyway
    assertThatThrownBy(() -> DecimalArithmetic.divide(Long.MIN_VALUE, 0, -1, 0, 18, 0))
        .isInstanceOf(KernelException.class)
        .extracting(e -> ((KernelException) e).code())
        .isEqualTo(KernelErrorCode.NUMERIC_OVERFLOW);
    // (-10^18 + 1) / Long.MIN_VALUE rounds to 0
    assertThat(DecimalArithmetic.divide(-999_999_999_999_999_999L, 0, Long.MIN_VALUE, 0, 18, 0))
        .isEqualTo(0);
    assertThat(DecimalArithmetic.compare(Long.MAX_VALUE, 0, 1, 18)).isPositive();
    assertThat(DecimalArithmetic.compare(Long.MIN_VALUE, 0, -1, 18)).isNegative();
  }

  @Test
  void toDoubleIsCorrectlyRounded() {
    assertThat(DecimalArithmetic.toDouble(1, 1)).isEqualTo(0.1);
    assertThat(DecimalArithmetic.toDouble(-123_456_789_012_345_678L, 9))
        .isEqualTo(-123456789.012345678);
    assertThat(DecimalArithmetic.toDouble(Long.MAX_VALUE, 18)).isEqualTo(9.223372036854775807);
  }
}
