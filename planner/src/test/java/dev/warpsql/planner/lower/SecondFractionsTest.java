package dev.warpsql.planner.lower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;
import org.junit.jupiter.api.Test;

class SecondFractionsTest {
  /** Returns what a cast of the text gives: Calcite's milliseconds plus the correction. */
  private static long castMicros(String text) {
    long millis = DateTimeUtils.timestampStringToUnixDate(text.strip());
    return millis * 1000 + SecondFractions.castCorrection(text);
  }

  @Test
  void literalsKeepEveryMicrosecond() {
    assertThat(SecondFractions.timestampMicros(new TimestampString("1970-01-01 00:00:00.000001")))
        .isEqualTo(1);
    assertThat(SecondFractions.timestampMicros(new TimestampString("1969-12-31 23:59:59.999999")))
        .isEqualTo(-1);
    assertThat(SecondFractions.timestampMicros(new TimestampString("1970-01-01 00:00:01.5")))
        .isEqualTo(1_500_000);
    assertThat(SecondFractions.timeMicros(new TimeString("12:00:00.123456")))
        .isEqualTo(12 * 3_600_000_000L + 123_456);
  }

  @Test
  void literalsRoundTripThroughMicroseconds() {
    for (long micros : new long[] {0, 1, -1, 999, -999_999, 1_709_208_000_000_001L}) {
      TimestampString timestamp = SecondFractions.timestamp(micros);
      assertThat(SecondFractions.timestampMicros(timestamp)).as("%d", micros).isEqualTo(micros);
    }
    TimeString time = SecondFractions.time(86_399_999_999L);
    assertThat(SecondFractions.timeMicros(time)).isEqualTo(86_399_999_999L);
  }

  @Test
  void castCorrectionCutsToMicroseconds() {
    // Calcite rounds .0005 up to 1 ms; the exact value is 500 microseconds.
    assertThat(castMicros("1970-01-01 00:00:00.0005")).isEqualTo(500);
    assertThat(castMicros("1970-01-01 00:00:00.000001")).isEqualTo(1);
    assertThat(castMicros("1970-01-01 00:00:00.9999996")).isEqualTo(999_999);
    assertThat(castMicros("1969-12-31 23:59:59.999999")).isEqualTo(-1);
    assertThat(castMicros(" 1970-01-01 00:00:00.1234567 ")).isEqualTo(123_456);
  }

  @Test
  void timeOfDayRejectsFieldsOutOfRange() {
    SecondFractions.checkTimeOfDay("23:59:59.999999");
    SecondFractions.checkTimeOfDay("2024-02-29 25:00:00");

    assertThatThrownBy(() -> SecondFractions.checkTimeOfDay("24:00:00"))
        .hasMessageContaining("HOUR");
    assertThatThrownBy(() -> SecondFractions.checkTimeOfDay(" 12:60:00 "))
        .hasMessageContaining("MINUTE");
    assertThatThrownBy(() -> SecondFractions.checkTimeOfDay("12:00:60.5"))
        .hasMessageContaining("SECOND");
  }

  @Test
  void castCorrectionIsZeroWhereMillisecondsAreExact() {
    assertThat(SecondFractions.castCorrection("1970-01-01 00:00:00.123")).isZero();
    assertThat(SecondFractions.castCorrection("1970-01-01 00:00:00")).isZero();
    assertThat(SecondFractions.castCorrection("1970-01-01")).isZero();
    assertThat(SecondFractions.castCorrection("12:00:00.12x4")).isZero();
    assertThat(SecondFractions.castCorrection("abc")).isZero();
  }
}
