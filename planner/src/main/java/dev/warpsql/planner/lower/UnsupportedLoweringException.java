package dev.warpsql.planner.lower;

/**
 * Thrown when an expression or operator has no kernel form yet. The WARP rules check support before
 * converting, so this reaches users only through a bug in those checks.
 */
public final class UnsupportedLoweringException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedLoweringException(String message) {
    super(message);
  }
}
