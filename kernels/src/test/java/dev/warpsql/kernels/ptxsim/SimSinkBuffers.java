package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.cpu.DecimalArithmetic;
import dev.warpsql.kernels.cuda.AccumulatorLayout;
import dev.warpsql.kernels.cuda.KernelParameterBuffer;
import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The device buffers of a kernel's sink, allocated and initialized as the package documentation of
 * the CUDA backend prescribes, and their decoding into rows after the launch.
 */
abstract class SimSinkBuffers {
  final SimMemory global;

  SimSinkBuffers(SimMemory global) {
    this.global = global;
  }

  /** Sets the sink's kernel parameters. */
  abstract void bind(KernelParameterBuffer arguments);

  /** Returns the sink's rows; throws {@link KernelException} for a failed host-side check. */
  abstract List<List<Object>> read();

  /** Returns the materialize sink's row counter, which also counts rows past the capacity. */
  long counter() {
    return 0;
  }

  static SimSinkBuffers materialize(
      KernelProgram program, int rowCount, int outputCapacity, SimMemory global) {
    boolean capped = SimKernelParameters.hasOutputCapacity(program);
    int capacity = capped ? outputCapacity : rowCount;
    return new Materialize(((MaterializeSink) program.sink()).outputs(), capacity, capped, global);
  }

  static SimSinkBuffers aggregate(
      KernelProgram program, int rowCount, int groupCapacity, SimMemory global) {
    AggregateSink sink = (AggregateSink) program.sink();
    int capacity = groupCapacity > 0 ? groupCapacity : Integer.highestOneBit(2 * rowCount + 1) * 2;
    if (sink.groupKeys().isEmpty()) {
      capacity = 1;
    }
    return new Aggregate(sink, capacity, global);
  }

  /** Returns the size of a bitmap of {@code bits} bits, padded to whole 32-bit words. */
  static int bitmapBytes(int bits) {
    return (bits + 31) / 32 * 4;
  }

  /** Decodes a 64-bit integer-register or double-bits value of {@code type}. */
  static Object decode(long bits, DataType type) {
    if (type.kind() == TypeKind.BOOLEAN) {
      return bits != 0;
    }
    if (SimKernelHarness.floating(type)) {
      return Double.longBitsToDouble(bits);
    }
    return bits;
  }

  /** The materialize sink: a row counter and a data buffer and validity bitmap per output. */
  private static final class Materialize extends SimSinkBuffers {
    private final List<Expr> outputs;
    private final int capacity;
    private final boolean capped;
    private final long count;
    private final long[] data;
    private final long[] validity;

    Materialize(List<Expr> outputs, int capacity, boolean capped, SimMemory global) {
      super(global);
      this.outputs = outputs;
      this.capacity = capacity;
      this.capped = capped;
      this.count = global.allocate("out_count", 4, false);
      this.data = new long[outputs.size()];
      this.validity = new long[outputs.size()];
      for (int i = 0; i < outputs.size(); i++) {
        DataType type = outputs.get(i).type();
        int size =
            type.kind() == TypeKind.BOOLEAN
                ? bitmapBytes(capacity)
                : capacity * SimArrowBuffers.byteWidth(type);
        data[i] = global.allocate("out" + i + "_data", size, false);
        validity[i] = global.allocate("out" + i + "_validity", bitmapBytes(capacity), false);
      }
    }

    @Override
    void bind(KernelParameterBuffer arguments) {
      arguments.setLong("out_count", count);
      if (capped) {
        arguments.setLong("out_capacity", capacity);
      }
      for (int i = 0; i < outputs.size(); i++) {
        arguments.setLong("out" + i + "_data", data[i]);
        arguments.setLong("out" + i + "_validity", validity[i]);
      }
    }

    @Override
    long counter() {
      return SimBytes.get(global.read(count, 4), 0, 4);
    }

