package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.DataType;

/** Range of values of an integer kind, the bounds that overflow checks test against. */
record IntegerRange(long min, long max) {
  /**
   * Returns the range of TINYINT, SMALLINT, INTEGER or BIGINT, and the full 64-bit range for
   * DECIMAL, whose precision is checked separately.
   */
  static IntegerRange of(DataType type) {
    return switch (type.kind()) {
      case TINYINT -> new IntegerRange(Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> new IntegerRange(Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER -> new IntegerRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT, DECIMAL -> new IntegerRange(Long.MIN_VALUE, Long.MAX_VALUE);
      default -> throw new IllegalArgumentException(type + " is not an exact numeric type");
    };
  }

  /** Returns the bounds as Java literals for generated code, such as {@code -128L, 127L}. */
  String javaArguments() {
    return javaLong(min) + ", " + javaLong(max);
  }

  private static String javaLong(long value) {
    if (value == Long.MIN_VALUE) {
      return "Long.MIN_VALUE";
    }
    return value + "L";
  }
}
