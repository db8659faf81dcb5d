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

class CastKernelTest extends KernelTestSupport {
  private static Expr cast(Expr operand, DataType type) {
    return Call.of(Operator.CAST, type, operand);
  }

  @Test
  void integerNarrowingChecksRange() {
    assertThat(eval(cast(lit(127, DataType.BIGINT), DataType.TINYINT))).isEqualTo(127L);
    assertThat(eval(cast(lit(-128, DataType.INTEGER), DataType.TINYINT))).isEqualTo(-128L);
    raises(cast(lit(128, DataType.BIGINT), DataType.TINYINT), KernelErrorCode.NUMERIC_OVERFLOW);
    raises(
        cast(lit(40_000, DataType.INTEGER), DataType.SMALLINT), KernelErrorCode.NUMERIC_OVERFLOW);
    raises(
        cast(lit(1L << 31, DataType.BIGINT), DataType.INTEGER), KernelErrorCode.NUMERIC_OVERFLOW);
    assertThat(eval(cast(lit(-5, DataType.TINYINT), DataType.BIGINT))).isEqualTo(-5L);
  }

  @Test
  void decimalToIntegerRoundsHalfAwayFromZero() {
    DataType type = DataType.decimal(4, 2);
    assertThat(eval(cast(lit(250, type), DataType.INTEGER))).isEqualTo(3L);
    assertThat(eval(cast(lit(-250, type), DataType.INTEGER))).isEqualTo(-3L);
    assertThat(eval(cast(lit(249, type), DataType.INTEGER))).isEqualTo(2L);
    assertThat(eval(cast(lit(-249, type), DataType.BIGINT))).isEqualTo(-2L);
    raises(
        cast(lit(12_850, DataType.decimal(5, 2)), DataType.TINYINT),
        KernelErrorCode.NUMERIC_OVERFLOW);
  }

