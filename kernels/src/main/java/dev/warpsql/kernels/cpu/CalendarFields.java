package dev.warpsql.kernels.cpu;

/**
 * Year, month and day of a proleptic Gregorian date given as days since 1970-01-01, and the way
 * back, for EXTRACT and calendar arithmetic in generated kernels. Dates before 1970 (negative days)
 * are handled with floor division.
 */
public final class CalendarFields {
  /** Microseconds in one day, to turn a TIMESTAMP into its date. */
  public static final long MICROS_PER_DAY = 86_400_000_000L;

  /** Seconds in one day, for the epoch of a DATE. */
  public static final long SECONDS_PER_DAY = 86_400;

  private static final long MICROS_PER_SECOND = 1_000_000;

  private static final long DAYS_PER_400_YEARS = 146_097;

  /** Days from a Sunday to the Thursday that 1970-01-01 was. */
  private static final long THURSDAY_FROM_SUNDAY = 4;

  /** Days from 0000-03-01 to 1970-01-01, so that the computation starts years in March. */
  private static final long DAYS_FROM_MARCH_YEAR_ZERO = 719_468;

  private CalendarFields() {}

  /** Returns the day (days since 1970-01-01) of a TIMESTAMP in microseconds. */
  public static long epochDay(long micros) {
    return Math.floorDiv(micros, MICROS_PER_DAY);
  }

  /** Returns the whole seconds since the epoch of a TIMESTAMP, rounded toward the past. */
  public static long epochSecond(long micros) {
    return Math.floorDiv(micros, MICROS_PER_SECOND);
  }

  /** Returns the microseconds since the midnight that starts a timestamp's day. */
  public static long microsecondOfDay(long micros) {
    return Math.floorMod(micros, MICROS_PER_DAY);
  }

  public static long year(long epochDay) {
    long marchDays = epochDay + DAYS_FROM_MARCH_YEAR_ZERO;
    long era = Math.floorDiv(marchDays, DAYS_PER_400_YEARS);
    long dayOfEra = marchDays - era * DAYS_PER_400_YEARS;
    long yearOfEra = yearOfEra(dayOfEra);
    long marchMonth = marchMonth(dayOfEra - dayOfYearStart(yearOfEra));
    // March-based years end in February, which belongs to the next calendar year.
    return era * 400 + yearOfEra + (marchMonth >= 10 ? 1 : 0);
  }

  public static long month(long epochDay) {
    long dayOfEra = dayOfEra(epochDay);
    long marchMonth = marchMonth(dayOfEra - dayOfYearStart(yearOfEra(dayOfEra)));
    return marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  }

  public static long day(long epochDay) {
    long dayOfEra = dayOfEra(epochDay);
    long dayOfYear = dayOfEra - dayOfYearStart(yearOfEra(dayOfEra));
    long marchMonth = marchMonth(dayOfYear);
    return dayOfYear - (153 * marchMonth + 2) / 5 + 1;
  }

  /** Returns the quarter 1..4. */
  public static long quarter(long epochDay) {
    return (month(epochDay) + 2) / 3;
  }

  /** Returns the day of year, 1 for January 1. */
  public static long dayOfYear(long epochDay) {
    return epochDay - epochDayOf(year(epochDay), 1, 1) + 1;
  }

  /** Returns the day of week from 1 for Sunday to 7 for Saturday. 1970-01-01 was a Thursday. */
  public static long dayOfWeek(long epochDay) {
    return Math.floorMod(epochDay + THURSDAY_FROM_SUNDAY, 7) + 1;
  }

  /**
   * Returns the days since 1970-01-01 of a date given by year, month 1..12 and day of month. The
   * day is not checked against the month's length, and the year must be below 10^16 in magnitude so
   * that the day count fits a {@code long}.
   */
  public static long epochDayOf(long year, long month, long day) {
    // Count years from March, so that February 29 ends a year.
    long marchYear = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(marchYear, 400);
    long yearOfEra = marchYear - era * 400;
    long marchMonth = month <= 2 ? month + 9 : month - 3;
    long dayOfYear = (153 * marchMonth + 2) / 5 + day - 1;
    long dayOfEra = dayOfYearStart(yearOfEra) + dayOfYear;
    return era * DAYS_PER_400_YEARS + dayOfEra - DAYS_FROM_MARCH_YEAR_ZERO;
  }

  /** Returns the number of days of a month 1..12 in a proleptic Gregorian year. */
  public static long daysInMonth(long year, long month) {
    if (month == 2) {
      boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /** Returns the day within the 400-year era that starts on a March 1st, in [0, 146096]. */
  private static long dayOfEra(long epochDay) {
    return Math.floorMod(epochDay + DAYS_FROM_MARCH_YEAR_ZERO, DAYS_PER_400_YEARS);
  }

  /** Returns the March-based year within the era, in [0, 399], leap days accounted for. */
  private static long yearOfEra(long dayOfEra) {
    return (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
  }

  /** Returns the day within the era on which a March-based year starts. */
  private static long dayOfYearStart(long yearOfEra) {
    return 365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100;
  }

  /** Returns the month counted from March (0 = March, 11 = February) of a day of the year. */
  private static long marchMonth(long dayOfYear) {
    return (5 * dayOfYear + 2) / 153;
  }
}
