package dev.warpsql.executor.error;

import java.util.Objects;

/**
 * Failure that WarpSQL reports to the user, with an {@link ErrorCode}; the driver turns it into an
 * {@code SQLException} with the code's SQLSTATE and this message.
 */
public class WarpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public WarpException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public WarpException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }
}
