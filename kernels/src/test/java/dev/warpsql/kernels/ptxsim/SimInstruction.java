package dev.warpsql.kernels.ptxsim;

/**
 * A decoded PTX instruction. Operands are slots of the frame's register file: declared registers,
 * then the function's immediates and special registers, which a frame holds as constants, so every
 * source operand is one array read.
 *
 * <p>{@link #execute} returns the next program counter, or one of the negative signals that hand
 * control back to the scheduler.
 */
abstract class SimInstruction {
  /** The thread waits at a warp-synchronous instruction or barrier; its pc stays put. */
  static final int BLOCKED = -1;

  /** The thread's current frame changed (call or return); the scheduler reloads it. */
  static final int FRAME_CHANGED = -2;

  /** The thread exited. */
  static final int EXITED = -3;

  final int line;
  final String text;

  /** Guard predicate slot, or -1 when the instruction always runs. */
  int guard = -1;

  /** Whether the guard is {@code @!p}, so the instruction runs when the predicate is false. */
  boolean guardNegated;

  SimInstruction(SimStatement statement) {
    this.line = statement.line();
    this.text = statement.text();
  }

  /** Runs the instruction for one thread whose current frame's registers are {@code r}. */
  abstract int execute(SimThread thread, long[] r, int pc);

  /** Resolves symbolic targets (labels, functions) once the whole module is parsed. */
  void link(SimModule module, SimFunctionBuilder builder) {}

  SimException fail(String message) {
    return SimException.at(line, text, message);
  }

  @Override
  public String toString() {
    return "line " + line + ": " + text;
  }
}
