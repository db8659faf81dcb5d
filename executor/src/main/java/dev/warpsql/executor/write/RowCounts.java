package dev.warpsql.executor.write;

import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.pipeline.BatchChunk;
import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.kernels.ir.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** The result of a statement that changes a table: one row with the number of rows it changed. */
final class RowCounts {
  /** Name of the result column, as Calcite names the row count of DML statements. */
  static final String COLUMN = "ROWCOUNT";

  private RowCounts() {}

  static Batch of(long count, BufferAllocator allocator) {
    BigIntVector vector = new BigIntVector(COLUMN, allocator);
    vector.allocateNew(1);
    vector.set(0, count);
    vector.setValueCount(1);
    List<FieldVector> vectors = List.of(vector);
    return new Batch(
        List.of(new BatchColumn(COLUMN, DataType.BIGINT, false, null)),
        List.of(new BatchChunk(1, vectors, null)),
        true);
  }
}
