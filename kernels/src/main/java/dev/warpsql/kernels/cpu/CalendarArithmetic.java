package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.KernelErrorCode;

/**
 * ADD_DAYS, ADD_MONTHS and ADD_MICROSECONDS on DATE and TIMESTAMP values, called by generated
 * kernels.
 *
 * <p>A DATE is days since 1970-01-01 and must stay in the 32-bit range of its column; a TIMESTAMP
 * is microseconds since 1970-01-01 00:00:00 in the 64-bit range. A result outside its type's range
 * raises {@link KernelErrorCode#NUMERIC_OVERFLOW} naming the operation and its operands. Nothing is
 * allocated unless an error is raised.
 */
public final class CalendarArithmetic {
  /**
   * Largest magnitude of a year that month arithmetic computes. Every date beyond it is outside
   * both ranges: 32-bit DATE days end in year 5,881,580 and 64-bit TIMESTAMP microseconds in year
   * 294,247.
   */
  static final long MAX_YEAR = 10_000_000;

  /** Bound of the month index {@code year * 12 + month - 1} that {@link #MAX_YEAR} implies. */
  private static final long MAX_MONTH_INDEX = MAX_YEAR * 12;

  private static final long MICROS_PER_DAY = CalendarFields.MICROS_PER_DAY;

  // The first and last day that hold 64-bit TIMESTAMPs, and the times of day that they reach.
  private static final long MIN_TIMESTAMP_DAY = Math.floorDiv(Long.MIN_VALUE, MICROS_PER_DAY);
  private static final long MIN_TIMESTAMP_TIME = Math.floorMod(Long.MIN_VALUE, MICROS_PER_DAY);
  private static final long MAX_TIMESTAMP_DAY = Math.floorDiv(Long.MAX_VALUE, MICROS_PER_DAY);
  private static final long MAX_TIMESTAMP_TIME = Math.floorMod(Long.MAX_VALUE, MICROS_PER_DAY);

  private CalendarArithmetic() {}

  /** Returns a DATE plus a number of days. */
  public static int addDaysToDate(int date, long days) {
    if (days > Integer.MAX_VALUE - (long) date || days < Integer.MIN_VALUE - (long) date) {
      throw overflow("DATE", "ADD_DAYS", date, days);
    }
    return (int) (date + days);
  }

  /** Returns a TIMESTAMP plus a number of days, keeping its time of day. */
  public static long addDaysToTimestamp(long timestamp, long days) {
    long day = CalendarFields.epochDay(timestamp);
    if (days > MAX_TIMESTAMP_DAY - day || days < MIN_TIMESTAMP_DAY - day) {
      throw overflow("TIMESTAMP", "ADD_DAYS", timestamp, days);
    }
    return timestampOf(day + days, timestamp, "ADD_DAYS", days);
  }

  /**
   * Returns a DATE plus a number of months; a day of month past the end of the target month becomes
   * its last day.
   */
  public static int addMonthsToDate(int date, long months) {
    long day = shiftMonths(date, months, "DATE", date);
    if (day < Integer.MIN_VALUE || day > Integer.MAX_VALUE) {
      throw overflow("DATE", "ADD_MONTHS", date, months);
    }
    return (int) day;
  }

  /**
   * Returns a TIMESTAMP plus a number of months, keeping its time of day. A day of month past the
   * end of the target month becomes its last day.
   */
  public static long addMonthsToTimestamp(long timestamp, long months) {
    long day = shiftMonths(CalendarFields.epochDay(timestamp), months, "TIMESTAMP", timestamp);
    return timestampOf(day, timestamp, "ADD_MONTHS", months);
  }

  /** Returns a TIMESTAMP plus a number of microseconds. */
  public static long addMicroseconds(long timestamp, long micros) {
    long result = timestamp + micros;
    if (((timestamp ^ result) & (micros ^ result)) < 0) {
      throw overflow("TIMESTAMP", "ADD_MICROSECONDS", timestamp, micros);
    }
    return result;
  }

  /**
   * Returns the day that lies {@code months} months after {@code day}, with the day of month
   * clamped to the target month's length. {@code operand} is the original DATE or TIMESTAMP value
   * for the error message.
   */
  private static long shiftMonths(long day, long months, String typeName, long operand) {
    long year = CalendarFields.year(day);
    long month = CalendarFields.month(day);
    long dayOfMonth = CalendarFields.day(day);
    // |monthIndex| < MAX_MONTH_INDEX for every DATE and TIMESTAMP, so the sum below cannot wrap.
    long monthIndex = year * 12 + month - 1;
    if (months > 2 * MAX_MONTH_INDEX || months < -2 * MAX_MONTH_INDEX) {
      throw overflow(typeName, "ADD_MONTHS", operand, months);
    }
    long target = monthIndex + months;
    if (target > MAX_MONTH_INDEX || target < -MAX_MONTH_INDEX) {
      throw overflow(typeName, "ADD_MONTHS", operand, months);
    }
    long targetYear = Math.floorDiv(target, 12);
    long targetMonth = Math.floorMod(target, 12) + 1;
    long lastDay = CalendarFields.daysInMonth(targetYear, targetMonth);
    return CalendarFields.epochDayOf(targetYear, targetMonth, Math.min(dayOfMonth, lastDay));
  }

  /**
   * Returns the TIMESTAMP on {@code day} at the time of day of {@code original}, checking that it
   * lies in the 64-bit range.
   */
  private static long timestampOf(long day, long original, String operation, long amount) {
    long timeOfDay = Math.floorMod(original, MICROS_PER_DAY);
    boolean inRange =
        day > MIN_TIMESTAMP_DAY && day < MAX_TIMESTAMP_DAY
            || day == MIN_TIMESTAMP_DAY && timeOfDay >= MIN_TIMESTAMP_TIME
            || day == MAX_TIMESTAMP_DAY && timeOfDay <= MAX_TIMESTAMP_TIME;
    if (!inRange) {
      throw overflow("TIMESTAMP", operation, original, amount);
    }
    // On the first day the product leaves the 64-bit range, but the sum, which fits, wraps back.
    return day * MICROS_PER_DAY + timeOfDay;
  }

  private static RuntimeException overflow(
      String typeName, String operation, long operand, long amount) {
    return ExactArithmetic.overflow(typeName, operation + "(" + operand + ", " + amount + ")");
  }
}
