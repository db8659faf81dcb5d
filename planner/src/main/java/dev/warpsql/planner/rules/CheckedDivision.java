package dev.warpsql.planner.rules;

import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Division of approximate numbers that raises division by zero, for code that Calcite's Enumerable
 * engine generates. Java's {@code /} on floating-point numbers returns infinity or NaN for a zero
 * divisor, but the SQL standard makes division by zero an exception for approximate numbers as for
 * exact ones, and WarpSQL's kernels raise it (SQLSTATE 22012).
 *
 * <p>The methods are public because the generated code calls them.
 */
public final class CheckedDivision {
  /** Division of DOUBLE values that raises division by zero; NULL when an operand is NULL. */
  static final SqlOperator DIVIDE_DOUBLE = operator("CHECKED_DIVIDE_DOUBLE", "divideDouble");

  /** Division of REAL values that raises division by zero; NULL when an operand is NULL. */
  static final SqlOperator DIVIDE_REAL = operator("CHECKED_DIVIDE_REAL", "divideReal");

  private CheckedDivision() {}

  /**
   * Returns {@code dividend / divisor} as a DOUBLE, or raises division by zero when the divisor is
   * zero. The operands are numbers of any type because Calcite leaves a DECIMAL operand of an
   * approximate division uncast, and its generated code does not convert a BigDecimal argument.
   */
  @Strict
  public static double divideDouble(Number dividend, Number divisor) {
    return dividend.doubleValue() / nonZero(divisor.doubleValue());
  }

  /** Returns {@code dividend / divisor} as a REAL, or raises division by zero when it is zero. */
  @Strict
  public static float divideReal(Number dividend, Number divisor) {
    return dividend.floatValue() / (float) nonZero(divisor.floatValue());
  }

  /**
   * Returns the divisor, or raises division by zero. SqlErrors maps an ArithmeticException whose
   * message contains "zero" to SQLSTATE 22012.
   */
  private static double nonZero(double divisor) {
    if (divisor == 0) {
      throw new ArithmeticException("division by zero");
    }
    return divisor;
  }

  private static SqlOperator operator(String name, String method) {
    return new SqlUserDefinedFunction(
        new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.LEAST_RESTRICTIVE,
        null,
        null,
        ScalarFunctionImpl.create(CheckedDivision.class, method));
  }
}
