package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The initial accumulators of an aggregate sink, as the host must write them before a launch: 16
 * bytes per call and group slot, at {@code (slot * callCount + call) * 16}, holding a 64-bit value
 * ({@code Long.MAX_VALUE} for MIN, {@code Long.MIN_VALUE} for MAX, 0 otherwise) and a zero "seen"
 * flag at offset 8.
 */
public final class AccumulatorImage {
  /** Bytes of one accumulator. */
  public static final int BYTES = 16;

  private AccumulatorImage() {}

  /** Returns the accumulators of {@code slots} group slots; at least one byte. */
  public static byte[] initial(AggregateSink sink, int slots) {
    int calls = sink.calls().size();
    ByteBuffer bytes =
        ByteBuffer.allocate(Math.max(1, Math.multiplyExact(slots * calls, BYTES)))
            .order(ByteOrder.LITTLE_ENDIAN);
    long[] starts = new long[calls];
    boolean allZero = true;
    for (int c = 0; c < calls; c++) {
      AggregateFunction function = sink.calls().get(c).function();
      starts[c] =
          function == AggregateFunction.MIN
              ? Long.MAX_VALUE
              : function == AggregateFunction.MAX ? Long.MIN_VALUE : 0;
      allZero &= starts[c] == 0;
    }
    if (allZero) {
      return bytes.array();
    }
    for (int slot = 0; slot < slots; slot++) {
      for (int c = 0; c < calls; c++) {
        bytes.putLong((slot * calls + c) * BYTES, starts[c]);
      }
    }
    return bytes.array();
  }
}
