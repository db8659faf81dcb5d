package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link CalendarArithmetic} against java.time, whose {@code plusMonths} also clamps the day of
 * month to the target month's last day.
 */
class CalendarArithmeticTest {
  private static final long[] MONTHS = {
    -2401, -1201, -25, -13, -12, -11, -2, -1, 0, 1, 2, 11, 12, 13, 48, 1200, 2401
  };

  @Test
  void addMonthsToDateMatchesJavaTime() {
    // every 29th day from about 2400 BC to 4300 AD, negative epoch days included
    for (int day = -1_600_000; day <= 857_000; day += 29) {
      LocalDate date = LocalDate.ofEpochDay(day);
      for (long months : MONTHS) {
        assertThat(CalendarArithmetic.addMonthsToDate(day, months))
            .as("%s plus %d months", date, months)
            .isEqualTo(date.plusMonths(months).toEpochDay());
      }
    }
  }

  @Test
  void addMonthsToTimestampMatchesJavaTime() {
    long step = 997 * CalendarFields.MICROS_PER_DAY + 3_723_000_001L;
    for (long micros = -70_000_000 * CalendarFields.MICROS_PER_DAY;
        micros <= 30_000_000 * CalendarFields.MICROS_PER_DAY;
        micros += step) {
      LocalDateTime timestamp = toDateTime(micros);
      for (long months : MONTHS) {
        assertThat(CalendarArithmetic.addMonthsToTimestamp(micros, months))
            .as("%s plus %d months", timestamp, months)
            .isEqualTo(toMicros(timestamp.plusMonths(months)));
      }
    }
  }

  @Test
  void addDaysMatchesJavaTime() {
    long[] days = {-1_000_000, -366, -1, 0, 1, 59, 365, 1_000_000};
    for (long micros = -40_000_000_000_000_000L;
        micros <= 40_000_000_000_000_000L;
        micros += 123_456_789_012_345L) {
      LocalDateTime timestamp = toDateTime(micros);
      for (long amount : days) {
        assertThat(CalendarArithmetic.addDaysToTimestamp(micros, amount))
            .as("%s plus %d days", timestamp, amount)
            .isEqualTo(toMicros(timestamp.plusDays(amount)));
      }
    }
    assertThat(CalendarArithmetic.addDaysToDate(-1, 2)).isEqualTo(1);
    assertThat(CalendarArithmetic.addDaysToDate(Integer.MIN_VALUE, Integer.MAX_VALUE))
        .isEqualTo(-1);
  }

  @Test
  void timestampRangeEndsAreReachable() {
    long day = CalendarFields.MICROS_PER_DAY;
    assertThat(CalendarArithmetic.addDaysToTimestamp(Long.MIN_VALUE + day, -1))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(CalendarArithmetic.addDaysToTimestamp(Long.MAX_VALUE - day, 1))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(CalendarArithmetic.addMicroseconds(Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(CalendarArithmetic.addMicroseconds(Long.MIN_VALUE + 1, -1))
        .isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void overflowRaises() {
    long day = CalendarFields.MICROS_PER_DAY;
    assertOverflow(() -> CalendarArithmetic.addDaysToDate(Integer.MAX_VALUE, 1), "DATE");
    assertOverflow(() -> CalendarArithmetic.addDaysToDate(Integer.MIN_VALUE, -1), "DATE");
    assertOverflow(() -> CalendarArithmetic.addDaysToDate(0, Long.MAX_VALUE), "DATE");
    assertOverflow(() -> CalendarArithmetic.addDaysToDate(-5, Long.MIN_VALUE), "DATE");
    assertOverflow(() -> CalendarArithmetic.addMonthsToDate(Integer.MAX_VALUE - 40, 2), "DATE");
    assertOverflow(() -> CalendarArithmetic.addMonthsToDate(Integer.MIN_VALUE + 40, -2), "DATE");
    assertOverflow(() -> CalendarArithmetic.addMonthsToDate(0, Long.MAX_VALUE), "DATE");
    assertOverflow(() -> CalendarArithmetic.addMonthsToDate(0, Long.MIN_VALUE), "DATE");
    assertOverflow(() -> CalendarArithmetic.addMonthsToDate(0, 240_000_001), "DATE");
    assertOverflow(
        () -> CalendarArithmetic.addDaysToTimestamp(Long.MAX_VALUE - day + 1, 1), "TIMESTAMP");
    assertOverflow(
        () -> CalendarArithmetic.addDaysToTimestamp(Long.MIN_VALUE + day - 1, -1), "TIMESTAMP");
    assertOverflow(() -> CalendarArithmetic.addDaysToTimestamp(0, Long.MIN_VALUE), "TIMESTAMP");
    assertOverflow(() -> CalendarArithmetic.addMonthsToTimestamp(Long.MAX_VALUE, 1), "TIMESTAMP");
    assertOverflow(() -> CalendarArithmetic.addMonthsToTimestamp(Long.MIN_VALUE, -1), "TIMESTAMP");
    assertOverflow(() -> CalendarArithmetic.addMonthsToTimestamp(0, 3_600_000), "TIMESTAMP");
    assertOverflow(() -> CalendarArithmetic.addMicroseconds(Long.MAX_VALUE, 1), "TIMESTAMP");
    assertOverflow(() -> CalendarArithmetic.addMicroseconds(Long.MIN_VALUE, -1), "TIMESTAMP");
  }

  @Test
  void overflowMessageNamesOperation() {
    assertThatThrownBy(() -> CalendarArithmetic.addMonthsToDate(7, Long.MAX_VALUE))
        .hasMessage("DATE overflow in ADD_MONTHS(7, " + Long.MAX_VALUE + ")");
  }

  private static void assertOverflow(Runnable operation, String typeName) {
    assertThatThrownBy(operation::run)
        .isInstanceOf(KernelException.class)
        .hasMessageStartingWith(typeName + " overflow in ")
        .satisfies(
            e ->
                assertThat(((KernelException) e).code())
                    .isEqualTo(KernelErrorCode.NUMERIC_OVERFLOW));
  }

  private static LocalDateTime toDateTime(long micros) {
    return LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC).plus(micros, ChronoUnit.MICROS);
  }

  private static long toMicros(LocalDateTime timestamp) {
    return ChronoUnit.MICROS.between(LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC), timestamp);
  }
}
