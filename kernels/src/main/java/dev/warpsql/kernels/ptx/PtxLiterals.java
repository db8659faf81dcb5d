package dev.warpsql.kernels.ptx;

import java.util.Locale;

/** PTX spellings of constants. */
final class PtxLiterals {
  private PtxLiterals() {}

  /** Returns a 64-bit integer constant; the minimum value is spelled in hexadecimal. */
  static String s64(long value) {
    return value == Long.MIN_VALUE ? "0x8000000000000000" : Long.toString(value);
  }

  /** Returns the exact hexadecimal PTX form of a double, such as {@code 0d3FF0000000000000}. */
  static String f64(double value) {
    return String.format(Locale.ROOT, "0d%016X", Double.doubleToRawLongBits(value));
  }

  /** Returns the exact hexadecimal PTX form of a float, such as {@code 0f3F800000}. */
  static String f32(float value) {
    return String.format(Locale.ROOT, "0f%08X", Float.floatToRawIntBits(value));
  }
}
