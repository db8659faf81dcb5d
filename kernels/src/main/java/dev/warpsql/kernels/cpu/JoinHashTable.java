package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Build side of a hash join: the build rows indexed by their join keys, probed by the {@code
 * ProbeStage}s of kernels.
 *
 * <p>Keys are normalized to {@code long}s as {@link AggregationTable} encodes group keys, and two
 * keys are equal when their encodings are. So REAL and DOUBLE keys compare -0.0 equal to 0.0 and
 * NaN equal to NaN, as PostgreSQL compares float4 and float8 values. A build row with a NULL key is
 * not inserted, because SQL equality never matches NULL.
 *
 * <p>Layout: an open-addressing slot array maps each distinct key to its entry, and each entry
 * stores its keys, its hash and the first build row with those keys. {@code next[row]} chains the
 * build rows of equal keys in ascending row order, so a probe walks every duplicate with {@link
 * #find} then {@link #next} and allocates nothing. Build rows are numbered by their position in the
 * key and payload vectors, so a kernel reads a matched row's payload at that position.
 *
 * <p>Memory: the key and payload vectors stay owned by the caller and must stay open until the
 * table is closed. The table's own memory is heap arrays, which {@link #close()} drops: 4 bytes per
 * build row for the chains, {@code 8 * keys + 8} bytes per distinct key, and 4 bytes per slot with
 * 2 to 4 slots per build row. While building, the per-key arrays are sized for every build row.
 *
 * <p>The table is read-only after {@link #build}, so any number of kernel threads may probe it at
 * once after it reached them through a happens-before edge, such as submitting the probing tasks to
 * an executor.
 */
public final class JoinHashTable implements AutoCloseable {
  private static final int EMPTY = -1;
  private static final int MAX_SLOTS = 1 << 30;

  private final List<DataType> keyTypes;
  private final List<FieldVector> payload;
  private final int keyCount;
  private final int rowCount;
  private long[] entryKeys;
  private int[] entryHashes;
  private int[] entryFirstRows;
  private int[] next;
  private int[] slots;
  private int slotMask;
  private boolean closed;

  private JoinHashTable(
      List<DataType> keyTypes,
      List<FieldVector> payload,
      int rowCount,
      long[] entryKeys,
      int[] entryHashes,
      int[] entryFirstRows,
      int[] next,
      int[] slots) {
    this.keyTypes = keyTypes;
    this.payload = payload;
    this.keyCount = keyTypes.size();
    this.rowCount = rowCount;
    this.entryKeys = entryKeys;
    this.entryHashes = entryHashes;
    this.entryFirstRows = entryFirstRows;
    this.next = next;
    this.slots = slots;
    this.slotMask = slots.length - 1;
  }

  /**
   * Builds the table over the rows of {@code keyColumns}, each of the matching {@code keyTypes} in
   * the layout of {@link ArrowColumns}. {@code payloadColumns} are the columns that kernels read
   * from matched build rows; all vectors must have the same value count.
   *
   * <p>Runs in time linear in the row count.
   *
   * @throws IllegalArgumentException when there are no keys, when a key vector does not have the
   *     layout of its type, or when the value counts differ
   */
  // NOTE: the build runs on the calling thread, so a large build side is not split across cores.
  public static JoinHashTable build(
      List<FieldVector> keyColumns, List<DataType> keyTypes, List<FieldVector> payloadColumns) {
    List<FieldVector> keys = List.copyOf(Objects.requireNonNull(keyColumns, "keyColumns"));
    List<DataType> types = List.copyOf(Objects.requireNonNull(keyTypes, "keyTypes"));
    List<FieldVector> payload =
        List.copyOf(Objects.requireNonNull(payloadColumns, "payloadColumns"));
    int rows = checkColumns(keys, types, payload);
    return new Builder(keys, types, rows).build(payload);
  }

  /** Returns the number of build rows inserted, which excludes rows with a NULL key. */
  public int rowCount() {
    return rowCount;
  }

  /** Returns the types of the join keys, in key order. */
  public List<DataType> keyTypes() {
    return keyTypes;
  }

  /** Returns the payload vectors that the table was built with, owned by the caller. */
  public List<FieldVector> payload() {
    return payload;
  }

  /**
   * Returns the first build row whose single key equals {@code key}, or -1 when none does. The
   * table must have one key, and {@code key} must be normalized as {@link AggregationTable} encodes
   * group keys.
   */
  public int find(long key) {
    int hash = KeyHash.finish(KeyHash.mix(0L, key));
    int slot = hash & slotMask;
    while (true) {
      int entry = slots[slot];
      if (entry == EMPTY) {
        return EMPTY;
      }
      if (entryHashes[entry] == hash && entryKeys[entry] == key) {
        return entryFirstRows[entry];
      }
      slot = (slot + 1) & slotMask;
    }
  }

  /**
   * Returns the first build row whose keys equal {@code keys}, or -1 when none does. {@code keys}
   * contains one normalized key per key column. The array is only read.
   */
  public int find(long[] keys) {
    int hash = hash(keys, 0, keyCount);
    int slot = hash & slotMask;
    while (true) {
      int entry = slots[slot];
      if (entry == EMPTY) {
        return EMPTY;
      }
      if (entryHashes[entry] == hash && keysEqual(entry, keys)) {
        return entryFirstRows[entry];
      }
      slot = (slot + 1) & slotMask;
    }
  }

  /** Returns the next build row after {@code buildRow} with the same keys, or -1 after the last. */
  public int next(int buildRow) {
    return next[buildRow];
  }

  /**
   * The table in the layout that the CUDA backend's probe kernels read (see the {@code ptx} package
   * documentation): per slot the first build row of its keys or -1, the slot's keys at {@code slot
   * * keyCount + k}, and its hash; per build row the next row with the same keys or -1.
   */
  public record SlotLayout(
      int slotMask, int[] slotRows, long[] slotKeys, int[] slotHashes, int[] next) {}

  /**
   * Returns this table's slots with each slot's entry written inline, in new arrays. The slot
   * count, hash and chains are the table's own, so a device probe finds what {@link #find} finds.
   */
  public SlotLayout slotLayout() {
    if (closed) {
      throw new IllegalStateException("the join hash table is closed");
    }
    int slotCount = slots.length;
    int[] slotRows = new int[slotCount];
    long[] slotKeys = new long[slotCount * keyCount];
    int[] slotHashes = new int[slotCount];
    for (int slot = 0; slot < slotCount; slot++) {
      int entry = slots[slot];
      if (entry == EMPTY) {
        slotRows[slot] = EMPTY;
        continue;
      }
      slotRows[slot] = entryFirstRows[entry];
      System.arraycopy(entryKeys, entry * keyCount, slotKeys, slot * keyCount, keyCount);
      slotHashes[slot] = entryHashes[entry];
    }
    return new SlotLayout(slotMask, slotRows, slotKeys, slotHashes, next.clone());
  }

  /** Returns whether {@link #close()} was called. A closed table must not be probed. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Drops the table's arrays. The key and payload vectors stay open because they belong to the
   * caller.
   */
  @Override
  public void close() {
    closed = true;
    entryKeys = null;
    entryHashes = null;
    entryFirstRows = null;
    next = null;
    slots = null;
  }

  private boolean keysEqual(int entry, long[] keys) {
    int offset = entry * keyCount;
    for (int k = 0; k < keyCount; k++) {
      if (entryKeys[offset + k] != keys[k]) {
        return false;
      }
    }
    return true;
  }

  private static int hash(long[] keys, int offset, int count) {
    long hash = 0L;
    for (int k = 0; k < count; k++) {
      hash = KeyHash.mix(hash, keys[offset + k]);
    }
    return KeyHash.finish(hash);
  }

  /** Checks the build arguments and returns the common value count. */
  private static int checkColumns(
      List<FieldVector> keys, List<DataType> types, List<FieldVector> payload) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a join hash table needs at least one key column");
    }
    if (keys.size() != types.size()) {
      throw new IllegalArgumentException(
          keys.size() + " key columns but " + types.size() + " key types");
    }
    int rows = keys.get(0).getValueCount();
    for (int k = 0; k < keys.size(); k++) {
      FieldVector vector = keys.get(k);
      DataType type = types.get(k);
      if (!vector.getField().getType().equals(ArrowColumns.arrowType(type))) {
        throw new IllegalArgumentException(
            "key column "
                + k
                + " must be a "
                + ArrowColumns.arrowType(type)
                + " vector for "
                + type
                + ", got "
                + vector.getField().getType());
      }
      checkValueCount("key column " + k, vector, rows);
    }
    for (int c = 0; c < payload.size(); c++) {
      checkValueCount("payload column " + c, payload.get(c), rows);
    }
    if (rows > MAX_SLOTS / 2) {
      throw new IllegalArgumentException(
          "a join hash table supports at most "
              + MAX_SLOTS / 2
              + " build rows, got "
              + rows
              + "; partition the build side");
    }
    return rows;
  }

  private static void checkValueCount(String columnName, FieldVector vector, int rows) {
    if (vector.getValueCount() != rows) {
      throw new IllegalArgumentException(
          columnName + " has " + vector.getValueCount() + " rows, key column 0 has " + rows);
    }
  }

  /** Inserts the build rows in one pass into arrays sized for the row count. */
  private static final class Builder {
    private final List<FieldVector> keys;
    private final List<DataType> types;
    private final int rows;
    private final int keyCount;
    private final long[] rowKeys;
    private final int[] slots;
    private final int slotMask;
    private long[] entryKeys;
    private final int[] entryHashes;
    private final int[] entryFirstRows;
    private final int[] next;
    private int entryCount;
    private int inserted;

    Builder(List<FieldVector> keys, List<DataType> types, int rows) {
      this.keys = keys;
      this.types = types;
      this.rows = rows;
      this.keyCount = keys.size();
      this.rowKeys = new long[keyCount];
      // At most half of the slots are used, so a probe that misses stops at an empty slot soon.
      long slotCount = Math.max(2L, Long.highestOneBit(Math.max(1, rows)) * 4L);
      this.slots = new int[(int) Math.min(slotCount, MAX_SLOTS)];
      Arrays.fill(slots, EMPTY);
      this.slotMask = slots.length - 1;
      this.entryKeys = new long[Math.multiplyExact(rows, keyCount)];
      this.entryHashes = new int[rows];
      this.entryFirstRows = new int[rows];
      this.next = new int[rows];
    }

    JoinHashTable build(List<FieldVector> payload) {
      // Inserting from the last row to the first and prepending to each chain leaves every chain
      // in ascending row order.
      for (int row = rows - 1; row >= 0; row--) {
        if (readKeys(row)) {
          insert(row);
        }
      }
      int entries = entryCount;
      entryKeys = Arrays.copyOf(entryKeys, entries * keyCount);
      return new JoinHashTable(
          types,
          payload,
          inserted,
          entryKeys,
          Arrays.copyOf(entryHashes, entries),
          Arrays.copyOf(entryFirstRows, entries),
          next,
          slots);
    }

    /**
     * Reads the normalized keys of {@code row} into {@code rowKeys}. Returns false when one is
     * NULL.
     */
    private boolean readKeys(int row) {
      for (int k = 0; k < keyCount; k++) {
        FieldVector vector = keys.get(k);
        if (vector.isNull(row)) {
          return false;
        }
        rowKeys[k] = normalizedKey(vector.getDataBuffer(), types.get(k), row);
      }
      return true;
    }

    private void insert(int row) {
      inserted++;
      int hash = hash(rowKeys, 0, keyCount);
      int slot = hash & slotMask;
      while (true) {
        int entry = slots[slot];
        if (entry == EMPTY) {
          addEntry(slot, hash, row);
          return;
        }
        if (entryHashes[entry] == hash && sameKeys(entry)) {
          next[row] = entryFirstRows[entry];
          entryFirstRows[entry] = row;
          return;
        }
        slot = (slot + 1) & slotMask;
      }
    }

    private void addEntry(int slot, int hash, int row) {
      int entry = entryCount++;
      System.arraycopy(rowKeys, 0, entryKeys, entry * keyCount, keyCount);
      entryHashes[entry] = hash;
      entryFirstRows[entry] = row;
      next[row] = EMPTY;
      slots[slot] = entry;
    }

    private boolean sameKeys(int entry) {
      int offset = entry * keyCount;
      for (int k = 0; k < keyCount; k++) {
        if (entryKeys[offset + k] != rowKeys[k]) {
          return false;
        }
      }
      return true;
    }
  }

  /** Returns the key encoding of a non-NULL value of {@code type} at {@code row} of a buffer. */
  private static long normalizedKey(ArrowBuf data, DataType type, int row) {
    long index = row;
    return switch (type.kind()) {
      case BOOLEAN -> BitVectorHelper.get(data, row);
      case TINYINT -> data.getByte(index);
      case SMALLINT -> data.getShort(index << 1);
      case INTEGER, DATE, VARCHAR -> data.getInt(index << 2);
      case BIGINT, DECIMAL, TIME, TIMESTAMP -> data.getLong(index << 3);
      case REAL -> AggregationTable.doubleKey(data.getFloat(index << 2));
      case DOUBLE -> AggregationTable.doubleKey(data.getDouble(index << 3));
    };
  }
}
