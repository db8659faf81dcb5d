package dev.warpsql.sqltests.slt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Writes one result value as text by the rules of SQLite's sqllogictest, so that it compares with
 * the values in the corpus. The column's type letter, not the value's SQL type, selects the rule,
 * as in sqllogictest's SQLite driver:
 *
 * <ul>
 *   <li>NULL is {@code NULL} in every column.
 *   <li>{@code I}: the value as a 64-bit integer in decimal. A fractional number is truncated
 *       toward zero, and a string gives the integer that its leading digits spell, or 0, as SQLite
 *       converts text to an integer.
 *   <li>{@code R}: the value as a number with 3 fractional digits, rounded half away from zero. A
 *       string gives the number that its leading characters spell, or 0.
 *   <li>{@code T}: the value as text; the empty string is {@code (empty)}, and every UTF-8 byte
 *       outside the printable ASCII range from space to tilde becomes {@code @}.
 * </ul>
 *
 * <p>SQL has a BOOLEAN type and SQLite has none: SQLite returns 1 for true and 0 for false, so a
 * BOOLEAN is written as the integer 1 or 0 under every letter.
 */
final class SltValueFormat {
  private SltValueFormat() {}

  /**
   * Writes a value that JDBC's {@code getObject} returned, for a column of type letter {@code
   * type}.
   */
  static String format(Object value, char type) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Boolean bool) {
      value = bool ? 1L : 0L;
    }
    return switch (type) {
      case 'I' -> Long.toString(toLong(value));
      case 'R' -> real(toBigDecimal(value), value);
      case 'T' -> text(value);
      default -> throw new IllegalArgumentException("unknown sqllogictest column type " + type);
    };
  }

  private static long toLong(Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      // A Java cast truncates toward zero and saturates at the range of long, as SQLite does.
      return (long) ((Number) value).doubleValue();
    }
    if (value instanceof BigDecimal decimal) {
      return saturate(decimal.toBigInteger());
    }
    if (value instanceof BigInteger integer) {
      return saturate(integer);
    }
    return leadingInteger(value.toString());
  }

  private static long saturate(BigInteger integer) {
    if (integer.bitLength() < 64) {
      return integer.longValue();
    }
    return integer.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  /** Returns the integer that a string's leading sign and digits spell, after blanks; else 0. */
  private static long leadingInteger(String text) {
    String trimmed = text.stripLeading();
    int end = 0;
    if (end < trimmed.length() && (trimmed.charAt(end) == '-' || trimmed.charAt(end) == '+')) {
      end++;
    }
    int digitsStart = end;
    while (end < trimmed.length() && Character.isDigit(trimmed.charAt(end))) {
      end++;
    }
    if (end == digitsStart) {
      return 0;
    }
    return saturate(new BigInteger(trimmed.substring(0, end)));
  }

  private static BigDecimal toBigDecimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Double || value instanceof Float) {
      double real = ((Number) value).doubleValue();
      // NaN and the infinities have no decimal form and are written by real().
      return Double.isFinite(real) ? new BigDecimal(real) : null;
    }
    if (value instanceof Number number) {
      return BigDecimal.valueOf(number.longValue());
    }
    return leadingReal(value.toString());
  }

  /** Returns the number that a string's leading characters spell, as SQLite reads them; else 0. */
  private static BigDecimal leadingReal(String text) {
    String trimmed = text.stripLeading();
    for (int end = trimmed.length(); end > 0; end--) {
      try {
        return new BigDecimal(trimmed.substring(0, end));
      } catch (NumberFormatException e) {
        // Try a shorter prefix.
      }
    }
    return BigDecimal.ZERO;
  }

  /**
   * Writes a number with 3 fractional digits. SQLite's printf rounds half away from zero on the
   * exact binary value, and keeps the minus sign of a negative number that rounds to zero.
   */
  private static String real(BigDecimal number, Object value) {
    if (number == null) {
      return nonFinite(((Number) value).doubleValue());
    }
    String written = number.setScale(3, RoundingMode.HALF_UP).toPlainString();
    if (number.signum() < 0 && !written.startsWith("-")) {
      written = "-" + written;
    }
    return written;
  }

  private static String text(Object value) {
    String text;
    if (value instanceof Double || value instanceof Float) {
      text = sqliteReal(((Number) value).doubleValue());
    } else if (value instanceof BigDecimal decimal) {
      text = decimal.toPlainString();
    } else {
      text = value.toString();
    }
    if (text.isEmpty()) {
      return "(empty)";
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder written = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      written.append(b >= ' ' && b <= '~' ? (char) b : '@');
    }
    return written.toString();
  }

  /**
   * Writes a double as SQLite's text conversion of a REAL does: 15 significant digits without
   * trailing zeros, a {@code .0} on whole numbers, and an exponent outside 1e-4 to 1e15.
   */
  private static String sqliteReal(double real) {
    if (!Double.isFinite(real)) {
      return nonFinite(real);
    }
    if (real == 0) {
      return "0.0";
    }
    BigDecimal rounded = new BigDecimal(real).round(new MathContext(15, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    BigDecimal stripped = rounded.stripTrailingZeros();
    if (exponent < -4 || exponent >= 15) {
      BigDecimal mantissa = stripped.movePointLeft(exponent);
      String digits =
          mantissa.scale() <= 0 ? mantissa.toBigInteger() + ".0" : mantissa.toPlainString();
      return digits + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
    String plain = stripped.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /** Writes NaN and the infinities as SQLite's printf does. */
  private static String nonFinite(double real) {
    if (Double.isNaN(real)) {
      return "NaN";
    }
    return real > 0 ? "Inf" : "-Inf";
  }
}
