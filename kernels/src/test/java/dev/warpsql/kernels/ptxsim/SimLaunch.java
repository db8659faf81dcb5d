package dev.warpsql.kernels.ptxsim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Launches an entry of a {@link SimModule} over a 1-D grid: blocks run one after another (in a
 * shuffled order when the options carry a seed), and the threads of each block as {@link
 * SimBlockRun} describes.
 */
public final class SimLaunch {
  /**
   * Scheduling options.
   *
   * @param quantum the most instructions a thread runs per turn; with a seed, each turn's quantum
   *     is drawn from 1 to this value
   * @param seed the seed of the random interleaving, or null to run each thread until it blocks
   * @param instructionLimit the most instructions one block may run before the launch fails, which
   *     turns an endless loop into an error
   */
  public record Options(int quantum, Long seed, long instructionLimit) {
    /** Each thread runs until it blocks: fast and deterministic. */
    public static Options sequential() {
      return new Options(1 << 20, null, 200_000_000L);
    }

    /**
     * Threads switch after 1 to {@code quantum} instructions in an order drawn from {@code seed}.
     */
    public static Options interleaved(long seed, int quantum) {
      return new Options(quantum, seed, 200_000_000L);
    }
  }

  private SimLaunch() {}

  /**
   * Runs {@code arguments.entry()} with {@code gridSize} blocks of {@code blockSize} threads over
   * {@code global} memory and returns the number of instructions executed.
   */
  public static long run(
      SimModule module,
      SimArguments arguments,
      int gridSize,
      int blockSize,
      SimMemory global,
      Options options) {
    if (gridSize < 1 || blockSize < 1 || blockSize > 1024) {
      throw new SimException("invalid launch shape " + gridSize + " x " + blockSize);
    }
    byte[] params = arguments.bytes();
    List<Integer> order = new ArrayList<>();
    for (int block = 0; block < gridSize; block++) {
      order.add(block);
    }
    Random random = options.seed() == null ? null : new Random(options.seed());
    if (random != null) {
      Collections.shuffle(order, random);
    }
    long executed = 0;
    for (int block : order) {
      SimBlockRun run =
          new SimBlockRun(
              module,
              arguments.entry(),
              params,
              global,
              block,
              gridSize,
              blockSize,
              options,
              random);
      executed += run.run();
    }
    return executed;
  }
}
