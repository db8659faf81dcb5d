package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.KernelErrorCode;

/**
 * REAL and DOUBLE arithmetic that raises {@link KernelErrorCode#NUMERIC_OVERFLOW} when finite
 * operands give an infinite result, called by generated kernels. IEEE arithmetic would return
 * infinity, but the SQL standard makes a result outside the type's range an exception (SQLSTATE
 * 22003). An infinite operand, which only a stored value can bring, still gives IEEE's result.
 *
 * <p>The common path costs one test of the result; the operands are tested only after it fails. The
 * REAL methods compute in {@code float}, so the result is REAL's rounding of the exact one.
 */
public final class FloatArithmetic {
  private FloatArithmetic() {}

  public static double add(double a, double b) {
    return checked(a + b, a, b, " + ");
  }

  public static double subtract(double a, double b) {
    return checked(a - b, a, b, " - ");
  }

  public static double multiply(double a, double b) {
    return checked(a * b, a, b, " * ");
  }

  /** Divides, raising {@link KernelErrorCode#DIVISION_BY_ZERO} for a zero divisor. */
  public static double divide(double a, double b) {
    ExactArithmetic.checkFloatDivisor(b, "DOUBLE division");
    return checked(a / b, a, b, " / ");
  }

  public static float addReal(float a, float b) {
    return checkedReal(a + b, a, b, " + ");
  }

  public static float subtractReal(float a, float b) {
    return checkedReal(a - b, a, b, " - ");
  }

  public static float multiplyReal(float a, float b) {
    return checkedReal(a * b, a, b, " * ");
  }

  /** Divides, raising {@link KernelErrorCode#DIVISION_BY_ZERO} for a zero divisor. */
  public static float divideReal(float a, float b) {
    ExactArithmetic.checkFloatDivisor(b, "REAL division");
    return checkedReal(a / b, a, b, " / ");
  }

  /** Returns {@code result}, or raises an overflow when it is infinite but the operands are not. */
  private static double checked(double result, double a, double b, String operator) {
    if (Double.isInfinite(result) && Double.isFinite(a) && Double.isFinite(b)) {
      throw ExactArithmetic.overflow("DOUBLE", a + operator + b);
    }
    return result;
  }

  private static float checkedReal(float result, float a, float b, String operator) {
    if (Float.isInfinite(result) && Float.isFinite(a) && Float.isFinite(b)) {
      throw ExactArithmetic.overflow("REAL", a + operator + b);
    }
    return result;
  }
}
