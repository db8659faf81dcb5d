package dev.warpsql.executor.storage;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * Reads values of a column in their physical representation (see {@code TypeKind}) straight from
 * the data buffer of a vector in the {@code ArrowColumns} layout, without the NULL check of the
 * vectors' own getters. The value at a NULL position is whatever the buffer contains.
 */
public final class PhysicalValues {
  private PhysicalValues() {}

  /** Returns whether the column's values are REAL or DOUBLE, read with {@link #readDouble}. */
  public static boolean isFloatingPoint(FieldVector vector) {
    MinorType type = vector.getMinorType();
    return type == MinorType.FLOAT4 || type == MinorType.FLOAT8;
  }

  /**
   * Returns the value at a position as a long: BOOLEAN as 0 or 1, integers, DECIMAL unscaled
   * values, DATE days, TIME and TIMESTAMP microseconds, VARCHAR dictionary codes.
   */
  public static long readLong(FieldVector vector, int index) {
    return switch (vector.getMinorType()) {
      case BIT -> (vector.getDataBuffer().getByte(index >>> 3) >>> (index & 7)) & 1;
      case TINYINT -> vector.getDataBuffer().getByte(index);
      case SMALLINT -> vector.getDataBuffer().getShort((long) index * 2);
      case INT, DATEDAY -> vector.getDataBuffer().getInt((long) index * 4);
      case BIGINT, TIMEMICRO, TIMESTAMPMICRO -> vector.getDataBuffer().getLong((long) index * 8);
      default ->
          throw new IllegalArgumentException(
              "vector "
                  + vector.getName()
                  + " of type "
                  + vector.getMinorType()
                  + " does not hold integer values");
    };
  }

  /** Returns the REAL or DOUBLE value at a position. */
  public static double readDouble(FieldVector vector, int index) {
    return switch (vector.getMinorType()) {
      case FLOAT4 -> vector.getDataBuffer().getFloat((long) index * 4);
      case FLOAT8 -> vector.getDataBuffer().getDouble((long) index * 8);
      default ->
          throw new IllegalArgumentException(
              "vector "
                  + vector.getName()
                  + " of type "
                  + vector.getMinorType()
                  + " does not hold floating-point values");
    };
  }
}