  @Test
  void floatToIntegerRoundsHalfAwayFromZero() {
    assertThat(eval(cast(lit(2.5, DataType.DOUBLE), DataType.INTEGER))).isEqualTo(3L);
    assertThat(eval(cast(lit(-2.5, DataType.DOUBLE), DataType.INTEGER))).isEqualTo(-3L);
    assertThat(eval(cast(lit(0.49999999999999994, DataType.DOUBLE), DataType.INTEGER)))
        .isEqualTo(0L);
    assertThat(eval(cast(lit(-1.4, DataType.REAL), DataType.SMALLINT))).isEqualTo(-1L);
    assertThat(eval(cast(lit(-9.223372036854775808e18, DataType.DOUBLE), DataType.BIGINT)))
        .isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void floatToIntegerOutOfRangeRaises() {
    raises(cast(lit(1e10, DataType.DOUBLE), DataType.INTEGER), KernelErrorCode.NUMERIC_OVERFLOW);
    raises(
        cast(lit(9.223372036854775807e18, DataType.DOUBLE), DataType.BIGINT),
        KernelErrorCode.NUMERIC_OVERFLOW);
    raises(cast(lit(127.5, DataType.DOUBLE), DataType.TINYINT), KernelErrorCode.NUMERIC_OVERFLOW);
    raises(cast(lit(Double.NaN, DataType.DOUBLE), DataType.BIGINT), KernelErrorCode.INVALID_CAST);
    raises(
        cast(lit(Double.POSITIVE_INFINITY, DataType.DOUBLE), DataType.INTEGER),
        KernelErrorCode.INVALID_CAST);
  }

  @Test
  void floatToDecimalRoundsExactBinaryValue() {
    DataType type = DataType.decimal(5, 2);
    // 1.125 and -1.125 are exact in binary: ties round away from zero
    assertThat(eval(cast(lit(1.125, DataType.DOUBLE), type))).isEqualTo(113L);
    assertThat(eval(cast(lit(-1.125, DataType.DOUBLE), type))).isEqualTo(-113L);
    assertThat(eval(cast(lit(0.5, DataType.REAL), type))).isEqualTo(50L);
    raises(cast(lit(1000.0, DataType.DOUBLE), type), KernelErrorCode.NUMERIC_OVERFLOW);
    raises(cast(lit(Double.NaN, DataType.DOUBLE), type), KernelErrorCode.INVALID_CAST);
  }

  @Test
  void decimalRescaleRoundsAndChecksPrecision() {
    // 1.235 -> 1.24 and -1.235 -> -1.24 at scale 2
    assertThat(eval(cast(lit(1235, DataType.decimal(5, 3)), DataType.decimal(4, 2))))
        .isEqualTo(124L);
    assertThat(eval(cast(lit(-1235, DataType.decimal(5, 3)), DataType.decimal(4, 2))))
        .isEqualTo(-124L);
    assertThat(eval(cast(lit(-1234, DataType.decimal(5, 3)), DataType.decimal(4, 2))))
        .isEqualTo(-123L);
    // 123.45 at scale 3 needs 6 digits
    raises(
        cast(lit(12_345, DataType.decimal(5, 2)), DataType.decimal(5, 3)),
        KernelErrorCode.NUMERIC_OVERFLOW);
    assertThat(eval(cast(lit(12_345, DataType.decimal(5, 2)), DataType.decimal(6, 3))))
        .isEqualTo(123_450L);
    // 99.99 at precision 3, scale 1 rounds to 100.0, which needs 4 digits
    raises(
        cast(lit(9999, DataType.decimal(4, 2)), DataType.decimal(3, 1)),
        KernelErrorCode.NUMERIC_OVERFLOW);
  }

  @Test
  void decimalOfScale19ConvertsExactly() {
    DataType type = DataType.decimal(19, 19);
    // 0.5 and -0.5 round away from zero, 0.4999999999999999999 rounds to 0
    assertThat(eval(cast(lit(5_000_000_000_000_000_000L, type), DataType.INTEGER))).isEqualTo(1L);
    assertThat(eval(cast(lit(-5_000_000_000_000_000_000L, type), DataType.INTEGER))).isEqualTo(-1L);
    assertThat(eval(cast(lit(4_999_999_999_999_999_999L, type), DataType.BIGINT))).isEqualTo(0L);
    assertThat(eval(cast(lit(5_000_000_000_000_000_000L, type), DataType.DOUBLE))).isEqualTo(0.5);
    assertThat(eval(cast(lit(5_000_000_000_000_000_000L, type), DataType.decimal(3, 2))))
        .isEqualTo(50L);
  }

  @Test
  void integerToDecimalChecksPrecision() {
    assertThat(eval(cast(lit(99, DataType.INTEGER), DataType.decimal(3, 1)))).isEqualTo(990L);
    raises(
        cast(lit(100, DataType.INTEGER), DataType.decimal(3, 1)), KernelErrorCode.NUMERIC_OVERFLOW);
    raises(
        cast(lit(Long.MAX_VALUE, DataType.BIGINT), DataType.decimal(18, 0)),
        KernelErrorCode.NUMERIC_OVERFLOW);
  }

  @Test
  void conversionsToFloat() {
    assertThat(eval(cast(lit(125, DataType.decimal(3, 2)), DataType.DOUBLE))).isEqualTo(1.25);
    assertThat(eval(cast(lit(-1, DataType.decimal(18, 18)), DataType.DOUBLE))).isEqualTo(-1e-18);
    assertThat(eval(cast(lit(Long.MAX_VALUE, DataType.BIGINT), DataType.DOUBLE)))
        .isEqualTo(9.223372036854775807e18);
    assertThat(eval(cast(lit(7, DataType.INTEGER), DataType.REAL))).isEqualTo(7.0);
    assertThat(eval(cast(lit(1.5, DataType.DOUBLE), DataType.REAL))).isEqualTo(1.5);
    assertThat(eval(cast(lit(1.5, DataType.REAL), DataType.DOUBLE))).isEqualTo(1.5);
    raises(cast(lit(1e39, DataType.DOUBLE), DataType.REAL), KernelErrorCode.NUMERIC_OVERFLOW);
  }

  @Test
  void dateAndTimestampConvertWithFloorToDay() {
    long microsPerDay = 86_400_000_000L;
    assertThat(eval(cast(lit(-1, DataType.DATE), DataType.TIMESTAMP))).isEqualTo(-microsPerDay);
    assertThat(eval(cast(lit(1, DataType.DATE), DataType.TIMESTAMP))).isEqualTo(microsPerDay);
    assertThat(eval(cast(lit(-1, DataType.TIMESTAMP), DataType.DATE))).isEqualTo(-1L);
    assertThat(eval(cast(lit(microsPerDay, DataType.TIMESTAMP), DataType.DATE))).isEqualTo(1L);
    assertThat(eval(cast(lit(microsPerDay - 1, DataType.TIMESTAMP), DataType.DATE))).isEqualTo(0L);
    assertThat(eval(cast(lit(-microsPerDay, DataType.TIMESTAMP), DataType.DATE))).isEqualTo(-1L);
  }

  @Test
  void timestampToTimeKeepsTimeOfDay() {
    long microsPerDay = 86_400_000_000L;
    assertThat(eval(cast(lit(microsPerDay + 1, DataType.TIMESTAMP), DataType.TIME))).isEqualTo(1L);
    assertThat(eval(cast(lit(-1, DataType.TIMESTAMP), DataType.TIME))).isEqualTo(microsPerDay - 1);
    assertThat(eval(cast(lit(-microsPerDay, DataType.TIMESTAMP), DataType.TIME))).isEqualTo(0L);
  }

  @Test
  void epochFloorsToTheSecond() {
    long[][] microsAndSeconds = {
      {0, 0},
      {999_999, 0},
      {1_000_000, 1},
      {-1, -1},
      {-500_000, -1},
      {-1_000_000, -1},
      {-1_000_001, -2},
    };
    for (long[] pair : microsAndSeconds) {
      Expr timestamp = lit(pair[0], DataType.TIMESTAMP);
      assertThat(eval(Call.of(Operator.EXTRACT_EPOCH, DataType.BIGINT, timestamp)))
          .as("epoch of %d microseconds", pair[0])
          .isEqualTo(pair[1]);
    }
    assertThat(eval(Call.of(Operator.EXTRACT_EPOCH, DataType.BIGINT, lit(-1, DataType.DATE))))
        .isEqualTo(-86_400L);
  }

  @Test
  void unsupportedCastIsRejected() {
    assertThatThrownBy(() -> eval(cast(lit(true), DataType.INTEGER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BOOLEAN")
        .hasMessageContaining("INTEGER");
    assertThatThrownBy(() -> eval(cast(lit(1, DataType.DATE), DataType.INTEGER)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void extractFromDatesBefore1970() {
    LocalDate[] dates = {
      LocalDate.of(1969, 12, 31),
      LocalDate.of(1969, 1, 1),
      LocalDate.of(1900, 2, 28),
      LocalDate.of(1900, 3, 1),
      LocalDate.of(1600, 2, 29),
      LocalDate.of(1, 1, 1),
      LocalDate.of(-44, 3, 15),
      LocalDate.of(1970, 1, 1),
      LocalDate.of(2000, 2, 29),
      LocalDate.of(2024, 12, 31),
    };
    for (LocalDate date : dates) {
      Expr day = lit(date.toEpochDay(), DataType.DATE);
      assertThat(eval(Call.of(Operator.EXTRACT_YEAR, DataType.BIGINT, day)))
          .as("%s", date)
          .isEqualTo((long) date.getYear());
      assertThat(eval(Call.of(Operator.EXTRACT_MONTH, DataType.BIGINT, day)))
          .as("%s", date)
          .isEqualTo((long) date.getMonthValue());
      assertThat(eval(Call.of(Operator.EXTRACT_DAY, DataType.BIGINT, day)))
          .as("%s", date)
          .isEqualTo((long) date.getDayOfMonth());
    }
  }

  @Test
  void extractFromTimestampsBefore1970() {
    LocalDateTime[] times = {
      LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000),
      LocalDateTime.of(1969, 1, 1, 0, 0),
      LocalDateTime.of(1970, 1, 1, 0, 0),
      LocalDateTime.of(1899, 12, 31, 12, 0),
      LocalDateTime.of(2021, 7, 4, 8, 30),
    };
    for (LocalDateTime time : times) {
      long micros = ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), time);
      Expr timestamp = lit(micros, DataType.TIMESTAMP);
      assertThat(time.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + time.getNano() / 1000)
          .isEqualTo(micros);
      assertThat(eval(Call.of(Operator.EXTRACT_YEAR, DataType.BIGINT, timestamp)))
          .as("%s", time)
          .isEqualTo((long) time.getYear());
      assertThat(eval(Call.of(Operator.EXTRACT_MONTH, DataType.BIGINT, timestamp)))
          .as("%s", time)
          .isEqualTo((long) time.getMonthValue());
      assertThat(eval(Call.of(Operator.EXTRACT_DAY, DataType.INTEGER, timestamp)))
          .as("%s", time)
          .isEqualTo((long) time.getDayOfMonth());
    }
  }
}
