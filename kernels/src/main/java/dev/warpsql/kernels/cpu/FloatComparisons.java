package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.FloatOrder;

/**
 * Comparisons of two doubles in the {@link FloatOrder total order}, called by generated kernels
 * when both operands may be NaN: NaN equals NaN and is greater than every other value, and -0.0
 * equals 0.0.
 */
public final class FloatComparisons {
  private FloatComparisons() {}

  public static boolean equal(double a, double b) {
    return a == b || (a != a && b != b);
  }

  public static boolean notEqual(double a, double b) {
    return !equal(a, b);
  }

  public static boolean lessThan(double a, double b) {
    return a < b || (b != b && a == a);
  }

  public static boolean lessThanOrEqual(double a, double b) {
    return a <= b || b != b;
  }

  public static boolean greaterThan(double a, double b) {
    return a > b || (a != a && b == b);
  }

  public static boolean greaterThanOrEqual(double a, double b) {
    return a >= b || a != a;
  }
}
