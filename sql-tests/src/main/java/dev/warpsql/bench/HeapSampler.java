package dev.warpsql.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A daemon thread that samples the JVM's used heap ({@link MemoryMXBean#getHeapMemoryUsage()})
 * every {@link #INTERVAL_MILLIS} ms and keeps the maximum. A peak shorter than the interval can be
 * missed, so the maximum is a lower bound of the true peak.
 */
final class HeapSampler implements AutoCloseable {
  static final long INTERVAL_MILLIS = 10;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong maxUsedBytes = new AtomicLong();
  private final Thread thread;

  HeapSampler() {
    thread = new Thread(this::sampleUntilInterrupted, "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Returns the heap in use now, in bytes. */
  long usedBytes() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Returns the largest used heap sampled since the start or the last reset, in bytes. */
  long maxUsedBytes() {
    return Math.max(maxUsedBytes.get(), usedBytes());
  }

  /** Starts a new maximum from the heap in use now. */
  void reset() {
    maxUsedBytes.set(usedBytes());
  }

  private void sampleUntilInterrupted() {
    while (!Thread.currentThread().isInterrupted()) {
      maxUsedBytes.accumulateAndGet(usedBytes(), Math::max);
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
