package dev.warpsql.planner.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.executor.device.DeviceRuntime;
import org.junit.jupiter.api.Test;

class WarpRuntimeTest {
  private static final long MEMORY = 16L << 30;

  @Test
  void defaultBudgetIsHalfTheMemory() {
    DeviceRuntime.Config config = WarpRuntime.gpuConfig(MEMORY, null);

    assertThat(config.residencyBudgetBytes()).isEqualTo(MEMORY / 2);
  }

  @Test
  void residentSettingReplacesTheBudgetOnly() {
    DeviceRuntime.Config defaults = WarpRuntime.gpuConfig(MEMORY, null);

    DeviceRuntime.Config config = WarpRuntime.gpuConfig(MEMORY, "4g");

    assertThat(config.residencyBudgetBytes()).isEqualTo(4L << 30);
    assertThat(config.poolLimitBytes()).isEqualTo(defaults.poolLimitBytes());
    assertThat(config.sortMinRows()).isEqualTo(defaults.sortMinRows());
  }

  @Test
  void invalidResidentSettingIsRejected() {
    assertThatThrownBy(() -> WarpRuntime.gpuConfig(MEMORY, "lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid -Dwarp.gpu.resident=lots");
  }
}
