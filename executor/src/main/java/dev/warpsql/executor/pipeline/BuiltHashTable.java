package dev.warpsql.executor.pipeline;

import dev.warpsql.kernels.cpu.JoinHashTable;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A built hash table with the build rows it indexes; closing it frees both.
 *
 * @param columns the build rows' columns, whose dictionaries decode VARCHAR payload
 */
public record BuiltHashTable(
    JoinHashTable table, List<FieldVector> payload, List<BatchColumn> columns)
    implements AutoCloseable {
  @Override
  public void close() {
    table.close();
    payload.forEach(FieldVector::close);
  }
}
