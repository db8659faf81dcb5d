package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
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
 * <p>Layouts. {@code next[row]} chains the build rows of equal keys in ascending row order, so a
 * probe walks every duplicate with {@link #find} then {@link #next} and allocates nothing. What
 * finds the first row of a key depends on the keys:
 *
 * <ul>
 *   <li>A key that fits one {@code long}: one key column, or two whose build values all fit 32 bits
 *       (always for INTEGER, DATE, dictionary codes and smaller), packed into one long. When its
 *       values span at most {@value #DIRECT_SPAN_PER_ROW} values per build row (dense surrogate
 *       keys, codes, dates), an array indexed by {@code key - min} contains the first row of each
 *       key: a probe reads one element. Otherwise an open-addressing slot array stores each key and
 *       its first row inline, so a probe reads the slot's key and row, usually in two cache lines.
 *   <li>Other keys: each slot stores the keys, their hash and the first row inline.
 * </ul>
 *
 * <p>Build rows are numbered by their position in the key and payload vectors, so a kernel reads a
 * matched row's payload at that position.
 *
 * <p>Memory: the key and payload vectors stay owned by the caller and must stay open until the
 * table is closed. The table's own memory is heap arrays, which {@link #close()} drops: 4 bytes per
 * build row for the chains, then 4 bytes per value of a direct key range, or {@code 8 * keys + 4}
 * bytes per slot (plus 4 for the hash of several keys) with 2 to 4 slots per build row. While
 * building, one {@code long} per build row keeps the packed keys.
 *
 * <p>The table is read-only after {@link #build}, so any number of kernel threads may probe it at
 * once after it reached them through a happens-before edge, such as submitting the probing tasks to
 * an executor.
 */
public final class JoinHashTable implements AutoCloseable {
  private static final int EMPTY = -1;
  private static final int MAX_SLOTS = 1 << 30;

  /**
   * The widest key range, per build row, that gets a direct array. At 8 the array takes at most 32
   * bytes per build row, within the 24 to 48 bytes of the 2 to 4 inline slots per row of the hashed
   * layout. It still covers keys like TPC-H's order keys, of which a quarter are used.
   */
  static final int DIRECT_SPAN_PER_ROW = 8;

  /** Key ranges of at most this many values get a direct array whatever the build row count. */
  private static final int SMALL_DIRECT_SPAN = 1024;

  private final List<DataType> keyTypes;
  private final List<FieldVector> payload;
  private final int keyCount;
  private int rowCount;

  /** Whether two 32-bit keys are packed into one long (high word: the first key). */
  private final boolean packed;

  /** Keys per slot of {@link #slotKeys}: 1 for a key that fits one long, else {@link #keyCount}. */
  private final int slotWidth;

  private final long directMin;
  private int[] directRows;
  private long[] slotKeys;
  private int[] slotRows;
  private int[] slotHashes;
  private int slotMask;
  private int[] next;
  private boolean closed;

  private JoinHashTable(
      List<DataType> keyTypes, List<FieldVector> payload, int rowCount, boolean packed) {
    this.keyTypes = keyTypes;
    this.payload = payload;
    this.keyCount = keyTypes.size();
    this.rowCount = rowCount;
    this.packed = packed;
    this.slotWidth = packed ? 1 : keyCount;
    this.directMin = 0;
  }

  private JoinHashTable(
      List<DataType> keyTypes,
      List<FieldVector> payload,
      int rowCount,
      boolean packed,
      long directMin,
      int[] directRows,
      int[] next) {
    this.keyTypes = keyTypes;
    this.payload = payload;
    this.keyCount = keyTypes.size();
    this.rowCount = rowCount;
    this.packed = packed;
    this.slotWidth = 1;
    this.directMin = directMin;
    this.directRows = directRows;
    this.next = next;
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
    boolean packed = types.size() == 2 && buildKeysFitInt(keys, types, rows);
    if (types.size() == 1 || packed) {
      return buildOneLong(keys, types, rows, payload, packed);
    }
    return buildGeneral(keys, types, rows, payload);
  }

  /** Returns whether every non-NULL normalized key of the build rows is a 32-bit integer. */
  private static boolean buildKeysFitInt(List<FieldVector> keys, List<DataType> types, int rows) {
    for (int k = 0; k < keys.size(); k++) {
      if (fitsInt(types.get(k))) {
        continue;
      }
      FieldVector vector = keys.get(k);
      for (int row = 0; row < rows; row++) {
        if (!vector.isNull(row)) {
          long key = normalizedKey(vector.getDataBuffer(), types.get(k), row);
          if ((int) key != key) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Returns whether every normalized key of the type is a 32-bit signed integer. */
  private static boolean fitsInt(DataType type) {
    return switch (type.kind()) {
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, DATE, VARCHAR -> true;
      default -> false;
    };
  }

  private static long pack(long first, long second) {
    return (first << 32) | (second & 0xFFFF_FFFFL);
  }

  /**
   * Builds a table whose key fits one long: the direct layout when the keys' range is narrow enough
   * (see {@link #DIRECT_SPAN_PER_ROW}), else inline slots.
   */
  private static JoinHashTable buildOneLong(
      List<FieldVector> keys,
      List<DataType> types,
      int rows,
      List<FieldVector> payload,
      boolean packed) {
    long[] rowKeys = new long[rows];
    boolean[] present = new boolean[rows];
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int inserted = 0;
    for (int row = 0; row < rows; row++) {
      if (keys.get(0).isNull(row) || packed && keys.get(1).isNull(row)) {
        continue;
      }
      long key = normalizedKey(keys.get(0).getDataBuffer(), types.get(0), row);
      if (packed) {
        key = pack(key, normalizedKey(keys.get(1).getDataBuffer(), types.get(1), row));
      }
      rowKeys[row] = key;
      present[row] = true;
      min = Math.min(min, key);
      max = Math.max(max, key);
      inserted++;
    }

    int[] next = new int[rows];
    long widest =
        Math.min(MAX_SLOTS, Math.max(SMALL_DIRECT_SPAN, (long) DIRECT_SPAN_PER_ROW * rows));
    // A span that overflows a long is not positive, and no direct array fits it.
    long span = max - min + 1;
    boolean floating =
        types.get(0).kind() == TypeKind.REAL || types.get(0).kind() == TypeKind.DOUBLE;
    if (inserted > 0 && !floating && span > 0 && span <= widest) {
      int[] directRows = new int[(int) span];
      Arrays.fill(directRows, EMPTY);
      // Inserting from the last row to the first and prepending to each chain leaves every chain
      // in ascending row order.
      for (int row = rows - 1; row >= 0; row--) {
        if (present[row]) {
          int index = (int) (rowKeys[row] - min);
          next[row] = directRows[index];
          directRows[index] = row;
        }
      }
      return new JoinHashTable(types, payload, inserted, packed, min, directRows, next);
    }

    JoinHashTable table = new JoinHashTable(types, payload, inserted, packed);
    table.allocateSlots(rows);
    table.next = next;
    for (int row = rows - 1; row >= 0; row--) {
      if (present[row]) {
        table.insertOneLong(rowKeys[row], row);
      }
    }
    return table;
  }

  /** Builds a table whose keys do not fit one long, in inline slots with hashes. */
  private static JoinHashTable buildGeneral(
      List<FieldVector> keys, List<DataType> types, int rows, List<FieldVector> payload) {
    int keyCount = keys.size();
    long[] rowKeys = new long[keyCount];
    int inserted = 0;
    JoinHashTable table = new JoinHashTable(types, payload, rows, false);
    table.allocateSlots(rows);
    table.slotHashes = new int[table.slotRows.length];
    table.next = new int[rows];
    for (int row = rows - 1; row >= 0; row--) {
      if (readKeys(keys, types, row, rowKeys)) {
        table.insertGeneral(rowKeys, row);
        inserted++;
      }
    }
    table.rowCount = inserted;
    return table;
  }

  /** Reads the normalized keys of a row into {@code rowKeys}; returns false when one is NULL. */
  static boolean readKeys(List<FieldVector> keys, List<DataType> types, int row, long[] rowKeys) {
    for (int k = 0; k < rowKeys.length; k++) {
      FieldVector vector = keys.get(k);
      if (vector.isNull(row)) {
        return false;
      }
      rowKeys[k] = normalizedKey(vector.getDataBuffer(), types.get(k), row);
    }
    return true;
  }

  /** Allocates empty slots for up to {@code rows} keys, at most half of them used. */
  private void allocateSlots(int rows) {
    int slotCount =
        (int) Math.min(Math.max(2L, Long.highestOneBit(Math.max(1, rows)) * 4L), MAX_SLOTS);
    slotRows = new int[slotCount];
    Arrays.fill(slotRows, EMPTY);
    slotKeys = new long[Math.multiplyExact(slotCount, slotWidth)];
    slotMask = slotCount - 1;
  }

  /** Prepends a build row to the chain of its one-long key, taking a new slot for a new key. */
  private void insertOneLong(long key, int row) {
    int slot = KeyHash.finish(KeyHash.mix(0L, key)) & slotMask;
    while (true) {
      int first = slotRows[slot];
      if (first == EMPTY) {
        slotKeys[slot] = key;
        next[row] = EMPTY;
        slotRows[slot] = row;
        return;
      }
      if (slotKeys[slot] == key) {
        next[row] = first;
        slotRows[slot] = row;
        return;
      }
      slot = (slot + 1) & slotMask;
    }
  }

  private void insertGeneral(long[] keys, int row) {
    int hash = hash(keys, 0, keyCount);
    int slot = hash & slotMask;
    while (true) {
      int first = slotRows[slot];
      if (first == EMPTY) {
        System.arraycopy(keys, 0, slotKeys, slot * keyCount, keyCount);
        slotHashes[slot] = hash;
        next[row] = EMPTY;
        slotRows[slot] = row;
        return;
      }
      if (slotHashes[slot] == hash && slotKeysEqual(slot, keys)) {
        next[row] = first;
        slotRows[slot] = row;
        return;
      }
      slot = (slot + 1) & slotMask;
    }
  }

  /** Returns whether the table indexes its key by {@code key - min} instead of hashing it. */
  boolean isDirect() {
    return directRows != null;
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
    int[] direct = directRows;
    if (direct != null) {
      // Below the minimum the difference wraps to an unsigned value above any array length.
      long index = key - directMin;
      return Long.compareUnsigned(index, direct.length) < 0 ? direct[(int) index] : EMPTY;
    }
    int slot = KeyHash.finish(KeyHash.mix(0L, key)) & slotMask;
    while (true) {
      int first = slotRows[slot];
      if (first == EMPTY || slotKeys[slot] == key) {
        return first;
      }
      slot = (slot + 1) & slotMask;
    }
  }

  /**
   * Returns the first build row whose keys equal {@code keys}, or -1 when none does. {@code keys}
   * contains one normalized key per key column. The array is only read.
   */
  public int find(long[] keys) {
    if (packed) {
      long first = keys[0];
      long second = keys[1];
      // Every build key fits 32 bits, so a probe key that does not matches nothing, and packing
      // it could make it equal to a packed build key.
      if ((int) first != first || (int) second != second) {
        return EMPTY;
      }
      return find(pack(first, second));
    }
    if (slotWidth == 1 && slotHashes == null) {
      return find(keys[0]);
    }
    int hash = hash(keys, 0, keyCount);
    int slot = hash & slotMask;
    while (true) {
      int first = slotRows[slot];
      if (first == EMPTY || slotHashes[slot] == hash && slotKeysEqual(slot, keys)) {
        return first;
      }
      slot = (slot + 1) & slotMask;
    }
  }

  /** Returns the next build row after {@code buildRow} with the same keys, or -1 after the last. */
  public int next(int buildRow) {
    return next[buildRow];
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
    directRows = null;
    slotKeys = null;
    slotRows = null;
    slotHashes = null;
    next = null;
  }

  private boolean slotKeysEqual(int slot, long[] keys) {
    int offset = slot * keyCount;
    for (int k = 0; k < keyCount; k++) {
      if (slotKeys[offset + k] != keys[k]) {
        return false;
      }
    }
    return true;
  }

  static int hash(long[] keys, int offset, int count) {
    long hash = 0L;
    for (int k = 0; k < count; k++) {
      hash = KeyHash.mix(hash, keys[offset + k]);
    }
    return KeyHash.finish(hash);
  }

  /** Checks the build arguments and returns the common value count. */
  static int checkColumns(List<FieldVector> keys, List<DataType> types, List<FieldVector> payload) {
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
