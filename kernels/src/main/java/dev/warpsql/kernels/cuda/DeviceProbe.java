package dev.warpsql.kernels.cuda;

import java.util.Objects;

/**
 * Whether a GPU can run kernels on this machine, and why not when it cannot.
 *
 * @param detail the device count when available, otherwise the reason, such as the error of loading
 *     the CUDA driver library
 */
public record DeviceProbe(boolean available, String detail) {
  public DeviceProbe {
    Objects.requireNonNull(detail, "detail");
  }

  static DeviceProbe unavailable(String reason) {
    return new DeviceProbe(false, reason);
  }
}
