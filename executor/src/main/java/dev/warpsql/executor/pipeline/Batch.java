package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.cuda.DeviceCopies;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Columnar result of an execution step: columns described by {@link BatchColumn}s, values in chunks
 * of Arrow vectors.
 *
 * <p>A batch either owns its vectors, and frees them on {@link #close()}, or borrows them from a
 * table, whose chunks it must not free; {@link #ofTable} makes a borrowing batch. Batches are
 * read-only once built, so several threads may read one at the same time.
 *
 * <p>A batch that a device pipeline produced may also carry device copies of its vectors ({@link
 * #deviceCopies()}), which it frees on close with the vectors.
 */
public final class Batch implements AutoCloseable {
  private final List<BatchColumn> columns;
  private final List<BatchChunk> chunks;
  private final boolean ownsVectors;
  private final List<Chunk> loadedChunks;
  private final DeviceCopies deviceCopies;

  public Batch(List<BatchColumn> columns, List<BatchChunk> chunks, boolean ownsVectors) {
    this(columns, chunks, ownsVectors, null, null);
  }

  private Batch(
      List<BatchColumn> columns,
      List<BatchChunk> chunks,
      boolean ownsVectors,
      List<Chunk> loadedChunks,
      DeviceCopies deviceCopies) {
    this.deviceCopies = deviceCopies;
    this.loadedChunks = loadedChunks == null ? null : List.copyOf(loadedChunks);
    this.columns = List.copyOf(columns);
    this.chunks = List.copyOf(chunks);
    this.ownsVectors = ownsVectors;
    for (BatchChunk chunk : this.chunks) {
      if (chunk.vectors().size() != this.columns.size()) {
        throw new IllegalArgumentException(
            "chunk has "
                + chunk.vectors().size()
                + " vectors for "
                + this.columns.size()
                + " columns");
      }
    }
  }

  /**
   * Returns a batch that owns its vectors and {@code deviceCopies}, device copies of some of them.
   */
  public static Batch withDeviceCopies(
      List<BatchColumn> columns, List<BatchChunk> chunks, DeviceCopies deviceCopies) {
    return new Batch(columns, chunks, true, null, deviceCopies);
  }

  /** Returns a batch that reads a table's chunks in place, without copying or owning them. */
  public static Batch ofTable(Table table) {
    return ofTable(table, false);
  }

  /**
   * Returns a batch that reads the chunks of a table that this execution loaded from a file and
   * that no catalog table holds, so that an INSERT may add them to its target without a copy.
   */
  public static Batch ofLoadedTable(Table table) {
    return ofTable(table, true);
  }

  private static Batch ofTable(Table table, boolean loaded) {
    TableSchema schema = table.schema();
    List<BatchColumn> columns = new ArrayList<>();
    for (int i = 0; i < schema.columns().size(); i++) {
      var column = schema.columns().get(i);
      columns.add(
          new BatchColumn(column.name(), column.type(), column.nullable(), table.dictionary(i)));
    }
    List<BatchChunk> chunks = new ArrayList<>();
    for (Chunk chunk : table.chunks()) {
      List<dev.warpsql.executor.storage.ZoneMap> zoneMaps = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        zoneMaps.add(chunk.zoneMap(i));
      }
      chunks.add(new BatchChunk(chunk.rowCount(), chunk.vectors(), zoneMaps));
    }
    return new Batch(columns, chunks, false, loaded ? table.chunks() : null, null);
  }

  public List<BatchColumn> columns() {
    return columns;
  }

  public List<BatchChunk> chunks() {
    return chunks;
  }

  /**
   * Returns whether this batch owns its vectors. A batch that does not borrows the sealed chunks of
   * a table, which stay unchanged while the batch is open.
   */
  public boolean ownsVectors() {
    return ownsVectors;
  }

  /**
   * Returns the chunks of the loaded table that this batch reads, in the order of {@link
   * #chunks()}, or null unless {@link #ofLoadedTable} made the batch. A caller that keeps a chunk
   * retains it.
   */
  public List<Chunk> loadedChunks() {
    return loadedChunks;
  }

  /** Returns the device copies of this batch's vectors, or null when it has none. */
  public DeviceCopies deviceCopies() {
    return deviceCopies;
  }

  /** Returns the total row count over all chunks. */
  public long rowCount() {
    long rows = 0;
    for (BatchChunk chunk : chunks) {
      rows += chunk.rowCount();
    }
    return rows;
  }

  /**
   * Frees the vectors and their device copies when this batch owns them; a borrowing batch frees
   * nothing.
   */
  @Override
  public void close() {
    if (deviceCopies != null) {
      deviceCopies.close();
    }
    if (!ownsVectors) {
      return;
    }
    for (BatchChunk chunk : chunks) {
      for (FieldVector vector : chunk.vectors()) {
        vector.close();
      }
    }
  }
}
