package dev.warpsql.executor.write;

import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Decides whether an append may add the chunks that a file load built for it to the new table
 * version as they are, instead of copying every value through a table builder.
 *
 * <p>It may when the load built the chunks for exactly the target's columns, in table order, with
 * the same names, types and nullability: then the load's builder has already checked every value
 * against the same rules. VARCHAR columns must use the target's own dictionaries, so that the codes
 * mean the same strings, and every vector must come from the target's allocator, which outlives the
 * statement.
 */
final class LoadedChunks {
  private LoadedChunks() {}

  /** Returns the batch's chunks when the append may keep them, or null. */
  static List<Chunk> adoptable(Batch batch, int[] fields, Table base, BufferAllocator allocator) {
    List<Chunk> chunks = batch.loadedChunks();
    if (chunks == null || !sameColumns(batch.columns(), fields, base)) {
      return null;
    }
    for (Chunk chunk : chunks) {
      for (FieldVector vector : chunk.vectors()) {
        if (vector.getAllocator() != allocator) {
          return null;
        }
      }
    }
    return chunks;
  }

  private static boolean sameColumns(List<BatchColumn> columns, int[] fields, Table base) {
    if (columns.size() != base.schema().size() || fields.length != columns.size()) {
      return false;
    }
    for (int i = 0; i < fields.length; i++) {
      BatchColumn source = columns.get(i);
      ColumnSchema column = base.schema().column(i);
      boolean same =
          fields[i] == i
              && source.name().equals(column.name())
              && source.type().equals(column.type())
              && source.nullable() == column.nullable()
              && source.dictionary() == base.dictionary(i);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** Returns a batch of the given chunk alone, which the caller copies row by row. */
  static Batch single(Batch batch, int chunk) {
    Objects.checkIndex(chunk, batch.chunks().size());
    return new Batch(batch.columns(), List.of(batch.chunks().get(chunk)), false);
  }
}
