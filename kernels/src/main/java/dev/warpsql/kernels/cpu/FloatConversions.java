package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;

/** Conversions out of REAL and DOUBLE for CAST, called by generated kernels. */
public final class FloatConversions {
  private static final double TWO_POW_63 = 0x1p63;

  private FloatConversions() {}

  /**
   * Rounds a double half away from zero to an integer in {@code [min, max]}; NaN and infinities
   * raise {@link KernelErrorCode#INVALID_CAST}, values out of range raise {@link
   * KernelErrorCode#NUMERIC_OVERFLOW}.
   */
  public static long toInteger(double value, long min, long max, String typeName) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new KernelException(
          KernelErrorCode.INVALID_CAST, "cannot cast " + value + " to " + typeName);
    }
    double magnitude = Math.abs(value);
    double whole = Math.floor(magnitude);
    // magnitude - whole is exact, so ties are detected without the error of adding 0.5 first
    if (magnitude - whole >= 0.5) {
      whole += 1.0;
    }
    double rounded = Math.copySign(whole, value);
    if (rounded < -TWO_POW_63 || rounded >= TWO_POW_63) {
      throw outOfRange(value, typeName);
    }
    long result = (long) rounded;
    if (result < min || result > max) {
      throw outOfRange(value, typeName);
    }
    return result;
  }

  /** Narrows a double to REAL, raising when a finite value is beyond REAL's range. */
  public static float toReal(double value) {
    float result = (float) value;
    if (Float.isInfinite(result) && !Double.isInfinite(value)) {
      throw outOfRange(value, "REAL");
    }
    return result;
  }

  private static KernelException outOfRange(double value, String typeName) {
    return new KernelException(
        KernelErrorCode.NUMERIC_OVERFLOW, "value " + value + " is out of range for " + typeName);
  }
}
