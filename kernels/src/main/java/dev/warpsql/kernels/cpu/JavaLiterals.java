package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.DataType;

/** Java source spellings of constants, exact for every value including the extremes. */
final class JavaLiterals {
  private JavaLiterals() {}

  static String ofLong(long value) {
    if (value == Long.MIN_VALUE) {
      return "Long.MIN_VALUE";
    }
    return value < 0 ? "(" + value + "L)" : value + "L";
  }

  static String ofInt(long value) {
    if (value == Integer.MIN_VALUE) {
      return "Integer.MIN_VALUE";
    }
    return value < 0 ? "(" + value + ")" : Long.toString(value);
  }

  static String ofDouble(double value) {
    if (Double.isNaN(value)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    // Double.toString gives the shortest text that parses back to the same double.
    String text = Double.toString(value) + "D";
    return value < 0 || (value == 0.0 && 1 / value < 0) ? "(" + text + ")" : text;
  }

  static String ofString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c < 0x20) {
        // octal, because a Unicode escape of a line break would end the literal
        out.append(String.format("\\%03o", (int) c));
      } else if (c > 0x7E) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Returns a literal of the given physical value, which is not null. */
  static String of(Object value, DataType type) {
    return switch (type.physicalType()) {
      case BOOLEAN -> value.toString();
      case INT -> ofInt((Long) value);
      case LONG -> ofLong((Long) value);
      case FLOAT -> "((float) " + ofDouble((Double) value) + ")";
      case DOUBLE -> ofDouble((Double) value);
    };
  }
}
