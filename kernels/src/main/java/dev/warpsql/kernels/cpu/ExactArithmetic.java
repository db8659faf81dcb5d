package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;

/**
 * Overflow-checked integer arithmetic for TINYINT, SMALLINT, INTEGER and BIGINT, called by
 * generated kernels.
 *
 * <p>Operands arrive widened to {@code long}. Each method checks the exact result against the range
 * {@code [min, max]} of the call's type and raises {@link KernelErrorCode#NUMERIC_OVERFLOW} naming
 * the type, the operation and the operands. Messages are built only on the failure path.
 */
public final class ExactArithmetic {
  private ExactArithmetic() {}

  public static long add(long a, long b, long min, long max, String typeName) {
    long result = a + b;
    if (((a ^ result) & (b ^ result)) < 0 || result < min || result > max) {
      throw overflow(typeName, a + " + " + b);
    }
    return result;
  }

  public static long subtract(long a, long b, long min, long max, String typeName) {
    long result = a - b;
    if (((a ^ b) & (a ^ result)) < 0 || result < min || result > max) {
      throw overflow(typeName, a + " - " + b);
    }
    return result;
  }

  public static long multiply(long a, long b, long min, long max, String typeName) {
    long result = a * b;
    long high = Math.multiplyHigh(a, b);
    if (high != (result >> 63) || result < min || result > max) {
      throw overflow(typeName, a + " * " + b);
    }
    return result;
  }

  /** Divides truncating toward zero. */
  public static long divide(long a, long b, long min, long max, String typeName) {
    if (b == 0) {
      throw divisionByZero(a + " / 0");
    }
    if (a == Long.MIN_VALUE && b == -1) {
      throw overflow(typeName, a + " / " + b);
    }
    long result = a / b;
    if (result < min || result > max) {
      throw overflow(typeName, a + " / " + b);
    }
    return result;
  }

  /** Returns the remainder with the sign of the dividend. */
  public static long mod(long a, long b) {
    if (b == 0) {
      throw divisionByZero("MOD(" + a + ", 0)");
    }
    return a % b;
  }

  public static long negate(long a, long min, long max, String typeName) {
    if (a == Long.MIN_VALUE || -a < min || -a > max) {
      throw overflow(typeName, "-(" + a + ")");
    }
    return -a;
  }

  /** Returns {@code value} after checking that it lies in {@code [min, max]}. */
  public static long checkRange(long value, long min, long max, String typeName) {
    if (value < min || value > max) {
      throw new KernelException(
          KernelErrorCode.NUMERIC_OVERFLOW, "value " + value + " is out of range for " + typeName);
    }
    return value;
  }

  /**
   * Returns the divisor after checking that it is not zero, for REAL and DOUBLE division and MOD;
   * {@code operation} names the operation in the error message.
   */
  public static double checkFloatDivisor(double divisor, String operation) {
    if (divisor == 0.0) {
      throw divisionByZero(operation);
    }
    return divisor;
  }

  static KernelException overflow(String typeName, String operation) {
    return new KernelException(
        KernelErrorCode.NUMERIC_OVERFLOW, typeName + " overflow in " + operation);
  }

  static KernelException divisionByZero(String operation) {
    return new KernelException(
        KernelErrorCode.DIVISION_BY_ZERO, "division by zero in " + operation);
  }
}
