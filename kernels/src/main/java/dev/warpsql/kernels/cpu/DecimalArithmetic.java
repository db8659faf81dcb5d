package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact DECIMAL arithmetic on unscaled 64-bit values, called by generated kernels.
 *
 * <p>Each operation takes its operands with their scales and the result's precision and scale. The
 * fast path stays in {@code long}; when an intermediate value leaves 64 bits, {@link
 * ArithmeticException} moves the operation to a {@link BigDecimal} slow path, so that only a result
 * with more digits than the result precision raises {@link KernelErrorCode#NUMERIC_OVERFLOW}.
 * Rounding is half away from zero ({@link RoundingMode#HALF_UP}). Error messages are built only
 * when an operation fails, so the fast path allocates nothing.
 */
public final class DecimalArithmetic {
  private static final int MAX_POWER = 18;
  private static final long[] POWERS_OF_TEN = new long[MAX_POWER + 1];
  private static final double[] DOUBLE_POWERS_OF_TEN = new double[MAX_POWER + 1];
  private static final long MAX_EXACT_DOUBLE = 1L << 53;

  static {
    long power = 1;
    for (int i = 0; i <= MAX_POWER; i++) {
      POWERS_OF_TEN[i] = power;
      DOUBLE_POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private DecimalArithmetic() {}

  public static long add(long a, int aScale, long b, int bScale, int precision, int scale) {
    long result;
    try {
      int common = Math.max(aScale, bScale);
      long sum = Math.addExact(scaleUp(a, common - aScale), scaleUp(b, common - bScale));
      result = roundToScale(sum, common, scale);
    } catch (ArithmeticException e) {
      BigDecimal exact = decimal(a, aScale).add(decimal(b, bScale));
      return fromBigDecimal(exact, precision, scale, describe(a, aScale, " + ", b, bScale));
    }
    if (!fitsPrecision(result, precision)) {
      throw overflow(precision, scale, describe(a, aScale, " + ", b, bScale));
    }
    return result;
  }

  public static long subtract(long a, int aScale, long b, int bScale, int precision, int scale) {
    long result;
    try {
      int common = Math.max(aScale, bScale);
      long difference =
          Math.subtractExact(scaleUp(a, common - aScale), scaleUp(b, common - bScale));
      result = roundToScale(difference, common, scale);
    } catch (ArithmeticException e) {
      BigDecimal exact = decimal(a, aScale).subtract(decimal(b, bScale));
      return fromBigDecimal(exact, precision, scale, describe(a, aScale, " - ", b, bScale));
    }
    if (!fitsPrecision(result, precision)) {
      throw overflow(precision, scale, describe(a, aScale, " - ", b, bScale));
    }
    return result;
  }

  /** Multiplies exactly at scale {@code aScale + bScale}, then rounds to {@code scale}. */
  public static long multiply(long a, int aScale, long b, int bScale, int precision, int scale) {
    long result;
    try {
      result = roundToScale(Math.multiplyExact(a, b), aScale + bScale, scale);
    } catch (ArithmeticException e) {
      BigDecimal exact = decimal(a, aScale).multiply(decimal(b, bScale));
      return fromBigDecimal(exact, precision, scale, describe(a, aScale, " * ", b, bScale));
    }
    if (!fitsPrecision(result, precision)) {
      throw overflow(precision, scale, describe(a, aScale, " * ", b, bScale));
    }
    return result;
  }

  /** Divides and rounds the exact quotient to {@code scale}. */
  public static long divide(long a, int aScale, long b, int bScale, int precision, int scale) {
    if (b == 0) {
      throw ExactArithmetic.divisionByZero(describe(a, aScale, " / ", b, bScale));
    }
    long result;
    try {
      // a / 10^aScale / (b / 10^bScale) * 10^scale = a * 10^(scale + bScale - aScale) / b
      int exponent = scale + bScale - aScale;
      long dividend = exponent >= 0 ? scaleUp(a, exponent) : a;
      long divisor = exponent >= 0 ? b : scaleUp(b, -exponent);
      result = divideRounded(dividend, divisor);
    } catch (ArithmeticException e) {
      BigDecimal exact = decimal(a, aScale).divide(decimal(b, bScale), scale, RoundingMode.HALF_UP);
      return fromBigDecimal(exact, precision, scale, describe(a, aScale, " / ", b, bScale));
    }
    if (!fitsPrecision(result, precision)) {
      throw overflow(precision, scale, describe(a, aScale, " / ", b, bScale));
    }
    return result;
  }

  /** Returns the remainder with the sign of the dividend. */
  public static long mod(long a, int aScale, long b, int bScale, int precision, int scale) {
    if (b == 0) {
      throw ExactArithmetic.divisionByZero(
          "MOD(" + decimal(a, aScale) + ", " + decimal(b, bScale) + ")");
    }
    long result;
    try {
      int common = Math.max(aScale, bScale);
      long remainder = scaleUp(a, common - aScale) % scaleUp(b, common - bScale);
      result = roundToScale(remainder, common, scale);
    } catch (ArithmeticException e) {
      BigDecimal exact = decimal(a, aScale).remainder(decimal(b, bScale));
      return fromBigDecimal(exact, precision, scale, describe(a, aScale, " MOD ", b, bScale));
    }
    if (!fitsPrecision(result, precision)) {
      throw overflow(precision, scale, describe(a, aScale, " MOD ", b, bScale));
    }
    return result;
  }

  /** Converts a DECIMAL (or an integer at scale 0) to DECIMAL(precision, scale). */
  public static long rescale(long value, int fromScale, int precision, int scale) {
    long result;
    try {
      result = roundToScale(value, fromScale, scale);
    } catch (ArithmeticException e) {
      return fromBigDecimal(
          decimal(value, fromScale), precision, scale, "CAST(" + decimal(value, fromScale) + ")");
    }
    if (!fitsPrecision(result, precision)) {
      throw overflow(precision, scale, "CAST(" + decimal(value, fromScale) + ")");
    }
    return result;
  }

  /** Rounds a DECIMAL to an integer of the range {@code [min, max]}, half away from zero. */
  public static long toInteger(long value, int scale, long min, long max, String typeName) {
    long result;
    if (scale <= MAX_POWER) {
      result = divideRounded(value, POWERS_OF_TEN[scale]);
    } else {
      BigDecimal rounded = decimal(value, scale).setScale(0, RoundingMode.HALF_UP);
      result = rounded.longValue();
    }
    if (result < min || result > max) {
      throw new KernelException(
          KernelErrorCode.NUMERIC_OVERFLOW,
          "value " + decimal(value, scale) + " is out of range for " + typeName);
    }
    return result;
  }

  /** Compares two DECIMAL values exactly, whatever their scales. */
  public static int compare(long a, int aScale, long b, int bScale) {
    if (aScale == bScale) {
      return Long.compare(a, b);
    }
    try {
      int common = Math.max(aScale, bScale);
      return Long.compare(scaleUp(a, common - aScale), scaleUp(b, common - bScale));
    } catch (ArithmeticException e) {
      return decimal(a, aScale).compareTo(decimal(b, bScale));
    }
  }

  /** Returns the double nearest to the DECIMAL value. */
  public static double toDouble(long value, int scale) {
    if (scale == 0) {
      return value;
    }
    if (Math.abs(value) <= MAX_EXACT_DOUBLE && scale <= MAX_POWER) {
      // Both operands are exact doubles, so IEEE division rounds the quotient correctly.
      return value / DOUBLE_POWERS_OF_TEN[scale];
    }
    return decimal(value, scale).doubleValue();
  }

  /**
   * Converts the exact binary value of a double to DECIMAL(precision, scale), rounding half away
   * from zero.
   */
  public static long fromDouble(double value, int precision, int scale) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new KernelException(
          KernelErrorCode.INVALID_CAST,
          "cannot cast " + value + " to DECIMAL(" + precision + ", " + scale + ")");
    }
    // NOTE: allocates a BigDecimal per value, so this cast is slower than the other casts.
    return fromBigDecimal(new BigDecimal(value), precision, scale, "CAST(" + value + ")");
  }

  /**
   * Returns whether an unscaled value has at most {@code precision} digits. Every {@code long} fits
   * precision 19, because DECIMAL(19, s) is bounded by the range of {@code long}.
   */
  static boolean fitsPrecision(long value, int precision) {
    if (precision > MAX_POWER) {
      return true;
    }
    return value != Long.MIN_VALUE && Math.abs(value) < POWERS_OF_TEN[precision];
  }

  static BigDecimal decimal(long value, int scale) {
    return BigDecimal.valueOf(value, scale);
  }

  private static long fromBigDecimal(BigDecimal exact, int precision, int scale, String operation) {
    BigDecimal rounded = exact.setScale(scale, RoundingMode.HALF_UP);
    boolean fitsLong = rounded.unscaledValue().bitLength() < Long.SIZE;
    if (!fitsLong || rounded.precision() > precision) {
      throw overflow(precision, scale, operation);
    }
    return rounded.unscaledValue().longValueExact();
  }

  private static KernelException overflow(int precision, int scale, String operation) {
    return ExactArithmetic.overflow("DECIMAL(" + precision + ", " + scale + ")", operation);
  }

  private static String describe(long a, int aScale, String operator, long b, int bScale) {
    return decimal(a, aScale).toPlainString() + operator + decimal(b, bScale).toPlainString();
  }

  /** Multiplies by 10^power, raising {@link ArithmeticException} when 64 bits do not hold it. */
  private static long scaleUp(long value, int power) {
    if (power == 0) {
      return value;
    }
    if (power > MAX_POWER) {
      if (value == 0) {
        return 0;
      }
      throw new ArithmeticException("scale difference " + power);
    }
    return Math.multiplyExact(value, POWERS_OF_TEN[power]);
  }

  /** Moves an unscaled value from one scale to another, rounding when the scale shrinks. */
  private static long roundToScale(long value, int fromScale, int toScale) {
    if (toScale >= fromScale) {
      return scaleUp(value, toScale - fromScale);
    }
    if (fromScale - toScale > MAX_POWER) {
      throw new ArithmeticException("scale difference " + (fromScale - toScale));
    }
    return divideRounded(value, POWERS_OF_TEN[fromScale - toScale]);
  }

  /** Divides by a non-zero divisor, rounding the quotient half away from zero. */
  private static long divideRounded(long dividend, long divisor) {
    if (divisor == Long.MIN_VALUE || (dividend == Long.MIN_VALUE && divisor == -1)) {
      throw new ArithmeticException("quotient leaves 64 bits");
    }
    long quotient = dividend / divisor;
    long remainder = Math.abs(dividend % divisor);
    long absDivisor = Math.abs(divisor);
    // remainder >= absDivisor / 2 exactly, written without overflow
    if (remainder >= absDivisor - remainder) {
      quotient += (dividend ^ divisor) < 0 ? -1 : 1;
    }
    return quotient;
  }
}
