package dev.warpsql.planner.rules;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.kernels.cpu.FloatArithmetic;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Arithmetic on approximate numbers that raises the SQL standard's errors, for code that Calcite's
 * Enumerable engine generates. Java's operators return infinity or NaN where the standard raises an
 * exception: for division by zero (SQLSTATE 22012), for a finite result that the type cannot hold
 * (22003), and for an invalid argument of POWER (2201F). The kernels raise the first two as well,
 * with the same messages, because these functions call the kernels' {@link FloatArithmetic}.
 *
 * <p>The operands are numbers of any type because Calcite leaves an exact operand of approximate
 * arithmetic uncast, and its generated code does not convert a BigDecimal argument. Every function
 * returns NULL when an operand is NULL. The methods are public because the generated code calls
 * them.
 */
public final class CheckedApproximateArithmetic {
  static final SqlOperator ADD_DOUBLE = operator("CHECKED_ADD_DOUBLE", "addDouble");
  static final SqlOperator SUBTRACT_DOUBLE = operator("CHECKED_SUBTRACT_DOUBLE", "subtractDouble");
  static final SqlOperator MULTIPLY_DOUBLE = operator("CHECKED_MULTIPLY_DOUBLE", "multiplyDouble");
  static final SqlOperator DIVIDE_DOUBLE = operator("CHECKED_DIVIDE_DOUBLE", "divideDouble");
  static final SqlOperator ADD_REAL = operator("CHECKED_ADD_REAL", "addReal");
  static final SqlOperator SUBTRACT_REAL = operator("CHECKED_SUBTRACT_REAL", "subtractReal");
  static final SqlOperator MULTIPLY_REAL = operator("CHECKED_MULTIPLY_REAL", "multiplyReal");
  static final SqlOperator DIVIDE_REAL = operator("CHECKED_DIVIDE_REAL", "divideReal");
  static final SqlOperator POWER = operator("CHECKED_POWER", "power");

  private CheckedApproximateArithmetic() {}

  @Strict
  public static double addDouble(Number a, Number b) {
    return FloatArithmetic.add(a.doubleValue(), b.doubleValue());
  }

  @Strict
  public static double subtractDouble(Number a, Number b) {
    return FloatArithmetic.subtract(a.doubleValue(), b.doubleValue());
  }

  @Strict
  public static double multiplyDouble(Number a, Number b) {
    return FloatArithmetic.multiply(a.doubleValue(), b.doubleValue());
  }

  @Strict
  public static double divideDouble(Number dividend, Number divisor) {
    return FloatArithmetic.divide(dividend.doubleValue(), divisor.doubleValue());
  }

  @Strict
  public static float addReal(Number a, Number b) {
    return FloatArithmetic.addReal(a.floatValue(), b.floatValue());
  }

  @Strict
  public static float subtractReal(Number a, Number b) {
    return FloatArithmetic.subtractReal(a.floatValue(), b.floatValue());
  }

  @Strict
  public static float multiplyReal(Number a, Number b) {
    return FloatArithmetic.multiplyReal(a.floatValue(), b.floatValue());
  }

  @Strict
  public static float divideReal(Number dividend, Number divisor) {
    return FloatArithmetic.divideReal(dividend.floatValue(), divisor.floatValue());
  }

  /**
   * Returns {@code base} raised to {@code exponent}, with the errors of the SQL standard's power
   * function. Zero raised to a negative exponent and a negative base raised to an exponent that is
   * not an integer raise an invalid argument for power function (2201F). A result that DOUBLE
   * cannot hold raises an overflow. SQRT reaches here too, because Calcite converts {@code SQRT(x)}
   * to {@code POWER(x, 0.5)}.
   */
  @Strict
  public static double power(Number base, Number exponent) {
    double b = base.doubleValue();
    double e = exponent.doubleValue();
    if (b == 0 && e < 0) {
      throw invalidPower(b, e, "zero raised to a negative exponent");
    }
    if (b < 0 && Double.isFinite(e) && e != Math.rint(e)) {
      throw invalidPower(b, e, "a negative base raised to an exponent that is not an integer");
    }
    double result = Math.pow(b, e);
    if (Double.isInfinite(result) && Double.isFinite(b) && Double.isFinite(e)) {
      throw new WarpException(
          ErrorCode.NUMERIC_OVERFLOW, "DOUBLE overflow in POWER(" + b + ", " + e + ")");
    }
    return result;
  }

  private static WarpException invalidPower(double base, double exponent, String reason) {
    String call = "POWER(" + base + ", " + exponent + ")";
    if (exponent == 0.5) {
      call = "SQRT(" + base + ") or " + call;
    }
    return new WarpException(
        ErrorCode.INVALID_POWER_ARGUMENT, "invalid argument for " + call + ": " + reason);
  }

  private static SqlOperator operator(String name, String method) {
    return new SqlUserDefinedFunction(
        new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.LEAST_RESTRICTIVE,
        null,
        null,
        ScalarFunctionImpl.create(CheckedApproximateArithmetic.class, method));
  }
}
