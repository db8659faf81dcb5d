package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArithmeticKernelTest extends KernelTestSupport {
  private static final List<DataType> INTEGER_TYPES =
      List.of(DataType.TINYINT, DataType.SMALLINT, DataType.INTEGER, DataType.BIGINT);

  private static Expr binary(Operator operator, DataType type, Expr a, Expr b) {
    return Call.of(operator, type, a, b);
  }

  @Test
  void integerOperatorsOnEveryExactType() {
    // operator, a, b, expected
    Object[][] cases = {
      {Operator.PLUS, 7L, 3L, 10L},
      {Operator.MINUS, 7L, 3L, 4L},
      {Operator.MINUS, 3L, 7L, -4L},
      {Operator.TIMES, 7L, -3L, -21L},
      {Operator.DIVIDE, 7L, 3L, 2L},
      {Operator.DIVIDE, -7L, 2L, -3L},
      {Operator.MOD, 7L, 3L, 1L},
      {Operator.MOD, -7L, 3L, -1L},
      {Operator.MOD, 7L, -3L, 1L},
    };
    for (DataType type : INTEGER_TYPES) {
      for (Object[] c : cases) {
        Expr expr = binary((Operator) c[0], type, lit((Long) c[1], type), lit((Long) c[2], type));
        assertThat(eval(expr)).as("%s %s", type, expr).isEqualTo(c[3]);
      }
      assertThat(eval(Call.of(Operator.NEGATE, type, lit(7, type)))).isEqualTo(-7L);
    }
  }

  @Test
  void integerOperatorsReadInputColumns() {
    Expr expr =
        binary(Operator.TIMES, DataType.INTEGER, in(0, DataType.INTEGER), lit(2, DataType.INTEGER));
    assertThat(evalOver(expr, DataType.INTEGER, 1L, null, -4L)).containsExactly(2L, null, -8L);
  }

  @Test
  void integerOverflowRaisesAgainstCallType() {
    Object[][] cases = {
      {DataType.TINYINT, Operator.PLUS, 127L, 1L},
      {DataType.TINYINT, Operator.TIMES, 64L, 2L},
      {DataType.SMALLINT, Operator.PLUS, 32767L, 1L},
      {DataType.SMALLINT, Operator.MINUS, -32768L, 1L},
      {DataType.INTEGER, Operator.PLUS, (long) Integer.MAX_VALUE, 1L},
      {DataType.INTEGER, Operator.TIMES, 65536L, 65536L},
      {DataType.INTEGER, Operator.DIVIDE, (long) Integer.MIN_VALUE, -1L},
      {DataType.BIGINT, Operator.PLUS, Long.MAX_VALUE, 1L},
      {DataType.BIGINT, Operator.MINUS, Long.MIN_VALUE, 1L},
      {DataType.BIGINT, Operator.TIMES, 1L << 32, 1L << 31},
      {DataType.BIGINT, Operator.DIVIDE, Long.MIN_VALUE, -1L},
    };
    for (Object[] c : cases) {
      DataType type = (DataType) c[0];
      Expr expr = binary((Operator) c[1], type, lit((Long) c[2], type), lit((Long) c[3], type));
      KernelException exception = raises(expr, KernelErrorCode.NUMERIC_OVERFLOW);
      assertThat(exception.getMessage()).contains(type.toString()).contains(c[2].toString());
    }
  }

  @Test
  void negateOfMinimumRaises() {
    raises(
        Call.of(Operator.NEGATE, DataType.BIGINT, lit(Long.MIN_VALUE, DataType.BIGINT)),
        KernelErrorCode.NUMERIC_OVERFLOW);
    raises(
        Call.of(Operator.NEGATE, DataType.INTEGER, lit(Integer.MIN_VALUE, DataType.INTEGER)),
        KernelErrorCode.NUMERIC_OVERFLOW);
  }

  @Test
  void integerDivisionByZeroRaises() {
    for (DataType type : INTEGER_TYPES) {
      raises(
          binary(Operator.DIVIDE, type, lit(1, type), lit(0, type)),
          KernelErrorCode.DIVISION_BY_ZERO);
      raises(
          binary(Operator.MOD, type, lit(1, type), lit(0, type)), KernelErrorCode.DIVISION_BY_ZERO);
    }
  }

  @Test
  void nullDivisorGivesNullWithoutRaising() {
    Expr expr =
        binary(
            Operator.DIVIDE, DataType.INTEGER, lit(1, DataType.INTEGER), in(0, DataType.INTEGER));
    assertThat(evalOver(expr, DataType.INTEGER, (Object) null)).containsExactly((Object) null);
  }

  @Test
  void mixedOperandTypesConvertToCallType() {
    assertThat(
            eval(
                binary(
                    Operator.PLUS,
                    DataType.BIGINT,
                    lit(Integer.MAX_VALUE, DataType.INTEGER),
                    lit(1, DataType.TINYINT))))
        .isEqualTo(2147483648L);
    assertThat(
            eval(
                binary(
                    Operator.DIVIDE,
                    DataType.DOUBLE,
                    lit(1, DataType.INTEGER),
                    lit(4.0, DataType.DOUBLE))))
        .isEqualTo(0.25);
    assertThat(
            eval(
                binary(
                    Operator.PLUS,
                    DataType.DOUBLE,
                    lit(125, DataType.decimal(5, 2)),
                    lit(1, DataType.INTEGER))))
        .isEqualTo(2.25);
  }

  @Test
  void floatOperatorsOnRealAndDouble() {
    for (DataType type : List.of(DataType.REAL, DataType.DOUBLE)) {
      assertThat(eval(binary(Operator.PLUS, type, lit(1.5, type), lit(2.25, type))))
          .isEqualTo(3.75);
      assertThat(eval(binary(Operator.MINUS, type, lit(1.5, type), lit(2.25, type))))
          .isEqualTo(-0.75);
      assertThat(eval(binary(Operator.TIMES, type, lit(1.5, type), lit(-2.0, type))))
          .isEqualTo(-3.0);
      assertThat(eval(binary(Operator.DIVIDE, type, lit(1.0, type), lit(4.0, type))))
          .isEqualTo(0.25);
      assertThat(eval(binary(Operator.MOD, type, lit(-7.5, type), lit(2.0, type)))).isEqualTo(-1.5);
      assertThat(eval(Call.of(Operator.NEGATE, type, lit(1.5, type)))).isEqualTo(-1.5);
    }
    Object third =
        eval(
            binary(
                Operator.DIVIDE, DataType.REAL, lit(1.0, DataType.REAL), lit(3.0, DataType.REAL)));
    assertThat(third).isEqualTo((double) (1.0f / 3.0f));
  }

  @Test
  void floatDivisionByZeroRaises() {
    for (DataType type : List.of(DataType.REAL, DataType.DOUBLE)) {
      raises(
          binary(Operator.DIVIDE, type, lit(1.0, type), lit(0.0, type)),
          KernelErrorCode.DIVISION_BY_ZERO);
      raises(
          binary(Operator.DIVIDE, type, lit(1.0, type), lit(-0.0, type)),
          KernelErrorCode.DIVISION_BY_ZERO);
      raises(
          binary(Operator.MOD, type, lit(1.0, type), lit(0.0, type)),
          KernelErrorCode.DIVISION_BY_ZERO);
    }
  }

  @Test
  void floatOverflowOfFiniteOperandsRaises() {
    Object[][] cases = {
      {DataType.DOUBLE, Operator.PLUS, Double.MAX_VALUE, Double.MAX_VALUE},
      {DataType.DOUBLE, Operator.MINUS, -Double.MAX_VALUE, Double.MAX_VALUE},
      {DataType.DOUBLE, Operator.TIMES, 1e300, 1e300},
      {DataType.DOUBLE, Operator.DIVIDE, 1e300, 1e-300},
      {DataType.REAL, Operator.PLUS, 3e38, 3e38},
      {DataType.REAL, Operator.TIMES, 1e30, 1e30},
      {DataType.REAL, Operator.DIVIDE, 1e30, 1e-30},
    };
    for (Object[] c : cases) {
      DataType type = (DataType) c[0];
      Expr expr = binary((Operator) c[1], type, lit((Double) c[2], type), lit((Double) c[3], type));
      KernelException exception = raises(expr, KernelErrorCode.NUMERIC_OVERFLOW);
      assertThat(exception.getMessage()).as("%s", expr).startsWith(type + " overflow in ");
    }
  }

  @Test
  void floatOverflowOfInfiniteOperandIsInfinity() {
    for (DataType type : List.of(DataType.REAL, DataType.DOUBLE)) {
      Expr times = binary(Operator.TIMES, type, in(0, type), lit(2.0, type));
      assertThat(evalOver(times, type, Double.POSITIVE_INFINITY, 1.5, Double.NaN))
          .as("%s", type)
          .containsExactly(Double.POSITIVE_INFINITY, 3.0, Double.NaN);
    }
  }

  @Test
  void decimalPlusRescalesOperands() {
    // 1.25 + 0.5 = 1.75
    Expr expr =
        binary(
            Operator.PLUS,
            DataType.decimal(6, 2),
            lit(125, DataType.decimal(5, 2)),
            lit(5, DataType.decimal(5, 1)));
    assertThat(eval(expr)).isEqualTo(175L);
    // 1.25 - 3 = -1.75 with an INTEGER operand at scale 0
    Expr minus =
        binary(
            Operator.MINUS,
            DataType.decimal(12, 2),
            lit(125, DataType.decimal(5, 2)),
            lit(3, DataType.INTEGER));
    assertThat(eval(minus)).isEqualTo(-175L);
  }

  @Test
  void decimalPlusRoundsToSmallerResultScale() {
    // 1.005 + 0.000 = 1.005, rounded to scale 2: 1.01; negative: -1.01
    DataType operand = DataType.decimal(6, 3);
    DataType result = DataType.decimal(6, 2);
    assertThat(eval(binary(Operator.PLUS, result, lit(1005, operand), lit(0, operand))))
        .isEqualTo(101L);
    assertThat(eval(binary(Operator.PLUS, result, lit(-1005, operand), lit(0, operand))))
        .isEqualTo(-101L);
  }

  @Test
  void decimalTimesRoundsHalfAwayFromZero() {
    DataType a = DataType.decimal(5, 2);
    DataType b = DataType.decimal(5, 1);
    DataType result = DataType.decimal(10, 2);
    // 1.25 * 0.5 = 0.625 -> 0.63
    assertThat(eval(binary(Operator.TIMES, result, lit(125, a), lit(5, b)))).isEqualTo(63L);
    // -1.25 * 0.5 = -0.625 -> -0.63
    assertThat(eval(binary(Operator.TIMES, result, lit(-125, a), lit(5, b)))).isEqualTo(-63L);
    // 1.24 * 0.5 = 0.620 -> 0.62 ; 1.23 * 0.5 = 0.615 -> 0.62 ; 1.21 * 0.5 = 0.605 -> 0.61
    assertThat(eval(binary(Operator.TIMES, result, lit(124, a), lit(5, b)))).isEqualTo(62L);
    assertThat(eval(binary(Operator.TIMES, result, lit(123, a), lit(5, b)))).isEqualTo(62L);
    assertThat(eval(binary(Operator.TIMES, result, lit(-121, a), lit(5, b)))).isEqualTo(-61L);
    // 1.24 * 0.1 = 0.124 -> 0.12
    assertThat(eval(binary(Operator.TIMES, result, lit(124, a), lit(1, b)))).isEqualTo(12L);
  }

  @Test
  void decimalDivideRoundsHalfAwayFromZero() {
    DataType a = DataType.decimal(5, 2);
    DataType b = DataType.decimal(3, 0);
    // 1.00 / 8 = 0.125 -> 0.13 and -0.13
    assertThat(eval(binary(Operator.DIVIDE, DataType.decimal(10, 2), lit(100, a), lit(8, b))))
        .isEqualTo(13L);
    assertThat(eval(binary(Operator.DIVIDE, DataType.decimal(10, 2), lit(-100, a), lit(8, b))))
        .isEqualTo(-13L);
    assertThat(eval(binary(Operator.DIVIDE, DataType.decimal(10, 2), lit(100, a), lit(-8, b))))
        .isEqualTo(-13L);
    // 2.00 / 3 = 0.6667 at scale 4, and -0.6667
    assertThat(eval(binary(Operator.DIVIDE, DataType.decimal(10, 4), lit(200, a), lit(3, b))))
        .isEqualTo(6667L);
    assertThat(eval(binary(Operator.DIVIDE, DataType.decimal(10, 4), lit(-200, a), lit(3, b))))
        .isEqualTo(-6667L);
    // 1.00 / 3 = 0.3333 truncates below half
    assertThat(eval(binary(Operator.DIVIDE, DataType.decimal(10, 4), lit(100, a), lit(3, b))))
        .isEqualTo(3333L);
    // result scale below the dividend's: 1.25 / 1 at scale 1 -> 1.3 and -1.3
    assertThat(eval(binary(Operator.DIVIDE, DataType.decimal(10, 1), lit(125, a), lit(1, b))))
        .isEqualTo(13L);
    assertThat(eval(binary(Operator.DIVIDE, DataType.decimal(10, 1), lit(-125, a), lit(1, b))))
        .isEqualTo(-13L);
  }

  @Test
  void decimalDivisionByZeroRaises() {
    DataType type = DataType.decimal(5, 2);
    raises(
        binary(Operator.DIVIDE, type, lit(100, type), lit(0, type)),
        KernelErrorCode.DIVISION_BY_ZERO);
    raises(
        binary(Operator.MOD, type, lit(100, type), lit(0, type)), KernelErrorCode.DIVISION_BY_ZERO);
  }

  @Test
  void decimalOverflowRaises() {
    DataType type = DataType.decimal(5, 2);
    // 999.99 + 0.01 = 1000.00 needs 6 digits
    KernelException exception =
        raises(
            binary(Operator.PLUS, type, lit(99999, type), lit(1, type)),
            KernelErrorCode.NUMERIC_OVERFLOW);
    assertThat(exception.getMessage())
        .contains("DECIMAL(5, 2)")
        .contains("999.99")
        .contains("0.01");
    raises(
        binary(Operator.MINUS, type, lit(-99999, type), lit(1, type)),
        KernelErrorCode.NUMERIC_OVERFLOW);
    raises(
        binary(Operator.TIMES, type, lit(10000, type), lit(1000, type)),
        KernelErrorCode.NUMERIC_OVERFLOW);
    // 999.99 / 0.01 = 99999 needs 7 digits at scale 2
    raises(
        binary(Operator.DIVIDE, type, lit(99999, type), lit(1, type)),
        KernelErrorCode.NUMERIC_OVERFLOW);
    // a product beyond 64 bits whose rounded value is still too large
    DataType wide = DataType.decimal(18, 0);
    raises(
        binary(Operator.TIMES, wide, lit(999_999_999_999L, wide), lit(999_999_999_999L, wide)),
        KernelErrorCode.NUMERIC_OVERFLOW);
  }

  @Test
  void decimalIntermediateOverflowFitsResult() {
    // 1.0000000000 * 1.0000000000: the exact product 10^20 at scale 20 leaves 64 bits
    DataType ten = DataType.decimal(11, 10);
    Expr times =
        binary(
            Operator.TIMES,
            DataType.decimal(18, 2),
            lit(10_000_000_000L, ten),
            lit(10_000_000_000L, ten));
    assertThat(eval(times)).isEqualTo(100L);
    // 10^17 + 0.5: at the common scale 18, 10^17 becomes 10^35; the sum rounds to 10^17 + 1
    Expr plus =
        binary(
            Operator.PLUS,
            DataType.decimal(18, 0),
            lit(100_000_000_000_000_000L, DataType.decimal(18, 0)),
            lit(500_000_000_000_000_000L, DataType.decimal(18, 18)));
    assertThat(eval(plus)).isEqualTo(100_000_000_000_000_001L);
    // 10^17 / 10.00 at scale 1: the dividend 10^17 * 10^3 leaves 64 bits, the result is 10^16
    Expr divide =
        binary(
            Operator.DIVIDE,
            DataType.decimal(18, 1),
            lit(100_000_000_000_000_000L, DataType.decimal(18, 0)),
            lit(1000, DataType.decimal(5, 2)));
    assertThat(eval(divide)).isEqualTo(100_000_000_000_000_000L);
  }

  @Test
  void decimalModKeepsDividendSign() {
    DataType a = DataType.decimal(3, 1);
    DataType b = DataType.decimal(3, 0);
    // -7.5 MOD 2 = -1.5 and 7.5 MOD -2 = 1.5
    assertThat(eval(binary(Operator.MOD, a, lit(-75, a), lit(2, b)))).isEqualTo(-15L);
    assertThat(eval(binary(Operator.MOD, a, lit(75, a), lit(-2, b)))).isEqualTo(15L);
  }

  @Test
  void decimalNegateRescales() {
    Expr expr = Call.of(Operator.NEGATE, DataType.decimal(6, 2), lit(15, DataType.decimal(3, 1)));
    assertThat(eval(expr)).isEqualTo(-150L);
  }

  @Test
  void decimalTimesIntegerOperand() {
    // 1.50 * 3 = 4.50
    Expr expr =
        binary(
            Operator.TIMES,
            DataType.decimal(12, 2),
            lit(150, DataType.decimal(5, 2)),
            lit(3, DataType.INTEGER));
    assertThat(eval(expr)).isEqualTo(450L);
  }

  @Test
  void decimalOfPrecision19OverflowsOnlyBeyondLong() {
    DataType type = DataType.decimal(19, 2);
    // 90000000000000000.00 + 2000000000000000.00 has 19 digits and fits a long
    Expr sum =
        binary(
            Operator.PLUS,
            type,
            lit(9_000_000_000_000_000_000L, type),
            lit(200_000_000_000_000_000L, type));
    assertThat(eval(sum)).isEqualTo(9_200_000_000_000_000_000L);
    Expr beyond = binary(Operator.PLUS, type, lit(Long.MAX_VALUE - 1, type), lit(2, type));
    raises(beyond, KernelErrorCode.NUMERIC_OVERFLOW);
    Expr product =
        binary(
            Operator.TIMES,
            DataType.decimal(19, 4),
            lit(1_000_000_000L, type),
            lit(-1_000_000_000L, type));
    assertThat(eval(product)).isEqualTo(-1_000_000_000_000_000_000L);
  }

  @Test
  void arithmeticOnBooleanIsRejected() {
    Expr expr = binary(Operator.PLUS, DataType.INTEGER, lit(true), lit(1, DataType.INTEGER));
    assertThatThrownBy(() -> eval(expr))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BOOLEAN");
  }
}
