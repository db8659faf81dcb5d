package dev.warpsql.executor.load;

import dev.warpsql.kernels.ir.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Recognizes and parses the text of one CSV field as a value of a SQL type, in the physical
 * representation that {@code TableBuilder} takes. Callers trim the text first.
 *
 * <p>Accepted forms:
 *
 * <ul>
 *   <li>integers with an optional sign
 *   <li>decimals such as {@code -12.50}, and for DECIMAL, REAL and DOUBLE also an exponent such as
 *       {@code 1.5e3}
 *   <li>{@code NaN} and {@code Infinity} for REAL and DOUBLE
 *   <li>dates as {@code YYYY-MM-DD}
 *   <li>times as {@code HH:MM[:SS[.ffffff]]}
 *   <li>timestamps as a date, optionally followed by {@code T} or a space and a time, with at most
 *       six fractional digits
 *   <li>booleans as true/false, t/f, yes/no or 1/0, ignoring case
 * </ul>
 */
final class CsvFieldParser {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private CsvFieldParser() {}

  /** Form of a field's text, which type inference combines over a column. */
  enum Shape {
    BOOLEAN,
    INTEGER,
    DECIMAL,
    DOUBLE,
    DATE,
    TIMESTAMP,
    TEXT
  }

  /** Value that does not parse as the requested type. */
  static final class InvalidValueException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean outOfRange;

    InvalidValueException(String expected, boolean outOfRange) {
      super(expected, null, false, false);
      this.outOfRange = outOfRange;
    }

