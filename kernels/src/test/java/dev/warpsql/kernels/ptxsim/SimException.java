package dev.warpsql.kernels.ptxsim;

/**
 * Failure of the PTX interpreter: text it cannot parse, an instruction or modifier outside the
 * supported subset, or a run-time fault such as an out-of-bounds access, a misaligned address or a
 * deadlock of warp-synchronous instructions. Messages name the PTX line where one is known.
 */
public final class SimException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SimException(String message) {
    super(message);
  }

  /** Returns an exception whose message starts with the line number and text of a statement. */
  static SimException at(int line, String text, String message) {
    return new SimException("line " + line + " (" + text + "): " + message);
  }
}
