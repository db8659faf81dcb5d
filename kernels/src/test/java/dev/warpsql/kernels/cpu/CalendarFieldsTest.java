package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CalendarFieldsTest {
  @Test
  void fieldsMatchJavaTimeAcrossEras() {
    // every third day from about 2400 BC to 4300 AD, negative epoch days included
    for (long day = -1_600_000; day <= 857_000; day += 3) {
      LocalDate date = LocalDate.ofEpochDay(day);
      assertThat(CalendarFields.year(day)).as("year of day %d", day).isEqualTo(date.getYear());
      assertThat(CalendarFields.month(day))
          .as("month of day %d", day)
          .isEqualTo(date.getMonthValue());
      assertThat(CalendarFields.day(day)).as("day of day %d", day).isEqualTo(date.getDayOfMonth());
    }
  }

  @Test
  void derivedFieldsMatchJavaTime() {
    for (long day = -1_600_000; day <= 857_000; day += 7919) {
      for (long offset = 0; offset < 7; offset++) {
        LocalDate date = LocalDate.ofEpochDay(day + offset);
        long sundayFirst = date.getDayOfWeek().getValue() % 7 + 1;
        assertThat(CalendarFields.quarter(day + offset))
            .as("quarter of %s", date)
            .isEqualTo((date.getMonthValue() + 2) / 3);
        assertThat(CalendarFields.dayOfYear(day + offset))
            .as("day of year of %s", date)
            .isEqualTo(date.getDayOfYear());
        assertThat(CalendarFields.dayOfWeek(day + offset))
            .as("day of week of %s", date)
            .isEqualTo(sundayFirst);
      }
    }
  }

  @Test
  void epochDayFloorsNegativeMicros() {
    assertThat(CalendarFields.epochDay(-1)).isEqualTo(-1);
    assertThat(CalendarFields.epochDay(0)).isEqualTo(0);
    assertThat(CalendarFields.epochDay(-CalendarFields.MICROS_PER_DAY)).isEqualTo(-1);
    assertThat(CalendarFields.epochDay(-CalendarFields.MICROS_PER_DAY - 1)).isEqualTo(-2);
  }

  @Test
  void microsecondOfDayCountsFromTheDaysMidnight() {
    long day = CalendarFields.MICROS_PER_DAY;
    assertThat(CalendarFields.microsecondOfDay(0)).isEqualTo(0);
    assertThat(CalendarFields.microsecondOfDay(day + 1)).isEqualTo(1);
    assertThat(CalendarFields.microsecondOfDay(-1)).isEqualTo(day - 1);
    assertThat(CalendarFields.microsecondOfDay(-day)).isEqualTo(0);
    assertThat(CalendarFields.microsecondOfDay(Long.MIN_VALUE))
        .isEqualTo(Math.floorMod(Long.MIN_VALUE, day));
  }

  @Test
  void epochDayOfInvertsFields() {
    for (long day = -1_600_000; day <= 857_000; day += 3) {
      long year = CalendarFields.year(day);
      long month = CalendarFields.month(day);
      long dayOfMonth = CalendarFields.day(day);
      assertThat(CalendarFields.epochDayOf(year, month, dayOfMonth))
          .as("day %d", day)
          .isEqualTo(day);
    }
  }

  @Test
  void daysInMonthMatchesJavaTime() {
    for (int year = -2400; year <= 2400; year++) {
      for (int month = 1; month <= 12; month++) {
        assertThat(CalendarFields.daysInMonth(year, month))
            .as("%d-%d", year, month)
            .isEqualTo(YearMonth.of(year, month).lengthOfMonth());
      }
    }
  }
}
