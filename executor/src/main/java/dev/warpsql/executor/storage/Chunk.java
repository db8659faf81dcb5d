package dev.warpsql.executor.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;

/**
 * Horizontal slice of a table: one Arrow vector per column, all with the same value count, and a
 * {@link ZoneMap} per column.
 *
 * <p>A chunk owns its vectors and frees them on {@link #close}. A sealed chunk is not modified, so
 * any number of threads may read it at once.
 */
public final class Chunk implements AutoCloseable {
  private final List<FieldVector> vectors;
  private final List<ZoneMap> zoneMaps;
  private final int rowCount;

  /**
   * Creates a chunk that takes ownership of the vectors. Every vector must have the same value
   * count, and there must be one zone map per vector.
   */
  public Chunk(List<FieldVector> vectors, List<ZoneMap> zoneMaps) {
    this.vectors = List.copyOf(Objects.requireNonNull(vectors, "vectors"));
    this.zoneMaps = List.copyOf(Objects.requireNonNull(zoneMaps, "zoneMaps"));
    if (this.vectors.isEmpty()) {
      throw new IllegalArgumentException("a chunk needs at least one vector");
    }
    if (this.vectors.size() != this.zoneMaps.size()) {
      throw new IllegalArgumentException(
          this.vectors.size() + " vectors but " + this.zoneMaps.size() + " zone maps");
    }
    this.rowCount = this.vectors.get(0).getValueCount();
    for (FieldVector vector : this.vectors) {
      if (vector.getValueCount() != rowCount) {
        throw new IllegalArgumentException(
            "vector "
                + vector.getName()
                + " has "
                + vector.getValueCount()
                + " values, expected "
                + rowCount);
      }
    }
  }

  /** Creates a chunk that takes ownership of the vectors and computes their zone maps. */
  public static Chunk of(List<FieldVector> vectors) {
    List<ZoneMap> zoneMaps = new ArrayList<>(vectors.size());
    for (FieldVector vector : vectors) {
      zoneMaps.add(ZoneMap.compute(vector));
    }
    return new Chunk(vectors, zoneMaps);
  }

  public int rowCount() {
    return rowCount;
  }

  /** Returns the vector of a column. The chunk keeps ownership. */
  public FieldVector vector(int column) {
    return vectors.get(column);
  }

  public ZoneMap zoneMap(int column) {
    return zoneMaps.get(column);
  }

  /** Returns all vectors in column order, as an unmodifiable list owned by the chunk. */
  public List<FieldVector> vectors() {
    return vectors;
  }

  /** Frees the vectors. */
  @Override
  public void close() {
    try {
      AutoCloseables.close(vectors);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("failed to free chunk vectors", e);
    }
  }
}
