package dev.warpsql.kernels.cuda;

import java.util.Objects;

/** Failure of a device operation, with the kind of failure that decides how the engine reacts. */
public final class DeviceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What failed. */
  public enum Kind {
    /** The driver or the device is missing. */
    UNAVAILABLE,
    /** Device or pinned host memory is exhausted: the work may run on the CPU instead. */
    OUT_OF_MEMORY,
    /** The driver rejected a module's PTX: a bug in the PTX emitter. */
    MODULE_LOAD_FAILED,
    /** A launch failed or a kernel faulted; the device may be unusable afterwards. */
    LAUNCH_FAILED,
    /** Another driver call failed. */
    DRIVER_ERROR,
    /**
     * An aggregate found more groups than its device table had room for, because a bound on its
     * groups was wrong. Launches may have added some rows, so the work must run again on the CPU.
     */
    GROUP_TABLE_OVERFLOW
  }

  private final Kind kind;

  public DeviceException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public DeviceException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
