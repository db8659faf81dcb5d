package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

class JCudaDeviceTest {
  @Test
  void probeReportsReasonWithoutGpu() {
    DeviceProbe probe = JCudaDevice.probe();
    assumeFalse(probe.available(), "this machine has a GPU: " + probe.detail());

    assertThat(probe.detail()).isNotBlank();
    assertThat(JCudaDevice.probe()).isEqualTo(probe);
  }

  @Test
  void openWithoutGpuRaisesUnavailable() {
    assumeFalse(JCudaDevice.probe().available(), "this machine has a GPU");

    assertThatThrownBy(() -> JCudaDevice.open(0))
        .isInstanceOf(DeviceException.class)
        .extracting(e -> ((DeviceException) e).kind())
        .isEqualTo(DeviceException.Kind.UNAVAILABLE);
  }
}
