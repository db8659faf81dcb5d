package dev.warpsql.kernels.ptxsim;

/**
 * {@code bra}, {@code ret}, {@code exit} and no-op fences. Calls are {@link SimCallInstruction}.
 */
final class SimControlOps {
  private SimControlOps() {}

  /** {@code bra[.uni] label}. Each thread branches on its own, so divergence needs no handling. */
  static final class Branch extends SimInstruction {
    private final String label;
    private int target = -1;

    Branch(SimStatement statement, String label) {
      super(statement);
      this.label = label;
    }

    @Override
    void link(SimModule module, SimFunctionBuilder builder) {
      target = builder.labelTarget(label, this);
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      return target;
    }
  }

  /** {@code ret}: back to the caller with the result parameter, or the end of the thread. */
  static final class Return extends SimInstruction {
    Return(SimStatement statement) {
      super(statement);
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      SimFrame callee = thread.frame();
      SimCallInstruction callSite = callee.callSite;
      if (!thread.pop()) {
        return EXITED;
      }
      callSite.returnTo(callee, thread.frame());
      thread.frame().pc++;
      return FRAME_CHANGED;
    }
  }

  /** {@code exit}: ends the thread from any call depth. */
  static final class Exit extends SimInstruction {
    Exit(SimStatement statement) {
      super(statement);
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      while (thread.pop()) {
        // unwind every frame
      }
      return EXITED;
    }
  }

  /**
   * {@code membar} and {@code fence}: nothing to do, because memory is sequentially consistent in
   * the interpreter.
   */
  static final class Fence extends SimInstruction {
    Fence(SimStatement statement) {
      super(statement);
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      return pc + 1;
    }
  }
}
