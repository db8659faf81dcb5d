package dev.warpsql.planner.exec;

import dev.warpsql.executor.pipeline.MorselScheduler;
import dev.warpsql.kernels.cpu.CpuBackend;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Process-wide execution resources shared by every database and connection: the compiled-kernel
 * cache, the worker threads, and the allocator for query results.
 *
 * <p>Sharing the kernel cache across connections means a query shape compiles once per process.
 * Worker threads are daemons, so they never keep a JVM alive.
 */
public final class WarpRuntime {
  /** Compiled kernels kept per process; an estimate of the distinct query shapes worth keeping. */
  private static final int KERNEL_CACHE_CAPACITY = 1024;

  private static final CpuBackend CPU_BACKEND = new CpuBackend(KERNEL_CACHE_CAPACITY);
  private static final MorselScheduler SCHEDULER =
      new MorselScheduler(Runtime.getRuntime().availableProcessors());
  private static final BufferAllocator RESULT_ALLOCATOR = new RootAllocator();

  private WarpRuntime() {}

  public static CpuBackend cpuBackend() {
    return CPU_BACKEND;
  }

  public static MorselScheduler scheduler() {
    return SCHEDULER;
  }

  /** Returns the allocator under which each execution creates its own child allocator. */
  public static BufferAllocator resultAllocator() {
    return RESULT_ALLOCATOR;
  }
}
