package dev.warpsql.kernels.ptxsim;

import java.util.ArrayList;
import java.util.List;

/**
 * One simulated GPU thread: its call stack, the carry flag of extended-precision arithmetic, and
 * whether it runs, waits at a warp-synchronous instruction or barrier, or has exited.
 */
final class SimThread {
  static final int WARP_SIZE = 32;

  /** Scheduling states. */
  enum State {
    RUNNABLE,
    WAITING_WARP,
    WAITING_BARRIER,
    EXITED
  }

  final int threadInBlock;
  final int lane;
  final int blockSize;
  final int block;
  final int gridSize;
  final SimMemory global;
  final SimMemory shared;
  final SimMemory constants;
  final byte[] kernelParams;
  final SimBlockRun blockRun;
  private final List<SimFrame> frames = new ArrayList<>();
  State state = State.RUNNABLE;
  SimInstruction waitingAt;
  boolean carry;
  long executed;

  SimThread(
      SimBlockRun blockRun,
      int threadInBlock,
      SimFunction entry,
      byte[] kernelParams,
      SimMemory global,
      SimMemory shared,
      SimMemory constants) {
    this.blockRun = blockRun;
    this.threadInBlock = threadInBlock;
    this.lane = threadInBlock % WARP_SIZE;
    this.blockSize = blockRun.blockSize;
    this.block = blockRun.block;
    this.gridSize = blockRun.gridSize;
    this.global = global;
    this.shared = shared;
    this.constants = constants;
    this.kernelParams = kernelParams;
    SimFrame frame = new SimFrame(entry, this, null);
    System.arraycopy(kernelParams, 0, frame.params, 0, kernelParams.length);
    frames.add(frame);
  }

  SimFrame frame() {
    return frames.get(frames.size() - 1);
  }

  /** Makes {@code frame} the current frame; its pc is the callee's first instruction. */
  void push(SimFrame frame) {
    if (frames.size() > 64) {
      throw new SimException("call depth above 64 in thread " + this);
    }
    frames.add(frame);
  }

  /** Drops the current frame; returns false when it was the entry's, so the thread exits. */
  boolean pop() {
    frames.remove(frames.size() - 1);
    return !frames.isEmpty();
  }

  /**
   * Runs at most {@code budget} instructions, stopping early when the thread blocks or exits.
   * Returns the number of instructions run.
   */
  int run(int budget) {
    SimFrame frame = frame();
    SimInstruction[] code = frame.function.code();
    long[] r = frame.registers;
    int pc = frame.pc;
    int steps = 0;
    while (steps < budget) {
      if (pc >= code.length) {
        throw new SimException(
            "thread " + this + " ran past the end of " + frame.function.name() + " without ret");
      }
      SimInstruction instruction = code[pc];
      steps++;
      int guard = instruction.guard;
      if (guard >= 0 && (r[guard] != 0) == instruction.guardNegated) {
        pc++;
        continue;
      }
      frame.pc = pc;
      int next = instruction.execute(this, r, pc);
      if (next >= 0) {
        pc = next;
        continue;
      }
      if (next == SimInstruction.FRAME_CHANGED) {
        frame = frame();
        code = frame.function.code();
        r = frame.registers;
        pc = frame.pc;
        continue;
      }
      if (next == SimInstruction.BLOCKED) {
        state = instruction instanceof SimBarrier ? State.WAITING_BARRIER : State.WAITING_WARP;
        waitingAt = instruction;
      } else {
        state = State.EXITED;
      }
      executed += steps;
      return steps;
    }
    frame.pc = pc;
    executed += steps;
    return steps;
  }

  /** Resumes a thread after the collective it waited at, at the next instruction. */
  void release() {
    frame().pc++;
    state = State.RUNNABLE;
    waitingAt = null;
  }

  long[] registers() {
    return frame().registers;
  }

  @Override
  public String toString() {
    return "block " + block + " thread " + threadInBlock;
  }
}
