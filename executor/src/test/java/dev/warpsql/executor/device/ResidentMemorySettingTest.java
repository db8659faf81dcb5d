package dev.warpsql.executor.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResidentMemorySettingTest {
  private static final long MEMORY = 80L << 30;

  @Test
  void percentageOfDeviceMemory() {
    assertThat(ResidentMemorySetting.bytes("50%", MEMORY)).isEqualTo(40L << 30);
    assertThat(ResidentMemorySetting.bytes(" 100% ", MEMORY)).isEqualTo(MEMORY);
  }

  @Test
  void sizeWithBinarySuffix() {
    assertThat(ResidentMemorySetting.bytes("24g", MEMORY)).isEqualTo(24L << 30);
    assertThat(ResidentMemorySetting.bytes("512M", MEMORY)).isEqualTo(512L << 20);
    assertThat(ResidentMemorySetting.bytes("2048k", MEMORY)).isEqualTo(2L << 20);
    assertThat(ResidentMemorySetting.bytes("1073741824", MEMORY)).isEqualTo(1L << 30);
  }

  @Test
  void malformedValuesNameTheSetting() {
    for (String setting : new String[] {"", "%", "abc", "-5g", "5x", "1.5g", "12 g"}) {
      assertThatThrownBy(() -> ResidentMemorySetting.bytes(setting, MEMORY))
          .as(setting)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("invalid -Dwarp.gpu.resident=" + setting)
          .hasMessageContaining("such as 24g");
    }
  }

  @Test
  void outOfRangeValuesAreRejected() {
    assertThatThrownBy(() -> ResidentMemorySetting.bytes("0%", MEMORY))
        .hasMessageContaining("from 1% to 100%");
    assertThatThrownBy(() -> ResidentMemorySetting.bytes("101%", MEMORY))
        .hasMessageContaining("from 1% to 100%");
    assertThatThrownBy(() -> ResidentMemorySetting.bytes("1k", MEMORY))
        .hasMessageContaining("at least 1 MiB");
    assertThatThrownBy(() -> ResidentMemorySetting.bytes("81g", MEMORY))
        .hasMessageContaining("larger than the device's " + MEMORY + " bytes");
    assertThatThrownBy(() -> ResidentMemorySetting.bytes("999999999999999999t", MEMORY))
        .hasMessageContaining("larger than the device's");
  }
}
