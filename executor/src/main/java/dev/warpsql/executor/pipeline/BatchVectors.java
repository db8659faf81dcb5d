package dev.warpsql.executor.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
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
    int total = Math.toIntExact(batch.rowCount());
    List<FieldVector> result = new ArrayList<>();
    try {
      for (int column = 0; column < batch.columns().size(); column++) {
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
          for (int row = 0; row < chunk.rowCount(); row++) {
            target.copyFromSafe(row, next++, source);
          }
        }
        if (target != null) {
          target.setValueCount(next);
        }
      }
    } catch (RuntimeException e) {
      result.forEach(FieldVector::close);
      throw e;
    }
    return result;
  }
}
