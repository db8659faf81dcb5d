package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.cpu.AggregationTable;
import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The device buffers of one launch of an aggregating kernel: the accumulators and, for group keys,
 * the open-addressing group table of {@code capacity} slots ({@code group_states}, {@code
 * group_keys}, {@code group_nulls}), zeroed as the kernel expects.
 *
 * <p>{@link #read()} decodes the slots into an {@link AggregationTable} in the CPU backend's
 * representation, so that merging partial results and converting them to result columns run the CPU
 * backend's code, with its overflow checks.
 *
 * <p>Memory: the buffers are charged to the owner given at construction and freed by {@link
 * #close()}.
 */
final class AggregateSinkBuffers implements AutoCloseable {
  private static final int STATE_READY = 2;

  private final DeviceApi device;
  private final AggregateSink sink;
  private final int capacity;
  private final DeviceBuffer accumulators;
  private DeviceBuffer states;
  private DeviceBuffer keys;
  private DeviceBuffer nulls;

  /**
   * @param capacity the group slots, a power of two; 1 for a sink without group keys
   */
  AggregateSinkBuffers(
      DeviceApi device, DeviceMemoryOwner owner, AggregateSink sink, int capacity) {
    this.device = device;
    this.sink = sink;
    this.capacity = capacity;
    byte[] initial = AccumulatorImage.initial(sink, capacity);
    this.accumulators = owner.allocate("accumulators", initial.length);
    try {
      device.copyToDevice(accumulators.address(), ByteBuffer.wrap(initial));
      int keyCount = sink.groupKeys().size();
      if (keyCount > 0) {
        states = zeroed(owner, "group_states", capacity * 4L);
        keys = zeroed(owner, "group_keys", capacity * 8L * keyCount);
        nulls = zeroed(owner, "group_nulls", capacity * 4L);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private DeviceBuffer zeroed(DeviceMemoryOwner owner, String name, long bytes) {
    DeviceBuffer buffer = owner.allocate(name, bytes);
    device.fillZero(buffer.address(), bytes);
    return buffer;
  }

  /** Sets {@code accumulators} and, with group keys, the group table's parameters. */
  void bind(KernelParameterBuffer parameters) {
    parameters.setLong("accumulators", accumulators.address());
    if (states != null) {
      parameters.setLong("group_capacity", capacity);
      parameters.setLong("group_states", states.address());
      parameters.setLong("group_keys", keys.address());
      parameters.setLong("group_nulls", nulls.address());
    }
  }

  /** Returns the groups that the launch produced in a new table, which the caller closes. */
  AggregationTable read() {
    int keyCount = sink.groupKeys().size();
    int calls = sink.calls().size();
    ByteBuffer values = download(accumulators, Math.max(1, capacity * calls * 16));
    AggregationTable table = new AggregationTable(sink);
    try {
      if (keyCount == 0) {
        fill(table, table.findOrInsert(0), values, 0, calls);
        return table;
      }
      ByteBuffer stateWords = download(states, capacity * 4);
      ByteBuffer keyWords = download(keys, capacity * 8 * keyCount);
      ByteBuffer nullWords = download(nulls, capacity * 4);
      for (int slot = 0; slot < capacity; slot++) {
        int state = stateWords.getInt(slot * 4);
        if (state == 0) {
          continue;
        }
        if (state != STATE_READY) {
          throw new IllegalStateException(
              "group slot " + slot + " ended the launch in state " + state + ", not ready");
        }
        long[] probeKeys = table.probeKeys();
        for (int k = 0; k < keyCount; k++) {
          probeKeys[k] = keyWords.getLong((slot * keyCount + k) * 8);
        }
        int group = table.findOrInsert(nullWords.getInt(slot * 4) & 0xFFFFFFFFL);
        fill(table, group, values, slot, calls);
      }
      return table;
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
  }

  /** Copies the accumulators of one slot into a group of the table. */
  private void fill(AggregationTable table, int group, ByteBuffer values, int slot, int calls) {
    for (int c = 0; c < calls; c++) {
      AggregateCall call = sink.calls().get(c);
      int offset = (slot * calls + c) * AccumulatorImage.BYTES;
      long value = values.getLong(offset);
      boolean[] seen = table.seen()[c];
      if (seen != null) {
        if (values.getInt(offset + 8) == 0) {
          continue;
        }
        seen[group] = true;
      }
      double[] doubles = table.doubleStates()[c];
      if (doubles == null) {
        table.longStates()[c][group] = value;
      } else if (call.function() == AggregateFunction.SUM) {
        doubles[group] = Double.longBitsToDouble(value);
      } else {
        // MIN and MAX of REAL and DOUBLE hold an order key, which the same transform decodes.
        doubles[group] = Double.longBitsToDouble(value ^ ((value >> 63) & Long.MAX_VALUE));
      }
    }
  }

  private ByteBuffer download(DeviceBuffer buffer, int bytes) {
    ByteBuffer target = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    device.copyToHost(target, buffer.address());
    target.clear();
    return target;
  }

  @Override
  public void close() {
    accumulators.close();
    for (DeviceBuffer buffer : new DeviceBuffer[] {states, keys, nulls}) {
      if (buffer != null) {
        buffer.close();
      }
    }
  }
}
