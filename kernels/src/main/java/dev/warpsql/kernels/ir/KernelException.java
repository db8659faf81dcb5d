package dev.warpsql.kernels.ir;

import java.util.Objects;

/** Failure of a kernel at compile or run time, carrying the code that maps to an SQLSTATE. */
public final class KernelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final KernelErrorCode code;

  public KernelException(KernelErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public KernelException(KernelErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public KernelErrorCode code() {
    return code;
  }
}
