package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.sort.Sorter;
import dev.warpsql.kernels.cpu.JoinBuildSide;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A hash join's build side split into {@code 2^bits} partitions by the top bits of its keys' join
 * hash, for a device whose memory does not hold the whole table. Each partition is a build side of
 * its own, with copies of its rows. Rows with a NULL key are left out, because they match nothing
 * and a probe's output never includes unmatched build rows.
 *
 * <p>Memory: the copies belong to this object and {@link #close()} frees them.
 */
final class BuildPartitions implements AutoCloseable {
  private final List<JoinBuildSide> sides = new ArrayList<>();
  private final List<FieldVector> vectors = new ArrayList<>();

  private BuildPartitions() {}

  /** Splits {@code side} into {@code 2^bits} partitions allocated from {@code allocator}. */
  static BuildPartitions split(JoinBuildSide side, int bits, BufferAllocator allocator) {
    int[] partitions = side.partitions(bits);
    int count = 1 << bits;
    int[] sizes = new int[count];
    for (int partition : partitions) {
      if (partition >= 0) {
        sizes[partition]++;
      }
    }
    int[][] rows = new int[count][];
    for (int partition = 0; partition < count; partition++) {
      rows[partition] = new int[sizes[partition]];
    }
    int[] filled = new int[count];
    for (int row = 0; row < partitions.length; row++) {
      int partition = partitions[row];
      if (partition >= 0) {
        rows[partition][filled[partition]++] = row;
      }
    }

    BuildPartitions split = new BuildPartitions();
    try {
      for (int partition = 0; partition < count; partition++) {
        split.add(side, rows[partition], allocator);
      }
    } catch (RuntimeException e) {
      split.close();
      throw e;
    }
    return split;
  }

  /** Adds the partition of {@code rows}: its payload, and its keys where they are not payload. */
  private void add(JoinBuildSide side, int[] rows, BufferAllocator allocator) {
    List<FieldVector> payload = Sorter.gather(side.payload(), rows, allocator);
    vectors.addAll(payload);
    List<FieldVector> keys = new ArrayList<>();
    for (FieldVector key : side.keyColumns()) {
      int index = indexOf(side.payload(), key);
      if (index >= 0) {
        keys.add(payload.get(index));
      } else {
        FieldVector copy = Sorter.gather(List.of(key), rows, allocator).get(0);
        vectors.add(copy);
        keys.add(copy);
      }
    }
    sides.add(JoinBuildSide.of(keys, side.keyTypes(), payload));
  }

  private static int indexOf(List<FieldVector> vectors, FieldVector vector) {
    for (int i = 0; i < vectors.size(); i++) {
      if (vectors.get(i) == vector) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the build side of each partition, in partition order. */
  List<JoinBuildSide> sides() {
    return sides;
  }

  @Override
  public void close() {
    sides.forEach(JoinBuildSide::close);
    vectors.forEach(FieldVector::close);
    sides.clear();
    vectors.clear();
  }
}
