package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.cpu.AggregationTable;
import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The device buffers of an aggregating kernel, kept across the launches of one pipeline run: the
 * accumulators and, for group keys, the open-addressing slots that map keys to dense group numbers,
 * the groups' keys and NULL masks, as the {@code ptx} package documentation lays them out.
 *
 * <p>Groups stay on the device from chunk to chunk, so a query with few groups copies them back
 * once. Before each launch {@link #reserve} makes sure that every row of the chunk could start a
 * new group, because a launch that runs out of groups cannot be repeated: the rows that did find
 * their group have already been added. When the chunk might not fit, the groups so far are drained
 * into the host's {@link AggregationTable}, whose merge runs the CPU backend's code with its
 * overflow checks, and the table grows when it was more than half full.
 *
 * <p>Memory: the buffers are charged to the owner given at construction and freed by {@link
 * #close()}. A drain copies back only the groups that exist.
 */
final class AggregateSinkBuffers implements AutoCloseable {
  /**
   * Groups copied back per copy: with the 32 keys and 64 calls of a wide aggregate that is about 80
   * MB of host buffers, where a whole table could exceed the 2 GiB of one Java array.
   */
  static final int DRAIN_SLICE = 1 << 16;

  /** Slots of the smallest table. */
  static final int MIN_SLOTS = 1024;

  /** Slots beyond which a busy table stops doubling and drains more often instead. */
  static final int MAX_GROWN_SLOTS = 1 << 23;

  private final DeviceApi device;
  private final DeviceMemoryOwner owner;
  private final AggregateSink sink;
  private final long groupCountAddress;
  private final long maxGroups;
  private DeviceBuffer accumulators;
  private DeviceBuffer slots;
  private DeviceBuffer keys;
  private DeviceBuffer nulls;
  private int capacity;
  private int limit;
  private int groups;
  private boolean pending;
  private long drains;

  /**
   * @param groupCountAddress the device address of the {@code uint32} group counter, which these
   *     buffers zero whenever the table is emptied
   * @param maxGroups the maximum number of groups that the keys' value ranges allow, or {@link
   *     Long#MAX_VALUE} when unknown. A bound that is too low makes launches overflow the table.
   */
  AggregateSinkBuffers(
      DeviceApi device,
      DeviceMemoryOwner owner,
      AggregateSink sink,
      long groupCountAddress,
      long maxGroups) {
    this.device = device;
    this.owner = owner;
    this.sink = sink;
    this.groupCountAddress = groupCountAddress;
    this.maxGroups = maxGroups;
    if (!keyed()) {
      accumulators = zeroed("accumulators", accumulatorBytes(1));
    }
    device.fillZero(groupCountAddress, 4);
  }

  private boolean keyed() {
    return !sink.groupKeys().isEmpty();
  }

  /** Returns the slots of the current table, 0 before the first keyed launch. */
  int capacity() {
    return capacity;
  }

  /** Returns how many times groups were copied back to the host. */
  long drains() {
    return drains;
  }

  /**
   * Returns whether launches over {@code rows} more rows fit the table without a {@link #reserve}:
   * always for a global aggregate, and for group keys when the group count of the last launch plus
   * one new group per row, or else the most groups the keys allow, stays within the group arrays.
   */
  boolean hasRoom(long rows) {
    return !keyed() || (capacity > 0 && Math.min(groups + rows, maxGroups) <= limit);
  }

  /**
   * Makes room for a launch over {@code rows} rows: afterwards the table can take a new group for
   * every row. Drains the groups into {@code into} first when it might not.
   */
  void reserve(int rows, AggregationTable into) {
    if (hasRoom(rows)) {
      return;
    }
    boolean busy = groups > limit / 2;
    drain(into);
    int needed = slotsFor((int) Math.min(rows, maxGroups));
    int slotTarget = Math.max(needed, busy ? Math.min(capacity * 2, MAX_GROWN_SLOTS) : 0);
    if (slotTarget > capacity) {
      grow(slotTarget, rows);
    }
  }

  /**
   * Returns the slot count for launches over {@code rows} rows: four slots per row rounded up to a
   * power of two, at least {@link #MIN_SLOTS}, so that the group arrays fit a new group per row.
   */
  private static int slotsFor(int rows) {
    if (rows > 1 << 28) {
      throw new IllegalArgumentException(
          "a launch over "
              + rows
              + " rows is too large for a device group table; launch at most 2^28 rows at a time");
    }
    return Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, rows - 1)) * 8);
  }

  /**
   * Replaces the empty table with one of {@code slotCount} slots. When the device has no room, the
   * current table is kept if it has room for {@code rows} new groups.
   */
  private void grow(int slotCount, int rows) {
    int groupLimit = slotCount / 2;
    DeviceBuffer[] grown = new DeviceBuffer[4];
    try {
      grown[0] = zeroed("group_slots", slotCount * 4L);
      grown[1] = owner.allocate("group_keys", groupLimit * 8L * sink.groupKeys().size());
      grown[2] = owner.allocate("group_nulls", groupLimit * 4L);
      grown[3] = zeroed("accumulators", accumulatorBytes(groupLimit));
    } catch (DeviceException e) {
      closeAll(grown);
      if (e.kind() == DeviceException.Kind.OUT_OF_MEMORY && capacity > 0 && rows <= limit) {
        return;
      }
      throw e;
    }
    closeAll(slots, keys, nulls, accumulators);
    slots = grown[0];
    keys = grown[1];
    nulls = grown[2];
    accumulators = grown[3];
    capacity = slotCount;
    limit = groupLimit;
  }

  private long accumulatorBytes(long groupCount) {
    return Math.max(1, groupCount * sink.calls().size() * AccumulatorLayout.BYTES);
  }

  private DeviceBuffer zeroed(String name, long bytes) {
    DeviceBuffer buffer = owner.allocate(name, bytes);
    device.fillZero(buffer.address(), bytes);
    return buffer;
  }

  /** Sets {@code accumulators} and, with group keys, the group table's parameters. */
  void bind(KernelParameterBuffer parameters) {
    parameters.setLong("accumulators", accumulators.address());
    if (keyed()) {
      parameters.setLong("group_capacity", capacity);
      parameters.setLong("group_limit", limit);
      parameters.setLong("group_slots", slots.address());
      parameters.setLong("group_keys", keys.address());
      parameters.setLong("group_nulls", nulls.address());
      parameters.setLong("group_count", groupCountAddress);
    }
  }

  /** Records that launches raised no error, and the group counter they left. */
  void launched(int groupCount) {
    if (keyed() && (groupCount < groups || groupCount > limit)) {
      throw new IllegalStateException(
          "the group counter went from " + groups + " to " + groupCount + " of " + limit);
    }
    groups = groupCount;
    pending = true;
  }

  /**
   * Merges every group of the launches since the last drain into {@code into} and empties the
   * table. Does nothing when no launch has run since, or when the launches found no group.
   */
  void drain(AggregationTable into) {
    if (!pending || (keyed() && groups == 0)) {
      pending = false;
      return;
    }
    int calls = sink.calls().size();
    int groupCount = keyed() ? groups : 1;
    try (AggregationTable part = new AggregationTable(sink)) {
      if (keyed()) {
        readGroups(part, groupCount);
      } else {
        ByteBuffer values = download(accumulators, 0, accumulatorBytes(1));
        fill(part, part.findOrInsert(0), values, 0, calls);
      }
      into.merge(part);
    }
    drains++;

    if (keyed()) {
      device.fillZero(slots.address(), capacity * 4L);
      device.fillZero(groupCountAddress, 4);
    }
    device.fillZero(accumulators.address(), accumulatorBytes(groupCount));
    groups = 0;
    pending = false;
  }

  /**
   * Adds the device's groups to {@code part}, copied back {@link #DRAIN_SLICE} groups at a time, so
   * that the host buffers stay small however many groups and calls the table has.
   */
  private void readGroups(AggregationTable part, int groupCount) {
    int keyCount = sink.groupKeys().size();
    int calls = sink.calls().size();
    long[] probeKeys = part.probeKeys();
    for (int first = 0; first < groupCount; first += DRAIN_SLICE) {
      int count = Math.min(DRAIN_SLICE, groupCount - first);
      ByteBuffer keyWords = download(keys, first * 8L * keyCount, count * 8L * keyCount);
      ByteBuffer nullWords = download(nulls, first * 4L, count * 4L);
      ByteBuffer values =
          download(
              accumulators,
              (long) first * calls * AccumulatorLayout.BYTES,
              (long) count * calls * AccumulatorLayout.BYTES);
      for (int group = 0; group < count; group++) {
        for (int k = 0; k < keyCount; k++) {
          probeKeys[k] = keyWords.getLong((group * keyCount + k) * 8);
        }
        int row = part.findOrInsert(nullWords.getInt(group * 4) & 0xFFFFFFFFL);
        fill(part, row, values, group, calls);
      }
    }
  }

  /** Copies the accumulators of one device group into a group of the table. */
  private void fill(AggregationTable table, int row, ByteBuffer values, int group, int calls) {
    for (int c = 0; c < calls; c++) {
      AggregateCall call = sink.calls().get(c);
      int offset = (group * calls + c) * AccumulatorLayout.BYTES;
      long value = values.getLong(offset);
      boolean[] seen = table.seen()[c];
      if (seen != null) {
        if (values.getInt(offset + 8) == 0) {
          continue;
        }
        seen[row] = true;
      }
      AggregateFunction function = call.function();
      if (function == AggregateFunction.MIN || function == AggregateFunction.MAX) {
        value = AccumulatorLayout.orderKey(function, value);
      }
      double[] doubles = table.doubleStates()[c];
      if (doubles == null) {
        table.longStates()[c][row] = value;
      } else if (function == AggregateFunction.SUM) {
        doubles[row] = Double.longBitsToDouble(value);
      } else {
        // MIN and MAX of REAL and DOUBLE hold an order key, which the same transform decodes.
        doubles[row] = Double.longBitsToDouble(value ^ ((value >> 63) & Long.MAX_VALUE));
      }
    }
  }

  /** Copies {@code bytes} bytes from {@code offset} of a device buffer into a new host buffer. */
  private ByteBuffer download(DeviceBuffer buffer, long offset, long bytes) {
    ByteBuffer target = ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    device.copyToHost(target, buffer.address() + offset);
    target.clear();
    return target;
  }

  private static void closeAll(DeviceBuffer... buffers) {
    for (DeviceBuffer buffer : buffers) {
      if (buffer != null) {
        buffer.close();
      }
    }
  }

  @Override
  public void close() {
    closeAll(accumulators, slots, keys, nulls);
    accumulators = null;
    slots = null;
    keys = null;
    nulls = null;
  }
}
