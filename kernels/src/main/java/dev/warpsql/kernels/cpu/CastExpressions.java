package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;

/**
 * Java expressions that convert a non-NULL value between kernel types with CAST semantics: range
 * checks between numeric kinds, rounding half away from zero where digits are lost, DECIMAL
 * rescaling, DATE to TIMESTAMP and back (floor to the day), and TIMESTAMP to TIME (the time of day,
 * counted from the midnight before a timestamp before 1970).
 */
final class CastExpressions {
  private CastExpressions() {}

  /** Returns whether {@link #convert} accepts the pair of types. */
  static boolean canConvert(DataType from, DataType to) {
    TypeKind source = from.kind();
    TypeKind target = to.kind();
    if (source == target) {
      return true;
    }
    boolean numeric = isNumeric(source) && isNumeric(target);
    boolean dateTime =
        (source == TypeKind.DATE && target == TypeKind.TIMESTAMP)
            || (source == TypeKind.TIMESTAMP && target == TypeKind.DATE)
            || (source == TypeKind.TIMESTAMP && target == TypeKind.TIME);
    return numeric || dateTime;
  }

  /**
   * Returns a Java expression of {@code to}'s physical type holding {@code value} (an expression of
   * {@code from}'s physical type) converted to {@code to}.
   */
  static String convert(String value, DataType from, DataType to) {
    if (!canConvert(from, to)) {
      throw new IllegalArgumentException("no conversion from " + from + " to " + to);
    }
    TypeKind target = to.kind();
    if (from.kind() == target && (target != TypeKind.DECIMAL || fitsWithoutRescale(from, to))) {
      return value;
    }
    if (target == TypeKind.DECIMAL) {
      return toDecimal(value, from, to);
    }
    if (target.isExactNumeric()) {
      return toInteger(value, from, to);
    }
    if (target == TypeKind.DOUBLE) {
      return toDouble(value, from);
    }
    if (target == TypeKind.REAL) {
      return from.kind() == TypeKind.DOUBLE
          ? "FloatConversions.toReal(" + value + ")"
          : "((float) " + toDouble(value, from) + ")";
    }
    if (target == TypeKind.TIMESTAMP) {
      return "ExactArithmetic.multiply((long) ("
          + value
          + "), CalendarFields.MICROS_PER_DAY, "
          + "Long.MIN_VALUE, Long.MAX_VALUE, \"TIMESTAMP\")";
    }
    if (target == TypeKind.TIME) {
      return "CalendarFields.microsecondOfDay(" + value + ")";
    }
    return "((int) CalendarFields.epochDay(" + value + "))";
  }

  /** Returns {@code value} as a long expression at scale {@link #scaleOf(DataType)}. */
  static String asLong(String value, DataType type) {
    return type.physicalType() == TypeKind.PhysicalType.LONG ? value : "((long) (" + value + "))";
  }

  /** Returns the DECIMAL scale of an exact type, 0 for the integer kinds. */
  static int scaleOf(DataType type) {
    return type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
  }

  private static boolean isNumeric(TypeKind kind) {
    return kind.isExactNumeric() || kind.isApproximateNumeric();
  }

  private static boolean fitsWithoutRescale(DataType from, DataType to) {
    return from.scale() == to.scale() && from.precision() <= to.precision();
  }

  private static String toDecimal(String value, DataType from, DataType to) {
    String target = to.precision() + ", " + to.scale();
    if (from.kind().isApproximateNumeric()) {
      return "DecimalArithmetic.fromDouble((double) (" + value + "), " + target + ")";
    }
    return "DecimalArithmetic.rescale("
        + asLong(value, from)
        + ", "
        + scaleOf(from)
        + ", "
        + target
        + ")";
  }

  private static String toInteger(String value, DataType from, DataType to) {
    IntegerRange range = IntegerRange.of(to);
    String bounds = range.javaArguments() + ", " + JavaLiterals.ofString(to.toString());
    String result;
    if (from.kind() == TypeKind.DECIMAL) {
      result = "DecimalArithmetic.toInteger(" + value + ", " + from.scale() + ", " + bounds + ")";
    } else if (from.kind().isApproximateNumeric()) {
      result = "FloatConversions.toInteger((double) (" + value + "), " + bounds + ")";
    } else if (contains(range, IntegerRange.of(from))) {
      result = asLong(value, from);
    } else {
      result = "ExactArithmetic.checkRange(" + asLong(value, from) + ", " + bounds + ")";
    }
    return to.physicalType() == TypeKind.PhysicalType.INT ? "((int) " + result + ")" : result;
  }

  private static String toDouble(String value, DataType from) {
    if (from.kind() == TypeKind.DECIMAL) {
      return "DecimalArithmetic.toDouble(" + value + ", " + from.scale() + ")";
    }
    return "((double) (" + value + "))";
  }

  private static boolean contains(IntegerRange outer, IntegerRange inner) {
    return outer.min() <= inner.min() && inner.max() <= outer.max();
  }
}
