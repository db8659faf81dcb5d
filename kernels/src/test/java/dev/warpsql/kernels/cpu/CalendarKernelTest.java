package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.Operator;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class CalendarKernelTest extends KernelTestSupport {
  private static final LocalDateTime EPOCH = LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC);

  private static Expr date(int year, int month, int day) {
    return lit(LocalDate.of(year, month, day).toEpochDay(), DataType.DATE);
  }

  private static long days(int year, int month, int day) {
    return LocalDate.of(year, month, day).toEpochDay();
  }

  private static long micros(LocalDateTime timestamp) {
    return ChronoUnit.MICROS.between(EPOCH, timestamp);
  }

  private static Expr timestamp(LocalDateTime timestamp) {
    return lit(micros(timestamp), DataType.TIMESTAMP);
  }

  private static Expr addMonths(Expr value, long months) {
    return Call.of(Operator.ADD_MONTHS, value.type(), value, lit(months, DataType.BIGINT));
  }

  private static Expr addDays(Expr value, long days) {
    return Call.of(Operator.ADD_DAYS, value.type(), value, lit(days, DataType.BIGINT));
  }

  @Test
  void addMonthsClampsToMonthEnd() {
    assertThat(eval(addMonths(date(2023, 1, 31), 1))).isEqualTo(days(2023, 2, 28));
    assertThat(eval(addMonths(date(2024, 1, 31), 1))).isEqualTo(days(2024, 2, 29));
    assertThat(eval(addMonths(date(2024, 3, 31), 1))).isEqualTo(days(2024, 4, 30));
    assertThat(eval(addMonths(date(2024, 1, 30), 3))).isEqualTo(days(2024, 4, 30));
    assertThat(eval(addMonths(date(2024, 1, 15), 1))).isEqualTo(days(2024, 2, 15));
  }

  @Test
  void addMonthsFromLeapDay() {
    assertThat(eval(addMonths(date(2024, 2, 29), 12))).isEqualTo(days(2025, 2, 28));
    assertThat(eval(addMonths(date(2024, 2, 29), 48))).isEqualTo(days(2028, 2, 29));
    assertThat(eval(addMonths(date(2024, 2, 29), -12))).isEqualTo(days(2023, 2, 28));
    assertThat(eval(addMonths(date(2000, 2, 29), 1200))).isEqualTo(days(2100, 2, 28));
    assertThat(eval(addMonths(date(1600, 2, 29), 4800))).isEqualTo(days(2000, 2, 29));
  }

  @Test
  void addMonthsBackwardAcrossYears() {
    assertThat(eval(addMonths(date(2024, 1, 15), -1))).isEqualTo(days(2023, 12, 15));
    assertThat(eval(addMonths(date(2024, 3, 31), -13))).isEqualTo(days(2023, 2, 28));
    assertThat(eval(addMonths(date(2024, 5, 31), -27))).isEqualTo(days(2022, 2, 28));
    assertThat(eval(addMonths(date(2024, 12, 31), -120))).isEqualTo(days(2014, 12, 31));
  }

  @Test
  void addMonthsBefore1970() {
    assertThat(eval(addMonths(date(1969, 12, 31), 2))).isEqualTo(days(1970, 2, 28));
    assertThat(eval(addMonths(date(1970, 1, 31), -1))).isEqualTo(days(1969, 12, 31));
    assertThat(eval(addMonths(date(1900, 1, 31), 1))).isEqualTo(days(1900, 2, 28));
    assertThat(eval(addMonths(date(1600, 1, 31), 1))).isEqualTo(days(1600, 2, 29));
    assertThat(eval(addMonths(date(1, 1, 31), -1))).isEqualTo(days(0, 12, 31));
    assertThat(eval(addMonths(date(-44, 3, 15), 24))).isEqualTo(days(-42, 3, 15));
  }

  @Test
  void addDaysAcrossEpochAndLeapDays() {
    assertThat(eval(addDays(date(1970, 1, 1), -1))).isEqualTo(days(1969, 12, 31));
    assertThat(eval(addDays(date(2024, 2, 28), 1))).isEqualTo(days(2024, 2, 29));
    assertThat(eval(addDays(date(2023, 2, 28), 1))).isEqualTo(days(2023, 3, 1));
    assertThat(eval(addDays(date(1900, 3, 1), -1))).isEqualTo(days(1900, 2, 28));
    assertThat(eval(addDays(date(2000, 1, 1), 36_525))).isEqualTo(days(2100, 1, 1));
  }

  @Test
  void timestampKeepsTimeOfDay() {
    LocalDateTime afternoon = LocalDateTime.of(2024, 1, 31, 13, 45, 12, 345_678_000);
    LocalDateTime beforeEpoch = LocalDateTime.of(1969, 1, 31, 23, 59, 59, 999_999_000);
    LocalDateTime midnight = LocalDateTime.of(1960, 3, 31, 0, 0);

    assertThat(eval(addMonths(timestamp(afternoon), 1)))
        .isEqualTo(micros(LocalDateTime.of(2024, 2, 29, 13, 45, 12, 345_678_000)));
    assertThat(eval(addMonths(timestamp(beforeEpoch), 1)))
        .isEqualTo(micros(LocalDateTime.of(1969, 2, 28, 23, 59, 59, 999_999_000)));
    assertThat(eval(addMonths(timestamp(midnight), -1)))
        .isEqualTo(micros(LocalDateTime.of(1960, 2, 29, 0, 0)));
    assertThat(eval(addDays(timestamp(beforeEpoch), 365)))
        .isEqualTo(micros(LocalDateTime.of(1970, 1, 31, 23, 59, 59, 999_999_000)));
    assertThat(eval(addDays(timestamp(afternoon), -31)))
        .isEqualTo(micros(LocalDateTime.of(2023, 12, 31, 13, 45, 12, 345_678_000)));
  }

  @Test
  void addMicrosecondsCrossesMidnight() {
    LocalDateTime lastMicro = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000);
    Expr call =
        Call.of(
            Operator.ADD_MICROSECONDS,
            DataType.TIMESTAMP,
            timestamp(lastMicro),
            lit(1, DataType.BIGINT));

    assertThat(eval(call)).isEqualTo(0L);
  }

  @Test
  void operatorsReadColumnsAndPropagateNull() {
    Expr months =
        Call.of(Operator.ADD_MONTHS, DataType.DATE, in(0, DataType.DATE), lit(1, DataType.INTEGER));

    assertThat(evalOver(months, DataType.DATE, days(2023, 1, 31), null, days(1969, 11, 30)))
        .containsExactly(days(2023, 2, 28), null, days(1969, 12, 30));
    assertThat(eval(addDays(nullOf(DataType.DATE), 1))).isNull();
    assertThat(
            eval(
                Call.of(
                    Operator.ADD_MONTHS,
                    DataType.TIMESTAMP,
                    lit(0, DataType.TIMESTAMP),
                    nullOf(DataType.BIGINT))))
        .isNull();
  }

  @Test
  void nullAmountSkipsOverflowCheck() {
    Expr call =
        Call.of(
            Operator.CASE,
            DataType.DATE,
            lit(false),
            addDays(lit(Integer.MAX_VALUE, DataType.DATE), 1),
            lit(5, DataType.DATE));

    assertThat(eval(call)).isEqualTo(5L);
  }

  @Test
  void overflowRaisesNumericOverflow() {
    raises(addDays(lit(Integer.MAX_VALUE, DataType.DATE), 1), KernelErrorCode.NUMERIC_OVERFLOW);
    raises(addDays(date(2024, 1, 1), Long.MIN_VALUE), KernelErrorCode.NUMERIC_OVERFLOW);
    raises(addMonths(date(2024, 1, 1), Long.MAX_VALUE), KernelErrorCode.NUMERIC_OVERFLOW);
    raises(addMonths(lit(Integer.MIN_VALUE, DataType.DATE), -1), KernelErrorCode.NUMERIC_OVERFLOW);
    raises(addMonths(lit(Long.MAX_VALUE, DataType.TIMESTAMP), 1), KernelErrorCode.NUMERIC_OVERFLOW);
    raises(addDays(lit(Long.MIN_VALUE, DataType.TIMESTAMP), -1), KernelErrorCode.NUMERIC_OVERFLOW);
    raises(
        Call.of(
            Operator.ADD_MICROSECONDS,
            DataType.TIMESTAMP,
            lit(Long.MAX_VALUE, DataType.TIMESTAMP),
            lit(1, DataType.BIGINT)),
        KernelErrorCode.NUMERIC_OVERFLOW);
  }

  @Test
  void invalidOperandTypesAreRejected() {
    Expr microsOnDate =
        Call.of(
            Operator.ADD_MICROSECONDS, DataType.DATE, date(2024, 1, 1), lit(1, DataType.BIGINT));
    Expr doubleAmount =
        Call.of(Operator.ADD_DAYS, DataType.DATE, date(2024, 1, 1), lit(1.0, DataType.DOUBLE));
    Expr wrongResult =
        Call.of(Operator.ADD_MONTHS, DataType.TIMESTAMP, date(2024, 1, 1), lit(1, DataType.BIGINT));
    Expr onBigint =
        Call.of(
            Operator.ADD_DAYS, DataType.BIGINT, lit(1, DataType.BIGINT), lit(1, DataType.BIGINT));

    assertThatThrownBy(() -> eval(microsOnDate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ADD_MICROSECONDS needs a TIMESTAMP first operand, got DATE");
    assertThatThrownBy(() -> eval(doubleAmount))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ADD_DAYS needs an integer second operand, got DOUBLE");
    assertThatThrownBy(() -> eval(wrongResult))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ADD_MONTHS of a DATE returns DATE, not TIMESTAMP");
    assertThatThrownBy(() -> eval(onBigint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ADD_DAYS needs a DATE or TIMESTAMP first operand, got BIGINT");
  }
}
