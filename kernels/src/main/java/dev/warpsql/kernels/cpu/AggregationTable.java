package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Partial aggregation state of one thread for an {@link AggregateSink}: an index from group keys to
 * group numbers, and primitive accumulators by group number.
 *
 * <p>Keys are stored as {@code long}s: integer-register kinds widened (BOOLEAN as 0 or 1, VARCHAR
 * as its dictionary code), REAL and DOUBLE as the bits of the double value with -0.0 folded into
 * 0.0 (see {@link #doubleKey(double)}). NULL keys have their own bit, so all NULLs of a key group
 * together. A sink without keys has exactly one group from the start.
 *
 * <p>When every key has a small known {@link GroupKeyRange}, a {@link DirectGroupIndex} computes
 * the group's slot from the keys' values, and generated kernels read that slot array directly (see
 * {@link #directSlots()}). Otherwise, and from the first key value outside its range on, a {@link
 * GroupKeyIndex} hashes the keys. Groups keep their numbers when the table switches.
 *
 * <p>Accumulators live in primitive arrays per call: {@link #longStates()} for counts, exact sums
 * and MIN/MAX of integer-register kinds, {@link #doubleStates()} for REAL and DOUBLE sums and
 * MIN/MAX, and {@link #seen()} marking groups that received a non-NULL input. An exact SUM is kept
 * in unscaled units of its argument's scale and converted to the result type in {@link #toVectors}.
 * Generated kernels update these arrays directly.
 *
 * <p>Not thread-safe: each thread owns one table, and {@link #merge} combines them.
 */
public final class AggregationTable implements AutoCloseable {
  private static final int MAX_KEYS = Long.SIZE;

  private final AggregateSink sink;
  private final int keyCount;
  private final AggregateCall[] calls;
  private DirectGroupIndex directIndex;
  private GroupKeyIndex hashIndex;
  private final long[] probeKeys;
  private final long[][] longStates;
  private final double[][] doubleStates;
  private final boolean[][] seen;
  private int stateCapacity;

  /** Creates an empty table for the sink's keys and calls that hashes the keys. */
  public AggregationTable(AggregateSink sink) {
    this(sink, null);
  }

  /**
   * Creates an empty table for the sink's keys and calls, which looks groups up by their keys'
   * values when every key has a range and together they need at most {@link
   * DirectGroupIndex#MAX_SLOTS} slots, and hashes the keys otherwise.
   *
   * @param keyRanges per group key the range of its values, with null where it is unknown, or null
   *     when no range is known. Ranges of REAL and DOUBLE keys are ignored.
   */
  public AggregationTable(AggregateSink sink, List<GroupKeyRange> keyRanges) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.keyCount = sink.groupKeys().size();
    if (keyCount > MAX_KEYS) {
      throw new IllegalArgumentException(
          "aggregation supports at most " + MAX_KEYS + " group keys, got " + keyCount);
    }
    this.calls = sink.calls().toArray(new AggregateCall[0]);
    for (AggregateCall call : calls) {
      checkSupported(call);
    }
    this.directIndex = directIndex(sink, keyRanges);
    if (directIndex == null) {
      this.hashIndex = new GroupKeyIndex(keyCount);
    }
    this.probeKeys = new long[keyCount];
    this.longStates = new long[calls.length][];
    this.doubleStates = new double[calls.length][];
    this.seen = new boolean[calls.length][];
    allocateStates(groupCapacity());
    if (keyCount == 0) {
      hashIndex.findOrInsert(probeKeys, 0L);
    }
  }

  private static DirectGroupIndex directIndex(AggregateSink sink, List<GroupKeyRange> keyRanges) {
    if (keyRanges == null) {
      return null;
    }
    List<Expr> keys = sink.groupKeys();
    if (keyRanges.size() != keys.size()) {
      throw new IllegalArgumentException(
          "expected " + keys.size() + " group key ranges, got " + keyRanges.size());
    }
    for (Expr key : keys) {
      if (key.type().kind().isApproximateNumeric()) {
        return null;
      }
    }
    return DirectGroupIndex.create(keyRanges);
  }

  /** Returns the sink whose state this table holds. */
  public AggregateSink sink() {
    return sink;
  }

  public int groupCount() {
    return directIndex != null ? directIndex.groupCount() : hashIndex.groupCount();
  }

  private int groupCapacity() {
    return directIndex != null ? directIndex.groupCapacity() : hashIndex.groupCapacity();
  }

  private long key(int group, int keyIndex) {
    return directIndex != null ? directIndex.key(group, keyIndex) : hashIndex.key(group, keyIndex);
  }

  private long nullMask(int group) {
    return directIndex != null ? directIndex.nullMask(group) : hashIndex.nullMask(group);
  }

  /** Returns the scratch array in which a kernel writes the keys of a row before a lookup. */
  public long[] probeKeys() {
    return probeKeys;
  }

  /**
   * Returns the group of the keys in {@link #probeKeys()}, adding it when new. Bit i of {@code
   * nullMask} is set when key i is NULL.
   */
  public int findOrInsert(long nullMask) {
    int group =
        hashIndex != null
            ? hashIndex.findOrInsert(probeKeys, nullMask)
            : findOrInsertDirect(nullMask);
    if (group >= stateCapacity) {
      allocateStates(groupCapacity());
    }
    return group;
  }

  private int findOrInsertDirect(long nullMask) {
    int slot = directIndex.slot(probeKeys, nullMask);
    if (slot >= 0) {
      return directIndex.findOrInsert(slot);
    }
    switchToHashing();
    return hashIndex.findOrInsert(probeKeys, nullMask);
  }

  /**
   * Moves the groups of the direct index into a new hash index in group order, so that every group
   * keeps its number and its accumulators.
   */
  private void switchToHashing() {
    GroupKeyIndex hashed = new GroupKeyIndex(keyCount);
    long[] keys = new long[keyCount];
    for (int group = 0; group < directIndex.groupCount(); group++) {
      for (int k = 0; k < keyCount; k++) {
        keys[k] = directIndex.key(group, k);
      }
      int rehashed = hashed.findOrInsert(keys, directIndex.nullMask(group));
      if (rehashed != group) {
        throw new IllegalStateException(
            "group " + group + " became group " + rehashed + " when switching to hashing");
      }
    }
    hashIndex = hashed;
    directIndex = null;
  }

  /**
   * Returns the slot array of the direct index, which maps a slot to its group number plus one (0
   * when empty), or null when the table hashes its keys. A kernel computes the slot as the sum over
   * the keys of {@code digit * directKeyStride(k)}, where the digit is 0 for NULL and {@code value
   * - directKeyMin(k) + 1} for a value less than {@code directKeyValueCount(k)} above the minimum.
   * For an empty slot or a value outside its range, the kernel calls {@link #findOrInsert} and
   * reads this array again, because that call may have switched the table to hashing.
   */
  public int[] directSlots() {
    return directIndex == null ? null : directIndex.slots();
  }

  /** Returns the smallest value of key {@code keyIndex} in the direct index, or 0 without one. */
  public long directKeyMin(int keyIndex) {
    return directIndex == null ? 0 : directIndex.min(keyIndex);
  }

  /** Returns how many values key {@code keyIndex} has in the direct index, or 0 without one. */
  public long directKeyValueCount(int keyIndex) {
    return directIndex == null ? 0 : directIndex.valueCount(keyIndex);
  }

  /** Returns the slot stride of key {@code keyIndex} in the direct index, or 0 without one. */
  public int directKeyStride(int keyIndex) {
    return directIndex == null ? 0 : directIndex.stride(keyIndex);
  }

  /** Returns per call the long accumulators by group, or null for calls that keep doubles. */
  public long[][] longStates() {
    return longStates;
  }

  /** Returns per call the double accumulators by group, or null for calls that keep longs. */
  public double[][] doubleStates() {
    return doubleStates;
  }

  /** Returns per call whether a group received a non-NULL input; null for the counts. */
  public boolean[][] seen() {
    return seen;
  }

  /** Returns the key encoding of a REAL or DOUBLE value: its bits, with -0.0 as 0.0. */
  public static long doubleKey(double value) {
    return Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
  }

  /**
   * Adds another thread's partial state for the same sink into this table. Exact sums and counts
   * raise {@link KernelErrorCode#NUMERIC_OVERFLOW} when the combined value overflows.
   */
  public void merge(AggregationTable other) {
    if (!sink.equals(other.sink)) {
      throw new IllegalArgumentException("cannot merge aggregation tables of different sinks");
    }
    for (int otherGroup = 0; otherGroup < other.groupCount(); otherGroup++) {
      for (int k = 0; k < keyCount; k++) {
        probeKeys[k] = other.key(otherGroup, k);
      }
      int group = findOrInsert(other.nullMask(otherGroup));
      for (int c = 0; c < calls.length; c++) {
        mergeCall(c, group, other, otherGroup);
      }
    }
  }

  private void mergeCall(int c, int group, AggregationTable other, int otherGroup) {
    AggregateCall call = calls[c];
    if (call.function() == AggregateFunction.COUNT_STAR
        || call.function() == AggregateFunction.COUNT) {
      longStates[c][group] =
          ExactArithmetic.add(
              longStates[c][group], other.longStates[c][otherGroup], 0, Long.MAX_VALUE, "COUNT");
      return;
    }
    if (!other.seen[c][otherGroup]) {
      return;
    }
    boolean first = !seen[c][group];
    seen[c][group] = true;
    if (doubleStates[c] != null) {
      double value = other.doubleStates[c][otherGroup];
      double current = doubleStates[c][group];
      doubleStates[c][group] = first ? value : combineDoubles(call.function(), current, value);
      return;
    }
    long value = other.longStates[c][otherGroup];
    long current = longStates[c][group];
    if (first) {
      longStates[c][group] = value;
    } else if (call.function() == AggregateFunction.SUM) {
      IntegerRange range = sumRange(call);
      longStates[c][group] =
          ExactArithmetic.add(current, value, range.min(), range.max(), "SUM " + call.resultType());
    } else if (call.function() == AggregateFunction.MIN) {
      longStates[c][group] = Math.min(current, value);
    } else {
      longStates[c][group] = Math.max(current, value);
    }
  }

  private static double combineDoubles(AggregateFunction function, double current, double value) {
    return switch (function) {
      case SUM -> current + value;
      case MIN -> Double.compare(value, current) < 0 ? value : current;
      case MAX -> Double.compare(value, current) > 0 ? value : current;
      default -> throw new IllegalStateException(function + " keeps no double state");
    };
  }

  /**
   * Returns the bounds that an exact SUM's running total is checked against: the result type's
   * range, or the 64-bit range when either side is DECIMAL, whose precision is checked when the
   * result is converted.
   */
  static IntegerRange sumRange(AggregateCall call) {
    if (call.argument().type().kind() == TypeKind.DECIMAL
        || call.resultType().kind() == TypeKind.DECIMAL) {
      return IntegerRange.of(DataType.BIGINT);
    }
    return IntegerRange.of(call.resultType());
  }

  /**
   * Returns the groups as new vectors in the layout of {@link ArrowColumns}: the key columns, then
   * one column per call, named by {@code names} in that order. The caller owns and closes them.
   * VARCHAR key columns hold dictionary codes under dictionary id 0; the caller that owns the
   * dictionary attaches the right one.
   */
  public List<FieldVector> toVectors(BufferAllocator allocator, List<String> names) {
    if (names.size() != keyCount + calls.length) {
      throw new IllegalArgumentException(
          "expected " + (keyCount + calls.length) + " column names, got " + names.size());
    }
    int groups = groupCount();
    List<FieldVector> vectors = new ArrayList<>(names.size());
    try {
      for (int k = 0; k < keyCount; k++) {
        Expr key = sink.groupKeys().get(k);
        FieldVector vector = newVector(names.get(k), key.type(), key.nullable(), groups, allocator);
        vectors.add(vector);
        writeKeyColumn(vector, k, key.type());
      }
      for (int c = 0; c < calls.length; c++) {
        AggregateCall call = calls[c];
        FieldVector vector =
            newVector(
                names.get(keyCount + c), call.resultType(), call.nullable(), groups, allocator);
        vectors.add(vector);
        writeCallColumn(vector, c);
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return vectors;
  }

  private static FieldVector newVector(
      String name, DataType type, boolean nullable, int rows, BufferAllocator allocator) {
    FieldVector vector = ArrowColumns.createVector(name, type, nullable, 0, allocator);
    try {
      vector.setInitialCapacity(rows);
      vector.allocateNew();
      vector.setValueCount(rows);
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
    return vector;
  }

  private void writeKeyColumn(FieldVector vector, int k, DataType type) {
    boolean floating = type.kind().isApproximateNumeric();
    for (int group = 0; group < groupCount(); group++) {
      if ((nullMask(group) & (1L << k)) != 0) {
        continue;
      }
      long key = key(group, k);
      if (floating) {
        ArrowValueWriter.setDouble(vector, group, Double.longBitsToDouble(key));
      } else {
        ArrowValueWriter.setLong(vector, group, key);
      }
    }
  }

  private void writeCallColumn(FieldVector vector, int c) {
    AggregateCall call = calls[c];
    for (int group = 0; group < groupCount(); group++) {
      if (seen[c] != null && !seen[c][group]) {
        continue;
      }
      if (doubleStates[c] != null) {
        ArrowValueWriter.setDouble(vector, group, doubleStates[c][group]);
      } else if (seen[c] == null) {
        ArrowValueWriter.setLong(vector, group, longStates[c][group]);
      } else {
        ArrowValueWriter.setLong(vector, group, convertExact(call, longStates[c][group]));
      }
    }
  }

  /** Converts an exact accumulator at the argument's scale to the call's result type. */
  private static long convertExact(AggregateCall call, long value) {
    DataType argumentType = call.argument().type();
    DataType resultType = call.resultType();
    int argumentScale = argumentType.kind() == TypeKind.DECIMAL ? argumentType.scale() : 0;
    if (resultType.kind() == TypeKind.DECIMAL) {
      return DecimalArithmetic.rescale(
          value, argumentScale, resultType.precision(), resultType.scale());
    }
    if (!resultType.kind().isExactNumeric()) {
      return value;
    }
    IntegerRange range = IntegerRange.of(resultType);
    if (argumentScale > 0) {
      return DecimalArithmetic.toInteger(
          value, argumentScale, range.min(), range.max(), resultType.toString());
    }
    return ExactArithmetic.checkRange(value, range.min(), range.max(), resultType.toString());
  }

  /** Drops the accumulators. The table uses heap arrays only, so nothing off-heap is freed. */
  @Override
  public void close() {
    Arrays.fill(longStates, null);
    Arrays.fill(doubleStates, null);
    Arrays.fill(seen, null);
    stateCapacity = 0;
  }

  private void allocateStates(int capacity) {
    for (int c = 0; c < calls.length; c++) {
      AggregateCall call = calls[c];
      boolean floating =
          call.argument() != null && call.argument().type().kind().isApproximateNumeric();
      boolean counting =
          call.function() == AggregateFunction.COUNT_STAR
              || call.function() == AggregateFunction.COUNT;
      if (floating && !counting) {
        doubleStates[c] = grow(doubleStates[c], capacity);
      } else {
        longStates[c] = grow(longStates[c], capacity);
      }
      if (!counting) {
        seen[c] = seen[c] == null ? new boolean[capacity] : Arrays.copyOf(seen[c], capacity);
      }
    }
    stateCapacity = capacity;
  }

  private static long[] grow(long[] state, int capacity) {
    return state == null ? new long[capacity] : Arrays.copyOf(state, capacity);
  }

  private static double[] grow(double[] state, int capacity) {
    return state == null ? new double[capacity] : Arrays.copyOf(state, capacity);
  }

  /** Rejects calls that the table cannot accumulate, naming the call. */
  private static void checkSupported(AggregateCall call) {
    if (call.argument() == null) {
      return;
    }
    TypeKind argument = call.argument().type().kind();
    TypeKind result = call.resultType().kind();
    switch (call.function()) {
      case COUNT, COUNT_STAR -> {}
      case SUM -> {
        boolean exact = argument.isExactNumeric() && result.isExactNumeric();
        boolean floating = argument.isApproximateNumeric() && result.isApproximateNumeric();
        if (!exact && !floating) {
          throw unsupported(call, "SUM needs a numeric argument and result of the same family");
        }
      }
      case MIN, MAX -> {
        if (argument == TypeKind.VARCHAR) {
          throw unsupported(
              call, "dictionary codes are not ordered like strings; compare strings elsewhere");
        }
        if (argument != result) {
          throw unsupported(call, "the result must have the argument's type kind");
        }
      }
    }
  }

  private static IllegalArgumentException unsupported(AggregateCall call, String reason) {
    return new IllegalArgumentException(
        call.function()
            + "("
            + call.argument().type()
            + ") returning "
            + call.resultType()
            + " is not supported: "
            + reason);
  }
}
