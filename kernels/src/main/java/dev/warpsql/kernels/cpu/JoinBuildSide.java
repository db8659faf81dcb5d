package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.DataType;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * The rows of a hash join's build side: its key columns and the payload columns that probes read.
 * The CPU backend probes the {@link JoinHashTable} that {@link #table()} builds over them on first
 * use; a GPU builds a table of its own in device memory from the same columns, so a pipeline that
 * runs on a GPU never pays for the CPU table.
 *
 * <p>Memory: the key and payload vectors stay owned by the caller and must stay open until this
 * side is closed. Thread-safe: the first {@link #table()} call builds the table and concurrent
 * callers wait for it.
 */
public final class JoinBuildSide implements AutoCloseable {
  private final List<FieldVector> keyColumns;
  private final List<DataType> keyTypes;
  private final List<FieldVector> payload;
  private final int rowCount;
  private JoinHashTable table;
  private boolean closed;

  private JoinBuildSide(
      List<FieldVector> keyColumns, List<DataType> keyTypes, List<FieldVector> payload, int rows) {
    this.keyColumns = keyColumns;
    this.keyTypes = keyTypes;
    this.payload = payload;
    this.rowCount = rows;
  }

  /**
   * Returns the build side over {@code keyColumns}, each of the matching {@code keyTypes} in the
   * layout of {@code ArrowColumns}, and {@code payloadColumns}, without building a table yet.
   *
   * @throws IllegalArgumentException as {@link JoinHashTable#build} does for the same columns
   */
  public static JoinBuildSide of(
      List<FieldVector> keyColumns, List<DataType> keyTypes, List<FieldVector> payloadColumns) {
    List<FieldVector> keys = List.copyOf(Objects.requireNonNull(keyColumns, "keyColumns"));
    List<DataType> types = List.copyOf(Objects.requireNonNull(keyTypes, "keyTypes"));
    List<FieldVector> payload =
        List.copyOf(Objects.requireNonNull(payloadColumns, "payloadColumns"));
    int rows = JoinHashTable.checkColumns(keys, types, payload);
    return new JoinBuildSide(keys, types, payload, rows);
  }

  /** Returns the key vectors, in key order, owned by the caller. */
  public List<FieldVector> keyColumns() {
    return keyColumns;
  }

  /** Returns the types of the join keys, in key order. */
  public List<DataType> keyTypes() {
    return keyTypes;
  }

  /** Returns the payload vectors, owned by the caller. */
  public List<FieldVector> payload() {
    return payload;
  }

  /** Returns the number of build rows, those with a NULL key included. */
  public int rowCount() {
    return rowCount;
  }

  /**
   * Returns, per build row, its partition among {@code 2^bits}: the top {@code bits} bits of the
   * join hash of its keys, which device probes compute the same way, or -1 when a key is NULL.
   *
   * @throws IllegalArgumentException when {@code bits} is outside [0, 16]
   */
  public int[] partitions(int bits) {
    if (bits < 0 || bits > 16) {
      throw new IllegalArgumentException("partition bits must be in [0, 16], got " + bits);
    }
    int[] partitions = new int[rowCount];
    long[] keys = new long[keyTypes.size()];
    for (int row = 0; row < rowCount; row++) {
      if (!JoinHashTable.readKeys(keyColumns, keyTypes, row, keys)) {
        partitions[row] = -1;
      } else {
        int hash = JoinHashTable.hash(keys, 0, keys.length);
        partitions[row] = bits == 0 ? 0 : hash >>> (32 - bits);
      }
    }
    return partitions;
  }

  /**
   * Returns the CPU hash table over these rows, building it on the first call. Runs in time linear
   * in the row count, once.
   *
   * @throws IllegalStateException when this side is closed
   */
  public synchronized JoinHashTable table() {
    if (closed) {
      throw new IllegalStateException("the join build side is closed");
    }
    if (table == null) {
      table = JoinHashTable.build(keyColumns, keyTypes, payload);
    }
    return table;
  }

  /** Returns whether {@link #table()} has built the CPU table, for tests. */
  public synchronized boolean hasTable() {
    return table != null;
  }

  /** Returns whether {@link #close()} was called. A closed side must not be probed. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** Drops the CPU table, if built. The vectors stay open because they belong to the caller. */
  @Override
  public synchronized void close() {
    closed = true;
    if (table != null) {
      table.close();
      table = null;
    }
  }
}
