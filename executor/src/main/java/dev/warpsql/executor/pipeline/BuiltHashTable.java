package dev.warpsql.executor.pipeline;

import dev.warpsql.kernels.cpu.JoinBuildSide;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The build rows of a hash join with their keys, whose hash table is built on first use. Closing it
 * frees the rows and any table built over them.
 *
 * @param columns the build rows' columns, whose dictionaries decode VARCHAR payload
 */
public record BuiltHashTable(
    JoinBuildSide side, List<FieldVector> payload, List<BatchColumn> columns)
    implements AutoCloseable {
  @Override
  public void close() {
    side.close();
    payload.forEach(FieldVector::close);
  }
}
