package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogicKernelTest extends KernelTestSupport {
  private static final Boolean NULL = null;
  private static final Boolean[] TRUTH_VALUES = {true, false, NULL};

  private static Expr bool(Boolean value) {
    return value == null ? nullOf(DataType.BOOLEAN) : lit(value);
  }

  /** Returns 1 / 0 = 1, which raises DIVISION_BY_ZERO when evaluated. */
  private static Expr raisingCondition() {
    Expr quotient =
        Call.of(
            Operator.DIVIDE, DataType.INTEGER, lit(1, DataType.INTEGER), lit(0, DataType.INTEGER));
    return Call.of(Operator.EQUALS, DataType.BOOLEAN, quotient, lit(1, DataType.INTEGER));
  }

  @Test
  void andOrFollowThreeValuedLogic() {
    // rows and columns in the order TRUE, FALSE, NULL
    Boolean[][] and = {{true, false, NULL}, {false, false, false}, {NULL, false, NULL}};
    Boolean[][] or = {{true, true, true}, {true, false, NULL}, {true, NULL, NULL}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        Expr a = bool(TRUTH_VALUES[i]);
        Expr b = bool(TRUTH_VALUES[j]);
        assertThat(eval(Call.of(Operator.AND, DataType.BOOLEAN, a, b)))
            .as("%s AND %s", TRUTH_VALUES[i], TRUTH_VALUES[j])
            .isEqualTo(and[i][j]);
        assertThat(eval(Call.of(Operator.OR, DataType.BOOLEAN, a, b)))
            .as("%s OR %s", TRUTH_VALUES[i], TRUTH_VALUES[j])
            .isEqualTo(or[i][j]);
      }
    }
  }

  @Test
  void andOrOverInputColumns() {
    Expr input = in(0, DataType.BOOLEAN);
    Expr and = Call.of(Operator.AND, DataType.BOOLEAN, input, lit(true), input);
    Expr or = Call.of(Operator.OR, DataType.BOOLEAN, input, lit(false), input);
    assertThat(evalOver(and, DataType.BOOLEAN, true, false, null))
        .containsExactly(true, false, null);
    assertThat(evalOver(or, DataType.BOOLEAN, true, false, null))
        .containsExactly(true, false, null);
  }

  @Test
  void notFollowsThreeValuedLogic() {
    assertThat(eval(Call.of(Operator.NOT, DataType.BOOLEAN, lit(true)))).isEqualTo(false);
    assertThat(eval(Call.of(Operator.NOT, DataType.BOOLEAN, lit(false)))).isEqualTo(true);
    assertThat(eval(Call.of(Operator.NOT, DataType.BOOLEAN, bool(NULL)))).isNull();
  }

  @Test
  void truthTestsAreNeverNull() {
    // operator, then results for TRUE, FALSE, NULL
    Object[][] cases = {
      {Operator.IS_NULL, false, false, true},
      {Operator.IS_NOT_NULL, true, true, false},
      {Operator.IS_TRUE, true, false, false},
      {Operator.IS_NOT_TRUE, false, true, true},
      {Operator.IS_FALSE, false, true, false},
      {Operator.IS_NOT_FALSE, true, false, true},
    };
    for (Object[] c : cases) {
      Operator operator = (Operator) c[0];
      Expr test = new Call(operator, List.of(in(0, DataType.BOOLEAN)), DataType.BOOLEAN, false);
      assertThat(evalOver(test, DataType.BOOLEAN, true, false, null))
          .as(operator.name())
          .containsExactly(c[1], c[2], c[3]);
    }
  }

  @Test
  void isNullOnNumericInput() {
    Expr test =
        new Call(Operator.IS_NULL, List.of(in(0, DataType.DOUBLE)), DataType.BOOLEAN, false);
    assertThat(evalOver(test, DataType.DOUBLE, 1.0, null)).containsExactly(false, true);
  }

  @Test
  void andOrStopAtDecidingOperand() {
    assertThat(eval(Call.of(Operator.AND, DataType.BOOLEAN, lit(false), raisingCondition())))
        .isEqualTo(false);
    assertThat(eval(Call.of(Operator.OR, DataType.BOOLEAN, lit(true), raisingCondition())))
        .isEqualTo(true);
    raises(
        Call.of(Operator.AND, DataType.BOOLEAN, lit(true), raisingCondition()),
        KernelErrorCode.DIVISION_BY_ZERO);
  }

  @Test
  void caseEvaluatesOnlyChosenBranch() {
    // CASE WHEN x = 0 THEN 0 ELSE 10 / x END
    Expr x = in(0, DataType.INTEGER);
    Expr zero = lit(0, DataType.INTEGER);
    Expr expr =
        Call.of(
            Operator.CASE,
            DataType.INTEGER,
            Call.of(Operator.EQUALS, DataType.BOOLEAN, x, zero),
            zero,
            Call.of(Operator.DIVIDE, DataType.INTEGER, lit(10, DataType.INTEGER), x));
    assertThat(evalOver(expr, DataType.INTEGER, 0L, 5L, null)).containsExactly(0L, 2L, null);
  }

  @Test
  void caseTreatsNullConditionAsNotTrue() {
    Expr expr =
        Call.of(
            Operator.CASE,
            DataType.BIGINT,
            bool(NULL),
            lit(1, DataType.BIGINT),
            lit(false),
            lit(2, DataType.BIGINT),
            lit(3, DataType.BIGINT));
    assertThat(eval(expr)).isEqualTo(3L);
    Expr noElse =
        Call.of(
            Operator.CASE,
            DataType.BIGINT,
            lit(false),
            lit(1, DataType.BIGINT),
            nullOf(DataType.BIGINT));
    assertThat(eval(noElse)).isNull();
  }

  @Test
  void caseConvertsBranchesToCallType() {
    // CASE WHEN c THEN 1.5 (DECIMAL(2, 1)) ELSE 7 (INTEGER) END as DECIMAL(12, 2)
    Expr expr =
        Call.of(
            Operator.CASE,
            DataType.decimal(12, 2),
            in(0, DataType.BOOLEAN),
            lit(15, DataType.decimal(2, 1)),
            lit(7, DataType.INTEGER));
    assertThat(evalOver(expr, DataType.BOOLEAN, true, false, null))
        .containsExactly(150L, 700L, 700L);
  }

  @Test
  void coalesceStopsAtFirstNonNull() {
    Expr raising =
        Call.of(
            Operator.DIVIDE, DataType.INTEGER, lit(1, DataType.INTEGER), lit(0, DataType.INTEGER));
    assertThat(
            eval(Call.of(Operator.COALESCE, DataType.INTEGER, lit(4, DataType.INTEGER), raising)))
        .isEqualTo(4L);
    Expr input = in(0, DataType.INTEGER);
    Expr expr =
        Call.of(
            Operator.COALESCE,
            DataType.BIGINT,
            input,
            nullOf(DataType.INTEGER),
            lit(9, DataType.BIGINT));
    assertThat(evalOver(expr, DataType.INTEGER, 1L, null)).containsExactly(1L, 9L);
    Expr allNull = Call.of(Operator.COALESCE, DataType.INTEGER, input, nullOf(DataType.INTEGER));
    assertThat(evalOver(allNull, DataType.INTEGER, (Object) null)).containsExactly((Object) null);
  }

  @Test
  void strictOperatorsPropagateNull() {
    Expr nullInt = nullOf(DataType.INTEGER);
    Expr one = lit(1, DataType.INTEGER);
    assertThat(eval(Call.of(Operator.PLUS, DataType.INTEGER, one, nullInt))).isNull();
    assertThat(eval(Call.of(Operator.NEGATE, DataType.INTEGER, nullInt))).isNull();
    assertThat(eval(Call.of(Operator.LESS_THAN, DataType.BOOLEAN, nullInt, one))).isNull();
    assertThat(eval(Call.of(Operator.CAST, DataType.BIGINT, nullInt))).isNull();
    assertThat(eval(Call.of(Operator.EXTRACT_YEAR, DataType.BIGINT, nullOf(DataType.DATE))))
        .isNull();
    Expr nullInput = in(0, DataType.INTEGER);
    assertThat(
            evalOver(
                Call.of(Operator.MOD, DataType.INTEGER, one, nullInput),
                DataType.INTEGER,
                (Object) null))
        .containsExactly((Object) null);
  }

  @Test
  void comparisonsOnEveryType() {
    // type, smaller, larger
    Object[][] cases = {
      {DataType.BOOLEAN, false, true},
      {DataType.TINYINT, -5L, 3L},
      {DataType.SMALLINT, -300L, 300L},
      {DataType.INTEGER, -70000L, 70000L},
      {DataType.BIGINT, Long.MIN_VALUE, Long.MAX_VALUE},
      {DataType.REAL, -1.5, 2.5},
      {DataType.DOUBLE, -1.5e300, 2.5},
      {DataType.decimal(10, 2), -150L, 149L},
      {DataType.DATE, -1L, 0L},
      {DataType.TIME, 5L, 86_399_999_999L},
      {DataType.TIMESTAMP, -1L, 1L},
      {DataType.VARCHAR, 2L, 3L},
    };
    for (Object[] c : cases) {
      DataType type = (DataType) c[0];
      Expr small = literal(type, c[1]);
      Expr large = literal(type, c[2]);
      assertComparison(Operator.EQUALS, small, small, true);
      assertComparison(Operator.EQUALS, small, large, false);
      assertComparison(Operator.NOT_EQUALS, small, large, true);
      assertComparison(Operator.NOT_EQUALS, large, large, false);
      assertComparison(Operator.LESS_THAN, small, large, true);
      assertComparison(Operator.LESS_THAN, large, small, false);
      assertComparison(Operator.LESS_THAN_OR_EQUAL, small, small, true);
      assertComparison(Operator.LESS_THAN_OR_EQUAL, large, small, false);
      assertComparison(Operator.GREATER_THAN, large, small, true);
      assertComparison(Operator.GREATER_THAN, small, small, false);
      assertComparison(Operator.GREATER_THAN_OR_EQUAL, large, large, true);
      assertComparison(Operator.GREATER_THAN_OR_EQUAL, small, large, false);
    }
  }

  @Test
  void decimalComparisonAcrossScalesIsExact() {
    Expr oneAndHalf = lit(15, DataType.decimal(2, 1));
    assertComparison(Operator.EQUALS, oneAndHalf, lit(150, DataType.decimal(3, 2)), true);
    assertComparison(Operator.LESS_THAN, oneAndHalf, lit(151, DataType.decimal(3, 2)), true);
    assertComparison(
        Operator.EQUALS, lit(200, DataType.decimal(3, 2)), lit(2, DataType.INTEGER), true);
    assertComparison(
        Operator.GREATER_THAN, lit(201, DataType.decimal(3, 2)), lit(2, DataType.BIGINT), true);
    // scaling 10^17 to scale 18 leaves 64 bits, so the comparison takes the exact slow path
    Expr huge = lit(100_000_000_000_000_000L, DataType.decimal(18, 0));
    Expr half = lit(500_000_000_000_000_000L, DataType.decimal(18, 18));
    assertComparison(Operator.GREATER_THAN, huge, half, true);
    assertComparison(
        Operator.LESS_THAN, Call.of(Operator.NEGATE, DataType.decimal(18, 0), huge), half, true);
  }

  @Test
  void mixedNumericComparisonUsesDouble() {
    assertComparison(Operator.LESS_THAN, lit(1, DataType.INTEGER), lit(1.5, DataType.DOUBLE), true);
    assertComparison(
        Operator.EQUALS, lit(125, DataType.decimal(3, 2)), lit(1.25, DataType.REAL), true);
  }

  private void assertComparison(Operator operator, Expr a, Expr b, boolean expected) {
    assertThat(eval(Call.of(operator, DataType.BOOLEAN, a, b)))
        .as("%s %s %s", a, operator, b)
        .isEqualTo(expected);
  }

  private static Expr literal(DataType type, Object value) {
    if (value instanceof Boolean b) {
      return lit(b);
    }
    if (value instanceof Double d) {
      return lit(d, type);
    }
    return lit((Long) value, type);
  }
}
