package dev.warpsql.executor.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies the chunks of a batch into one vector per column, for operators that need rows by index.
 */
final class BatchVectors {
  private BatchVectors() {}

  /**
   * Returns one vector per column holding every row of the batch in chunk order, owned by the
   * caller; an empty list when the batch has no chunks.
   */
  static List<FieldVector> concatenate(Batch batch, BufferAllocator allocator) {
    return concatenate(batch, allocator, column -> true);
  }

  /**
   * Returns one vector per column as {@link #concatenate(Batch, BufferAllocator)} does, but only
   * for the columns that {@code selected} accepts: the others are null.
   */
  static List<FieldVector> concatenate(
      Batch batch, BufferAllocator allocator, IntPredicate selected) {
    int total = Math.toIntExact(batch.rowCount());
    List<FieldVector> result = new ArrayList<>();
    try {
      for (int column = 0; column < batch.columns().size(); column++) {
        if (!selected.test(column)) {
          if (!batch.chunks().isEmpty()) {
            result.add(null);
          }
          continue;
        }
        FieldVector target = null;
        int next = 0;
        for (BatchChunk chunk : batch.chunks()) {
          FieldVector source = chunk.vectors().get(column);
          if (target == null) {
            target = source.getField().createVector(allocator);
            result.add(target);
            target.setInitialCapacity(total);
            target.allocateNew();
          }
          int rows = chunk.rowCount();
          if (target instanceof BaseFixedWidthVector fixed
              && !(target instanceof BitVector)
              && source instanceof BaseFixedWidthVector fixedSource) {
            copyFixedWidth(fixedSource, fixed, next, rows);
          } else {
            for (int row = 0; row < rows; row++) {
              target.copyFromSafe(row, next + row, source);
            }
          }
          next += rows;
        }
        if (target != null) {
          target.setValueCount(next);
        }
      }
    } catch (RuntimeException e) {
      closeAll(result);
      throw e;
    }
    return result;
  }

  /**
   * Returns one vector per column with the batch's rows at {@code rows}, indexes into the batch in
   * chunk order, read from the chunks' own vectors. The caller owns the vectors.
   */
  static List<FieldVector> gather(Batch batch, int[] rows, BufferAllocator allocator) {
    List<BatchChunk> chunks = batch.chunks();
    long[] starts = new long[chunks.size()];
    long start = 0;
    for (int c = 0; c < chunks.size(); c++) {
      starts[c] = start;
      start += chunks.get(c).rowCount();
    }
    int[] chunkOfRow = new int[rows.length];
    int[] rowInChunk = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int found = Arrays.binarySearch(starts, rows[i]);
      int chunk = found >= 0 ? found : -found - 2;
      while (chunks.get(chunk).rowCount() == 0
          || rows[i] - starts[chunk] >= chunks.get(chunk).rowCount()) {
        chunk++;
      }
      chunkOfRow[i] = chunk;
      rowInChunk[i] = (int) (rows[i] - starts[chunk]);
    }

    List<FieldVector> result = new ArrayList<>();
    try {
      for (int column = 0; column < batch.columns().size(); column++) {
        FieldVector target = chunks.get(0).vectors().get(column).getField().createVector(allocator);
        result.add(target);
        target.setInitialCapacity(rows.length);
        target.allocateNew();
        FieldVector[] sources = new FieldVector[chunks.size()];
        for (int c = 0; c < sources.length; c++) {
          sources[c] = chunks.get(c).vectors().get(column);
        }
        for (int i = 0; i < rows.length; i++) {
          target.copyFromSafe(rowInChunk[i], i, sources[chunkOfRow[i]]);
        }
        target.setValueCount(rows.length);
      }
    } catch (RuntimeException e) {
      closeAll(result);
      throw e;
    }
    return result;
  }

  /** Closes the vectors of a list that may contain nulls for columns left out. */
  static void closeAll(List<FieldVector> vectors) {
    for (FieldVector vector : vectors) {
      if (vector != null) {
        vector.close();
      }
    }
  }

  /**
   * Copies the first {@code rows} values of a fixed-width vector to {@code target} from row {@code
   * at} on, with one bulk copy of the values and, when {@code at} starts a validity byte, of the
   * validity bits. The target must have room for them.
   */
  private static void copyFixedWidth(
      BaseFixedWidthVector source, BaseFixedWidthVector target, int at, int rows) {
    long width = target.getTypeWidth();
    target.getDataBuffer().setBytes(at * width, source.getDataBuffer(), 0, rows * width);

    ArrowBuf targetValidity = target.getValidityBuffer();
    ArrowBuf sourceValidity = source.getValidityBuffer();
    if (at % 8 == 0) {
      // Bits past the last row may come along. The next chunk then starts inside a byte, so it
      // writes its own bits over them one by one.
      targetValidity.setBytes(at / 8, sourceValidity, 0, (rows + 7) / 8);
      return;
    }
    for (int row = 0; row < rows; row++) {
      BitVectorHelper.setValidityBit(
          targetValidity, at + row, BitVectorHelper.get(sourceValidity, row));
    }
  }
}