    /** Returns whether the text has the right form but its value does not fit the type. */
    boolean outOfRange() {
      return outOfRange;
    }
  }

  /** Returns the shape of non-empty trimmed text, for type inference. */
  static Shape classify(String text) {
    char first = text.charAt(0);
    if (first == 't' || first == 'T' || first == 'f' || first == 'F') {
      return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
          ? Shape.BOOLEAN
          : Shape.TEXT;
    }
    if (isInteger(text)) {
      return fitsLong(text) ? Shape.INTEGER : Shape.DOUBLE;
    }
    if (isPlainDecimal(text)) {
      return Shape.DECIMAL;
    }
    if (isFloatingPoint(text)) {
      return Shape.DOUBLE;
    }
    if (text.length() >= 10 && Character.isDigit(first)) {
      if (text.length() == 10) {
        return isDate(text) ? Shape.DATE : Shape.TEXT;
      }
      try {
        parseTimestamp(text);
        return Shape.TIMESTAMP;
      } catch (InvalidValueException e) {
        return Shape.TEXT;
      }
    }
    return Shape.TEXT;
  }

  /** Returns the number of digits after the point of a plain decimal, 0 for an integer. */
  static int scale(String text) {
    int point = text.indexOf('.');
    return point < 0 ? 0 : text.length() - point - 1;
  }

  /** Returns the number of digits before the point of an integer or plain decimal. */
  static int integerDigits(String text) {
    int point = text.indexOf('.');
    int end = point < 0 ? text.length() : point;
    int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
    while (start < end && text.charAt(start) == '0') {
      start++;
    }
    return end - start;
  }

  static boolean parseBoolean(String text) throws InvalidValueException {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "1" -> true;
      case "false", "f", "no", "0" -> false;
      default -> throw new InvalidValueException("true or false", false);
    };
  }

  /** Parses a BIGINT. The table builder checks the range of narrower integer types. */
  static long parseInteger(String text) throws InvalidValueException {
    if (!isInteger(text)) {
      throw new InvalidValueException("an integer such as 42", false);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidValueException(
          "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE, true);
    }
  }

  /**
   * Parses a decimal number and returns its unscaled value at the type's scale, rounding extra
   * fractional digits half up as a cast to DECIMAL does. The table builder checks precision.
   */
  static long parseDecimal(String text, DataType type) throws InvalidValueException {
    if (!isFloatingPoint(text) || isNamedFloatingPoint(text)) {
      throw new InvalidValueException("a decimal number such as 12.50", false);
    }
    BigInteger unscaled;
    try {
      unscaled = new BigDecimal(text).setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue();
    } catch (ArithmeticException | NumberFormatException e) {
      // BigDecimal rejects exponents beyond the range of int.
      throw new InvalidValueException("a number that fits " + type, true);
    }
    if (unscaled.bitLength() >= Long.SIZE) {
      throw new InvalidValueException("a number that fits " + type, true);
    }
    return unscaled.longValue();
  }

  static double parseDouble(String text) throws InvalidValueException {
    if (!isFloatingPoint(text)) {
      throw new InvalidValueException("a number such as 1.5, 2e-3, NaN or Infinity", false);
    }
    return Double.parseDouble(text);
  }

  /** Parses a date and returns days since 1970-01-01. */
  static long parseDate(String text) throws InvalidValueException {
    try {
      if (isPlainDate(text)) {
        // The common YYYY-MM-DD form without the formatter, which took a fifth of a CSV load's
        // time in a profile of TPC-H lineitem; LocalDate.of still rejects days such as 02-30.
        return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10))
            .toEpochDay();
      }
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).toEpochDay();
    } catch (DateTimeException e) {
      throw new InvalidValueException("a date as YYYY-MM-DD", false);
    }
  }

  /** Tells whether the text is exactly four digits, '-', two digits, '-' and two digits. */
  private static boolean isPlainDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
        return false;
      }
    }
    return true;
  }

  /** Returns the decimal number that the ASCII digits in [start, end) of the text spell. */
  private static int digits(String text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /** Parses a time of day and returns microseconds since midnight. */
  static long parseTime(String text) throws InvalidValueException {
    LocalTime time;
    try {
      time = LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME);
    } catch (DateTimeParseException e) {
      throw new InvalidValueException("a time as HH:MM:SS with up to 6 fractional digits", false);
    }
    long nanos = time.toNanoOfDay();
    if (nanos % 1000 != 0) {
      throw new InvalidValueException("a time with at most 6 fractional digits", false);
    }
    return nanos / 1000;
  }

  /** Parses a timestamp, or a date meaning midnight, and returns microseconds since 1970. */
  static long parseTimestamp(String text) throws InvalidValueException {
    String expected = "a timestamp as YYYY-MM-DD HH:MM:SS with up to 6 fractional digits";
    if (text.length() < 10) {
      throw new InvalidValueException(expected, false);
    }
    long days;
    long micros = 0;
    try {
      days = LocalDate.parse(text.substring(0, 10), DateTimeFormatter.ISO_LOCAL_DATE).toEpochDay();
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(expected, false);
    }
    if (text.length() > 10) {
      char separator = text.charAt(10);
      if (separator != ' ' && separator != 'T') {
        throw new InvalidValueException(expected, false);
      }
      micros = parseTime(text.substring(11));
    }
    try {
      return Math.addExact(Math.multiplyExact(days, MICROS_PER_DAY), micros);
    } catch (ArithmeticException e) {
      throw new InvalidValueException("a timestamp within the range of TIMESTAMP", true);
    }
  }

  private static boolean isDate(String text) {
    try {
      parseDate(text);
      return true;
    } catch (InvalidValueException e) {
      return false;
    }
  }

  private static boolean isInteger(String text) {
    int start = signLength(text);
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (!isAsciiDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean fitsLong(String text) {
    if (text.length() - signLength(text) < 19) {
      return true;
    }
    try {
      Long.parseLong(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Returns whether the text is digits with one decimal point and no exponent. */
  private static boolean isPlainDecimal(String text) {
    int digits = 0;
    int points = 0;
    for (int i = signLength(text); i < text.length(); i++) {
      char c = text.charAt(i);
      if (isAsciiDigit(c)) {
        digits++;
      } else if (c == '.') {
        points++;
      } else {
        return false;
      }
    }
    return digits > 0 && points == 1;
  }

  /** Returns whether the text is a decimal with an optional exponent, NaN or Infinity. */
  private static boolean isFloatingPoint(String text) {
    if (isNamedFloatingPoint(text)) {
      return true;
    }
    int i = signLength(text);
    int mantissaDigits = 0;
    boolean point = false;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isAsciiDigit(c)) {
        mantissaDigits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (mantissaDigits == 0) {
      return false;
    }
    if (i == text.length()) {
      return true;
    }
    if (text.charAt(i) != 'e' && text.charAt(i) != 'E') {
      return false;
    }
    String exponent = text.substring(i + 1);
    return isInteger(exponent);
  }

  private static boolean isNamedFloatingPoint(String text) {
    return text.equals("NaN") || text.substring(signLength(text)).equals("Infinity");
  }

  private static int signLength(String text) {
    return !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
