package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.ZoneMap;
import java.util.List;

/**
 * One chunk of a {@link Batch}: a vector per column, all with {@code rowCount} values, and the
 * chunk's zone maps when it comes straight from a table (null otherwise).
 */
public record BatchChunk(
    int rowCount, List<org.apache.arrow.vector.FieldVector> vectors, List<ZoneMap> zoneMaps) {
  public BatchChunk {
    vectors = List.copyOf(vectors);
    if (zoneMaps != null) {
      zoneMaps = List.copyOf(zoneMaps);
    }
  }
}
