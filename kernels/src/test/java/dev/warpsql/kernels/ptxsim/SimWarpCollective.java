package dev.warpsql.kernels.ptxsim;

/**
 * A warp-synchronous instruction ({@code vote.sync}, {@code shfl.sync}). A thread that reaches one
 * waits; the scheduler runs it once every lane of the member mask waits at the same instruction,
 * which is the PTX requirement for {@code .sync} instructions, and fails when a member lane has
 * exited or waits elsewhere.
 */
abstract class SimWarpCollective extends SimInstruction {
  private final int maskSlot;

  SimWarpCollective(SimStatement statement, int maskSlot) {
    super(statement);
    this.maskSlot = maskSlot;
  }

  @Override
  final int execute(SimThread thread, long[] r, int pc) {
    int mask = memberMask(r);
    if ((mask & (1 << thread.lane)) == 0) {
      throw fail(
          "lane "
              + thread.lane
              + " executes with member mask 0x"
              + Integer.toHexString(mask)
              + ", which does not include it");
    }
    return BLOCKED;
  }

  int memberMask(long[] r) {
    return (int) r[maskSlot];
  }

  /**
   * Computes the results of the lanes in {@code mask}; {@code warp[lane]} is the thread of each
   * lane (null for lanes the block does not have).
   */
  abstract void resolve(SimThread[] warp, int mask);
}
