package dev.warpsql.kernels.cpu;

/**
 * Closed range {@code [min, max]} that every non-NULL value of one group key falls in, in the key's
 * {@code long} encoding (see {@link AggregationTable}): dictionary codes for VARCHAR, 0 and 1 for
 * BOOLEAN, unscaled values for DECIMAL. A range is a hint for choosing the group index: a value
 * outside it costs speed, never correctness.
 */
public record GroupKeyRange(long min, long max) {
  public GroupKeyRange {
    if (min > max) {
      throw new IllegalArgumentException("empty group key range [" + min + ", " + max + "]");
    }
  }

  /**
   * Returns the number of values in the range, or {@link Long#MAX_VALUE} when that does not fit in
   * a long.
   */
  public long valueCount() {
    long difference = max - min;
    if (difference < 0 || difference == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    return difference + 1;
  }
}
