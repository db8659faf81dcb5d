package dev.warpsql.kernels.ptxsim;

/**
 * Parses PTX immediates: decimal, hexadecimal ({@code 0x}), octal and binary ({@code 0b}) integers
 * with an optional {@code U} suffix, {@code 0f} and {@code 0d} floating-point bit patterns, and
 * decimal floating-point numbers.
 */
final class SimLiterals {
  private SimLiterals() {}

  /** Returns the register bits of {@code literal} read as {@code type}. */
  static long parse(String literal, SimType type, SimStatement statement) {
    String text = literal.trim();
    try {
      if (text.startsWith("0f") || text.startsWith("0F")) {
        if (type != SimType.F32 && type.isFloat()) {
          throw statement.fail("0f literal " + text + " used as " + type);
        }
        return Long.parseLong(text.substring(2), 16);
      }
      if (text.startsWith("0d") || text.startsWith("0D")) {
        if (type != SimType.F64 && type.isFloat()) {
          throw statement.fail("0d literal " + text + " used as " + type);
        }
        return Long.parseUnsignedLong(text.substring(2), 16);
      }
      boolean decimalFloat = text.contains(".") || (!isHex(text) && text.matches(".*[eE].*"));
      if (decimalFloat) {
        double value = Double.parseDouble(text);
        return floatBits(value, type, statement, text);
      }
      long value = parseInteger(text);
      if (type.isFloat()) {
        return floatBits(value, type, statement, text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw statement.fail("invalid operand " + text + " for type " + type);
    }
  }

  private static long floatBits(double value, SimType type, SimStatement statement, String text) {
    if (type == SimType.F32) {
      return Float.floatToRawIntBits((float) value) & 0xFFFF_FFFFL;
    }
    if (type == SimType.F64) {
      return Double.doubleToRawLongBits(value);
    }
    throw statement.fail("floating-point literal " + text + " used as " + type);
  }

  private static boolean isHex(String text) {
    String digits = text.startsWith("-") ? text.substring(1) : text;
    return digits.startsWith("0x") || digits.startsWith("0X");
  }

  private static long parseInteger(String text) {
    boolean negative = text.startsWith("-");
    String digits = negative ? text.substring(1) : text;
    if (digits.endsWith("U") || digits.endsWith("u")) {
      digits = digits.substring(0, digits.length() - 1);
    }
    long value;
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      value = Long.parseUnsignedLong(digits.substring(2), 16);
    } else if (digits.startsWith("0b") || digits.startsWith("0B")) {
      value = Long.parseUnsignedLong(digits.substring(2), 2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      value = Long.parseUnsignedLong(digits.substring(1), 8);
    } else {
      value = Long.parseUnsignedLong(digits);
    }
    return negative ? -value : value;
  }
}
