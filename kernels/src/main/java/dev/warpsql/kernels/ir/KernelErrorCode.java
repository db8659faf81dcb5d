package dev.warpsql.kernels.ir;

/** Errors that a running kernel raises, each with the SQLSTATE that a driver reports. */
public enum KernelErrorCode {
  NUMERIC_OVERFLOW("22003"),
  DIVISION_BY_ZERO("22012"),
  INVALID_CAST("22018"),
  /** A kernel failed to compile: always a bug in an emitter, never in the user's query. */
  COMPILATION_FAILED("XX000");

  private final String sqlState;

  KernelErrorCode(String sqlState) {
    this.sqlState = sqlState;
  }

  /** Returns the five-character SQLSTATE for this error. */
  public String sqlState() {
    return sqlState;
  }
}
