package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.DataType;

/** Range of values of an integer kind, the bounds that overflow checks test against. */
record PtxIntegerRange(long min, long max) {
  /**
   * Returns the range of TINYINT, SMALLINT, INTEGER or BIGINT, and the full 64-bit range for
   * DECIMAL, whose precision is checked separately.
   */
  static PtxIntegerRange of(DataType type) {
    return switch (type.kind()) {
      case TINYINT -> new PtxIntegerRange(Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> new PtxIntegerRange(Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER -> new PtxIntegerRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT, DECIMAL -> new PtxIntegerRange(Long.MIN_VALUE, Long.MAX_VALUE);
      default -> throw new IllegalArgumentException(type + " is not an exact numeric type");
    };
  }

  boolean contains(PtxIntegerRange other) {
    return min <= other.min && other.max <= max;
  }
}
