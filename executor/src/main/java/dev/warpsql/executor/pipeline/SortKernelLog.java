package dev.warpsql.executor.pipeline;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ptx.PtxSortKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ORDER BY key kernels that the sorts of this process used or, on the CPU, would have used on a
 * GPU, so that {@code warp kernels} can write them after running statements on the CPU.
 *
 * <p>A key kernel depends only on the key's type and direction, so the log contains at most two
 * entries per type kind, each with the sequence number of the last sort that used it. A caller
 * reads the sequence before its statements and then requests the kernels used since. Sorts that
 * other threads ran meanwhile may add kernels to that list, which only writes more valid kernels.
 */
public final class SortKernelLog {
  /** A key kernel: the type and direction of an ORDER BY key. */
  public record KeyKernel(DataType type, boolean descending) {
    /** Returns the kernel's shape text, as {@link PtxSortKeys#shape} names it. */
    public String shape() {
      return PtxSortKeys.shape(type, descending);
    }
  }

  private record Use(KeyKernel kernel, long sequence) {}

  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final Map<String, Use> LAST_USE = new ConcurrentHashMap<>();

  private SortKernelLog() {}

  /** Records one sort by {@code keys}, which must not be empty. */
  static void record(List<KeyKernel> keys) {
    long sequence = SEQUENCE.incrementAndGet();
    for (KeyKernel key : keys) {
      LAST_USE.put(key.shape(), new Use(key, sequence));
    }
  }

  /** Returns the sequence number of the last recorded sort, 0 before the first. */
  public static long sequence() {
    return SEQUENCE.get();
  }

  /** Returns the key kernels that sorts after sequence number {@code mark} used. */
  public static List<KeyKernel> usedSince(long mark) {
    List<KeyKernel> kernels = new ArrayList<>();
    for (Use use : LAST_USE.values()) {
      if (use.sequence() > mark) {
        kernels.add(use.kernel());
      }
    }
    return kernels;
  }
}
