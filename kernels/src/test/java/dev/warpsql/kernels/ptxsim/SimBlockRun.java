package dev.warpsql.kernels.ptxsim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Runs the threads of one block to completion. Each thread runs on its own for up to a quantum of
 * instructions or until it waits at a warp-synchronous instruction or barrier; then waiting groups
 * whose members have all arrived are released. A thread therefore has its own program counter,
 * which models the independent thread scheduling of sm_70 and later: divergent branches need no
 * reconvergence stack, and correctness of {@code .sync} instructions under divergence is checked
 * instead of assumed.
 *
 * <p>With a random source the quantum of every turn and the order of threads vary, so atomics and
 * spin-waits contend in varied interleavings; without one, each thread runs until it blocks.
 */
final class SimBlockRun {
  final int block;
  final int blockSize;
  final int gridSize;
  private final SimThread[] threads;
  private final SimLaunch.Options options;
  private final Random random;

  SimBlockRun(
      SimModule module,
      SimFunction entry,
      byte[] kernelParams,
      SimMemory global,
      int block,
      int gridSize,
      int blockSize,
      SimLaunch.Options options,
      Random random) {
    this.block = block;
    this.blockSize = blockSize;
    this.gridSize = gridSize;
    this.options = options;
    this.random = random;
    SimMemory shared = new SimMemory("shared", SimModule.SHARED_BASE);
    if (module.sharedBytes() > 0) {
      shared.allocate("the block's shared variables", module.sharedBytes(), false);
    }
    this.threads = new SimThread[blockSize];
    for (int t = 0; t < blockSize; t++) {
      threads[t] = new SimThread(this, t, entry, kernelParams, global, shared, module.constants());
    }
  }

  /** Runs the block and returns the number of instructions its threads executed. */
  long run() {
    long executed = 0;
    while (true) {
      boolean progress = false;
      int start = random == null ? 0 : random.nextInt(blockSize);
      for (int i = 0; i < blockSize; i++) {
        SimThread thread = threads[(start + i) % blockSize];
        if (thread.state == SimThread.State.RUNNABLE) {
          int quantum = random == null ? options.quantum() : 1 + random.nextInt(options.quantum());
          executed += thread.run(quantum);
          progress = true;
        }
      }
      if (executed > options.instructionLimit()) {
        throw new SimException(
            "block "
                + block
                + " ran more than "
                + options.instructionLimit()
                + " instructions; an endless loop or spin-wait? "
                + describe());
      }
      progress |= releaseWarps();
      progress |= releaseBarrier();
      if (allExited()) {
        return executed;
      }
      if (!progress) {
        throw new SimException("deadlock in block " + block + ": " + describe());
      }
    }
  }

  private boolean releaseWarps() {
    boolean released = false;
    for (int warpStart = 0; warpStart < blockSize; warpStart += SimThread.WARP_SIZE) {
      SimThread[] warp = new SimThread[SimThread.WARP_SIZE];
      for (int lane = 0; lane < SimThread.WARP_SIZE && warpStart + lane < blockSize; lane++) {
        warp[lane] = threads[warpStart + lane];
      }
      for (SimThread thread : warp) {
        if (thread != null && thread.state == SimThread.State.WAITING_WARP) {
          released |= releaseGroup(warp, thread);
        }
      }
    }
    return released;
  }

  /** Runs the collective that {@code waiting} waits at when all its member lanes have arrived. */
  private boolean releaseGroup(SimThread[] warp, SimThread waiting) {
    SimWarpCollective collective = (SimWarpCollective) waiting.waitingAt;
    int mask = collective.memberMask(waiting.registers());
    for (int lane = 0; lane < SimThread.WARP_SIZE; lane++) {
      if ((mask & (1 << lane)) == 0) {
        continue;
      }
      SimThread member = warp[lane];
      if (member == null) {
        throw collective.fail(
            "member mask 0x"
                + Integer.toHexString(mask)
                + " names lane "
                + lane
                + ", which block size "
                + blockSize
                + " does not have");
      }
      if (member.state == SimThread.State.EXITED) {
        throw collective.fail(
            member + " has exited but is in the member mask 0x" + Integer.toHexString(mask));
      }
      if (member.waitingAt != collective) {
        return false;
      }
      if (collective.memberMask(member.registers()) != mask) {
        throw collective.fail(
            "lanes " + waiting.lane + " and " + lane + " pass different member masks");
      }
    }
    collective.resolve(warp, mask);
    for (int lane = 0; lane < SimThread.WARP_SIZE; lane++) {
      if ((mask & (1 << lane)) != 0) {
        warp[lane].release();
      }
    }
    return true;
  }

  private boolean releaseBarrier() {
    boolean anyWaiting = false;
    for (SimThread thread : threads) {
      if (thread.state == SimThread.State.RUNNABLE
          || thread.state == SimThread.State.WAITING_WARP) {
        return false;
      }
      anyWaiting |= thread.state == SimThread.State.WAITING_BARRIER;
    }
    if (anyWaiting) {
      for (SimThread thread : threads) {
        if (thread.state == SimThread.State.WAITING_BARRIER) {
          thread.release();
        }
      }
    }
    return anyWaiting;
  }

  private boolean allExited() {
    for (SimThread thread : threads) {
      if (thread.state != SimThread.State.EXITED) {
        return false;
      }
    }
    return true;
  }

  /** Describes where the threads wait, grouped by state and instruction. */
  private String describe() {
    Map<String, Integer> groups = new LinkedHashMap<>();
    for (SimThread thread : threads) {
      String where;
      if (thread.waitingAt != null) {
        where = thread.state + " at " + thread.waitingAt;
      } else if (thread.state == SimThread.State.RUNNABLE) {
        SimFrame frame = thread.frame();
        where = "RUNNABLE in " + frame.function.name() + " at " + frame.function.code()[frame.pc];
      } else {
        where = thread.state.toString();
      }
      groups.merge(where, 1, Integer::sum);
    }
    StringBuilder text = new StringBuilder();
    groups.forEach(
        (where, count) -> text.append(count).append(" threads ").append(where).append("; "));
    return text.toString();
  }
}
