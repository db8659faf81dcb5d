package dev.warpsql.executor.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;

/**
 * Horizontal slice of a table: one Arrow vector per column, all with the same value count, and a
 * {@link ZoneMap} per column.
 *
 * <p>A chunk owns its vectors. It is reference counted, because successive versions of a table
 * share the chunks that a change did not touch: the creator holds the first reference, {@link
 * #retain} adds one, and {@link #close} releases one and frees the vectors with the last. A sealed
 * chunk is not modified, so any number of threads may read it at once.
 */
public final class Chunk implements AutoCloseable {
  private final List<FieldVector> vectors;
  private final List<ZoneMap> zoneMaps;
  private final int rowCount;
  private final AtomicInteger references = new AtomicInteger(1);

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

  /** Adds a reference, which the caller releases with {@link #close}, and returns this chunk. */
  public Chunk retain() {
    int previous = references.getAndIncrement();
    if (previous <= 0) {
      references.getAndDecrement();
      throw new IllegalStateException("chunk was already freed");
    }
    return this;
  }

  /** Releases one reference and frees the vectors when it was the last. */
  @Override
  public void close() {
    int remaining = references.decrementAndGet();
    if (remaining > 0) {
      return;
    }
    if (remaining < 0) {
      throw new IllegalStateException("chunk was closed more often than retained");
    }
    try {
      AutoCloseables.close(vectors);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("failed to free chunk vectors", e);
    }
  }
}
