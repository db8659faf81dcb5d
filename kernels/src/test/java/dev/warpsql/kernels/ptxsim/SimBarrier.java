package dev.warpsql.kernels.ptxsim;

/**
 * {@code bar.sync} / {@code barrier.sync} with barrier 0 and all threads of the block: a thread
 * waits until every thread of its block that has not exited waits at a barrier.
 */
final class SimBarrier extends SimInstruction {
  SimBarrier(SimStatement statement) {
    super(statement);
  }

  @Override
  int execute(SimThread thread, long[] r, int pc) {
    return BLOCKED;
  }
}