    @Override
    List<List<Object>> read() {
      int rows = (int) counter();
      if (rows > capacity) {
        throw new AssertionError(
            rows + " rows counted past capacity " + capacity + " without error");
      }
      List<List<Object>> result = new ArrayList<>();
      List<byte[]> dataBytes = new ArrayList<>();
      List<byte[]> validBytes = new ArrayList<>();
      for (int i = 0; i < outputs.size(); i++) {
        dataBytes.add(global.read(data[i], global.sizeOf(data[i])));
        validBytes.add(global.read(validity[i], global.sizeOf(validity[i])));
      }
      for (int row = 0; row < rows; row++) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
          boolean valid = ((validBytes.get(i)[row >> 3] >> (row & 7)) & 1) != 0;
          values.add(valid ? value(dataBytes.get(i), outputs.get(i).type(), row) : null);
        }
        result.add(values);
      }
      return result;
    }

    private static Object value(byte[] bytes, DataType type, int row) {
      return switch (type.kind()) {
        case BOOLEAN -> ((bytes[row >> 3] >> (row & 7)) & 1) != 0;
        case TINYINT -> (long) (byte) SimBytes.get(bytes, row, 1);
        case SMALLINT -> (long) (short) SimBytes.get(bytes, row * 2, 2);
        case INTEGER, DATE, VARCHAR -> (long) (int) SimBytes.get(bytes, row * 4, 4);
        case BIGINT, DECIMAL, TIME, TIMESTAMP -> SimBytes.get(bytes, row * 8, 8);
        case REAL -> (double) Float.intBitsToFloat((int) SimBytes.get(bytes, row * 4, 4));
        case DOUBLE -> Double.longBitsToDouble(SimBytes.get(bytes, row * 8, 8));
      };
    }
  }

  /**
   * The aggregate sink: accumulators, and for group keys the open-addressing slots, which hold room
   * for half as many groups as slots, and the groups' keys, NULL masks and counter.
   */
  private static final class Aggregate extends SimSinkBuffers {
    private final AggregateSink sink;
    private final int capacity;
    private final int limit;
    private final long accumulators;
    private final long slots;
    private final long keys;
    private final long nulls;
    private final long count;

    Aggregate(AggregateSink sink, int capacity, SimMemory global) {
      super(global);
      this.sink = sink;
      this.capacity = capacity;
      int keyCount = sink.groupKeys().size();
      boolean keyed = keyCount > 0;
      this.limit = keyed ? capacity / 2 : 1;
      int calls = sink.calls().size();
      this.accumulators = global.allocate("accumulators", Math.max(1, limit * calls * 16), false);
      this.slots = keyed ? global.allocate("group_slots", capacity * 4, false) : 0;
      this.keys = keyed ? global.allocate("group_keys", limit * keyCount * 8, false) : 0;
      this.nulls = keyed ? global.allocate("group_nulls", limit * 4, false) : 0;
      this.count = keyed ? global.allocate("group_count", 4, false) : 0;
    }

    @Override
    void bind(KernelParameterBuffer arguments) {
      arguments.setLong("accumulators", accumulators);
      if (!sink.groupKeys().isEmpty()) {
        arguments.setLong("group_capacity", capacity);
        arguments.setLong("group_limit", limit);
        arguments.setLong("group_slots", slots);
        arguments.setLong("group_keys", keys);
        arguments.setLong("group_nulls", nulls);
        arguments.setLong("group_count", count);
      }
    }

    @Override
    List<List<Object>> read() {
      int keyCount = sink.groupKeys().size();
      int calls = sink.calls().size();
      byte[] values = global.read(accumulators, global.sizeOf(accumulators));
      if (keyCount == 0) {
        return List.of(callValues(values, 0, calls));
      }
      int groups = (int) SimBytes.get(global.read(count, 4), 0, 4);
      if (groups > limit) {
        throw new AssertionError("the group counter reached " + groups + " of " + limit);
      }
      checkSlots(groups);
      byte[] keyBytes = global.read(keys, limit * keyCount * 8);
      byte[] nullBytes = global.read(nulls, limit * 4);
      List<List<Object>> rows = new ArrayList<>();
      for (int group = 0; group < groups; group++) {
        long nullMask = SimBytes.get(nullBytes, group * 4, 4);
        List<Object> row = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
          long bits = SimBytes.get(keyBytes, (group * keyCount + k) * 8, 8);
          boolean isNull = (nullMask & (1L << k)) != 0;
          row.add(isNull ? null : decode(bits, sink.groupKeys().get(k).type()));
        }
        row.addAll(callValues(values, group, calls));
        rows.add(row);
      }
      return rows;
    }

    /** Checks that every used slot was published and that each group has exactly one slot. */
    private void checkSlots(int groups) {
      byte[] slotBytes = global.read(slots, capacity * 4);
      boolean[] owned = new boolean[groups];
      for (int slot = 0; slot < capacity; slot++) {
        long state = SimBytes.get(slotBytes, slot * 4, 4);
        if (state == 0) {
          continue;
        }
        if (state > groups || owned[(int) state - 1]) {
          throw new AssertionError("group slot " + slot + " ended in state " + state);
        }
        owned[(int) state - 1] = true;
      }
      for (int group = 0; group < groups; group++) {
        if (!owned[group]) {
          throw new AssertionError("group " + group + " has no slot");
        }
      }
    }

    private List<Object> callValues(byte[] values, int slot, int calls) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < calls; c++) {
        AggregateCall call = sink.calls().get(c);
        int offset = (slot * calls + c) * 16;
        long value = SimBytes.get(values, offset, 8);
        boolean seen = SimBytes.get(values, offset + 8, 4) != 0;
        row.add(callValue(call, value, seen));
      }
      return row;
    }

    private static Object callValue(AggregateCall call, long value, boolean seen) {
      AggregateFunction function = call.function();
      if (function == AggregateFunction.COUNT || function == AggregateFunction.COUNT_STAR) {
        return value;
      }
      if (!seen) {
        return null;
      }
      DataType argument = call.argument().type();
      if (function == AggregateFunction.SUM && SimKernelHarness.floating(argument)) {
        return Double.longBitsToDouble(value);
      }
      if (function == AggregateFunction.SUM) {
        return convertExactSum(call, value);
      }
      long key = AccumulatorLayout.orderKey(function, value);
      if (SimKernelHarness.floating(argument)) {
        // MIN and MAX of REAL and DOUBLE hold an order key: bits ^ ((bits >> 63) & 0x7FFF...).
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
      }
      return decode(key, call.resultType());
    }

    /** Converts an exact SUM at the argument's scale to the result type, as the host must. */
    private static long convertExactSum(AggregateCall call, long value) {
      DataType argument = call.argument().type();
      DataType result = call.resultType();
      int scale = argument.kind() == TypeKind.DECIMAL ? argument.scale() : 0;
      if (result.kind() == TypeKind.DECIMAL) {
        return DecimalArithmetic.rescale(value, scale, result.precision(), result.scale());
      }
      long min;
      long max;
      switch (result.kind()) {
        case TINYINT -> {
          min = Byte.MIN_VALUE;
          max = Byte.MAX_VALUE;
        }
        case SMALLINT -> {
          min = Short.MIN_VALUE;
          max = Short.MAX_VALUE;
        }
        case INTEGER -> {
          min = Integer.MIN_VALUE;
          max = Integer.MAX_VALUE;
        }
        default -> {
          min = Long.MIN_VALUE;
          max = Long.MAX_VALUE;
        }
      }
      if (scale > 0) {
        return DecimalArithmetic.toInteger(value, scale, min, max, result.toString());
      }
      if (value < min || value > max) {
        throw new KernelException(
            KernelErrorCode.NUMERIC_OVERFLOW, "SUM " + value + " is out of range for " + result);
      }
      return value;
    }
  }
}
