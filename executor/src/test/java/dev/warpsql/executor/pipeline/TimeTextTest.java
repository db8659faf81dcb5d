package dev.warpsql.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.DataType;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class TimeTextTest {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private static long micros(LocalDateTime time) {
    return ChronoUnit.MICROS.between(EPOCH, time);
  }

  @Test
  void timestampTrimsTrailingZeros() {
    LocalDateTime time = LocalDateTime.of(2024, 1, 2, 3, 4, 5);
    assertThat(TimeText.format(micros(time), DataType.TIMESTAMP)).isEqualTo("2024-01-02 03:04:05");
    assertThat(TimeText.format(micros(time.withNano(123_456_000)), DataType.TIMESTAMP))
        .isEqualTo("2024-01-02 03:04:05.123456");
    assertThat(TimeText.format(micros(time.withNano(100_000_000)), DataType.TIMESTAMP))
        .isEqualTo("2024-01-02 03:04:05.1");
    assertThat(TimeText.format(micros(time.withNano(1_000)), DataType.TIMESTAMP))
        .isEqualTo("2024-01-02 03:04:05.000001");
  }

  @Test
  void timestampBefore1970CountsForward() {
    assertThat(TimeText.format(-500_000, DataType.TIMESTAMP)).isEqualTo("1969-12-31 23:59:59.5");
    assertThat(TimeText.format(-1, DataType.TIMESTAMP)).isEqualTo("1969-12-31 23:59:59.999999");
    LocalDateTime early = LocalDateTime.of(1, 1, 1, 0, 0, 0, 123_000_000);
    assertThat(TimeText.format(micros(early), DataType.TIMESTAMP))
        .isEqualTo("0001-01-01 00:00:00.123");
  }

  @Test
  void timeHasNoDate() {
    assertThat(TimeText.format(0, DataType.TIME)).isEqualTo("00:00:00");
    assertThat(TimeText.format(86_399_999_999L, DataType.TIME)).isEqualTo("23:59:59.999999");
    assertThat(TimeText.format(11_045_123_400L, DataType.TIME)).isEqualTo("03:04:05.1234");
  }

  @Test
  void otherTypesAreRejected() {
    assertThat(TimeText.canFormat(DataType.DATE)).isFalse();
    assertThatThrownBy(() -> TimeText.format(0, DataType.DATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got DATE");
  }
}
