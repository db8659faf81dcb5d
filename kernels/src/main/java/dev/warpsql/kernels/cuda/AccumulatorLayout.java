package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.ir.AggregateFunction;

/**
 * The accumulators of an aggregate sink in device memory: 16 bytes per call and group, at {@code
 * (group * callCount + call) * 16}, containing a 64-bit value and a "seen" flag at offset 8. Every
 * accumulator starts as zero bytes, so a host initializes them with a memset.
 *
 * <p>MIN and MAX keep their order key in a stored form whose unsigned maximum is the key's minimum
 * or maximum: a zero then means that no value has arrived, and both update with the same atomic
 * unsigned maximum.
 */
public final class AccumulatorLayout {
  /** Bytes of one accumulator. */
  public static final int BYTES = 16;

  private AccumulatorLayout() {}

  /**
   * Returns the signed order key of a MIN or MAX accumulator in its stored form: integer values
   * sign-extended, or for REAL and DOUBLE the order key of the double's bits.
   */
  public static long orderKey(AggregateFunction function, long stored) {
    return stored ^ storedOrderMask(function);
  }

  /** Returns the mask that converts between an order key and its stored form, either way. */
  private static long storedOrderMask(AggregateFunction function) {
    return switch (function) {
      case MIN -> Long.MAX_VALUE;
      case MAX -> Long.MIN_VALUE;
      default ->
          throw new IllegalArgumentException(
              function + " has no order key; only MIN and MAX accumulators have one");
    };
  }
}
