package dev.warpsql.planner.lower;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Microseconds of TIME and TIMESTAMP values that Calcite computes in milliseconds.
 *
 * <p>Kernels keep times in microseconds, the SQL standard's default precision of TIMESTAMP, while
 * Calcite's literals, its constant folding and its compiled CAST from a string stop at
 * milliseconds: it parses the text {@code 12:00:00.0006} as 1 ms, rounding half up at the fourth
 * digit. This class recovers the digits past the third from the text.
 */
public final class SecondFractions {
  private static final int MICROS_PER_MILLI = 1000;

  private static final Pattern TIME_OF_DAY =
      Pattern.compile("(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(\\.\\d*)?");

  private SecondFractions() {}

  /** Returns microseconds since midnight of a TIME literal. */
  public static long timeMicros(TimeString time) {
    return time.getMillisOfDay() * (long) MICROS_PER_MILLI + belowMillisecond(time.toString());
  }

  /** Returns microseconds since the epoch of a TIMESTAMP literal. */
  public static long timestampMicros(TimestampString timestamp) {
    return Math.addExact(
        Math.multiplyExact(timestamp.getMillisSinceEpoch(), MICROS_PER_MILLI),
        belowMillisecond(timestamp.toString()));
  }

  /**
   * Returns the microseconds of a TIME literal since midnight or of a TIMESTAMP literal since the
   * epoch, or 0 for NULL and literals of other types.
   */
  public static long literalMicros(RexLiteral literal) {
    if (literal.isNull()) {
      return 0;
    }
    return switch (literal.getType().getSqlTypeName()) {
      case TIME -> timeMicros(literal.getValueAs(TimeString.class));
      case TIMESTAMP -> timestampMicros(literal.getValueAs(TimestampString.class));
      default -> 0;
    };
  }

  /**
   * Returns a literal of {@code type} whose value is that of {@code literal}, a non-NULL TIME or
   * TIMESTAMP literal, plus {@code micros} microseconds.
   */
  public static RexLiteral shifted(
      RexBuilder rexBuilder, RexLiteral literal, long micros, RelDataType type) {
    long value = Math.addExact(literalMicros(literal), micros);
    Comparable<?> shifted =
        type.getSqlTypeName() == SqlTypeName.TIME ? time(value) : timestamp(value);
    return (RexLiteral) rexBuilder.makeLiteral(shifted, type);
  }

  /** Returns the TIME literal of microseconds since midnight. */
  public static TimeString time(long micros) {
    long millis = Math.floorDiv(micros, MICROS_PER_MILLI);
    int nanosOfSecond = (int) (Math.floorMod(micros, 1_000_000L) * 1000);
    return TimeString.fromMillisOfDay((int) (millis - Math.floorMod(millis, 1000)))
        .withNanos(nanosOfSecond);
  }

  /** Returns the TIMESTAMP literal of microseconds since the epoch. */
  public static TimestampString timestamp(long micros) {
    long millis = Math.floorDiv(micros, MICROS_PER_MILLI);
    int nanosOfSecond = (int) (Math.floorMod(micros, 1_000_000L) * 1000);
    return TimestampString.fromMillisSinceEpoch(millis - Math.floorMod(millis, 1000))
        .withNanos(nanosOfSecond);
  }

  /**
   * Returns the microseconds to add to the milliseconds (times 1000) that Calcite parsed from a
   * time's text, so that the sum is the text's value cut to microseconds, as Calcite cuts a literal
   * with more than six digits. Zero for a text with at most three fractional digits, whose
   * milliseconds are exact.
   *
   * <p>The fraction is the digits after the last dot that follows a colon, the form of both {@code
   * HH:MM:SS.fff} and {@code YYYY-MM-DD HH:MM:SS.fff}; leading and trailing spaces are ignored, as
   * Calcite's CAST ignores them.
   */
  public static long castCorrection(String text) {
    String trimmed = text.strip();
    int colon = trimmed.lastIndexOf(':');
    int dot = trimmed.lastIndexOf('.');
    if (colon < 0 || dot < colon) {
      return 0;
    }
    String fraction = trimmed.substring(dot + 1);
    if (fraction.length() <= 3 || !fraction.chars().allMatch(Character::isDigit)) {
      return 0;
    }
    long calciteMillis = digits(fraction, 3) + (fraction.charAt(3) >= '5' ? 1 : 0);
    return digits(fraction, 6) - calciteMillis * MICROS_PER_MILLI;
  }

  /**
   * Raises Calcite's error for a field out of range when {@code text} is a time of day, {@code
   * HH:MM:SS} with an optional fraction, whose hour is past 23 or whose minute or second is past
   * 59. Calcite's own CAST to TIME carries such a field into the next one, or past midnight.
   */
  public static void checkTimeOfDay(String text) {
    Matcher time = TIME_OF_DAY.matcher(text.strip());
    if (!time.matches()) {
      return;
    }
    String[] units = {"HOUR", "MINUTE", "SECOND"};
    int[] limits = {23, 59, 59};
    for (int i = 0; i < units.length; i++) {
      if (Integer.parseInt(time.group(i + 1)) > limits[i]) {
        throw new IllegalArgumentException(
            "Value of " + units[i] + " field is out of range in '" + text + "'");
      }
    }
  }

  /** Returns the first {@code count} digits of a fraction, padded with zeros, as an integer. */
  private static long digits(String fraction, int count) {
    long value = 0;
    for (int i = 0; i < count; i++) {
      value = value * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
    }
    return value;
  }

  /**
   * Returns the fourth to sixth fractional digits of a literal's text as microseconds. Calcite's
   * literal strings keep the digits the literal was written with, up to the type's precision, so
   * these are exact.
   */
  private static long belowMillisecond(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) {
      return 0;
    }
    String fraction = text.substring(dot + 1);
    return digits(fraction, 6) - digits(fraction, 3) * MICROS_PER_MILLI;
  }
}
