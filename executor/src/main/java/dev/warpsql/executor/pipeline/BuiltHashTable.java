package dev.warpsql.executor.pipeline;

import dev.warpsql.kernels.cpu.JoinBuildSide;
import dev.warpsql.kernels.cuda.DeviceCopies;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The build rows of a hash join with their keys, whose hash table is built on first use. Closing it
 * frees the rows, their device copies and any table built over them.
 *
 * @param columns the build rows' columns, whose dictionaries decode VARCHAR payload
 * @param deviceCopies device copies of payload vectors, which a device hash build reads in place,
 *     or null
 */
public record BuiltHashTable(
    JoinBuildSide side,
    List<FieldVector> payload,
    List<BatchColumn> columns,
    DeviceCopies deviceCopies)
    implements AutoCloseable {
  @Override
  public void close() {
    if (deviceCopies != null) {
      deviceCopies.close();
    }
    side.close();
    payload.forEach(FieldVector::close);
  }
}
