package dev.warpsql.executor.storage;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Statistics of one column in one chunk, so that a scan can skip chunks a filter excludes.
 *
 * <p>Minimum and maximum cover the non-NULL values in their physical representation. The long
 * fields serve BOOLEAN (0 or 1), integers, DECIMAL (unscaled), DATE (days), TIME and TIMESTAMP
 * (microseconds) and VARCHAR (dictionary codes, which do not follow string order). The double
 * fields serve REAL and DOUBLE. The fields of the other representation are 0, and all four are 0
 * when {@code hasValues} is false. For REAL and DOUBLE, NaN counts as greater than every number (as
 * in ORDER BY), so {@code maxDouble} is NaN when the chunk contains a NaN.
 */
public record ZoneMap(
    long nullCount,
    boolean hasValues,
    long minLong,
    long maxLong,
    double minDouble,
    double maxDouble) {

  /** Computes the zone map of the first {@code vector.getValueCount()} values of a vector. */
  public static ZoneMap compute(FieldVector vector) {
    int count = vector.getValueCount();
    if (PhysicalValues.isFloatingPoint(vector)) {
      return computeDouble(vector, count);
    }
    return computeLong(vector, count);
  }

  private static ZoneMap computeLong(FieldVector vector, int count) {
    long nulls = 0;
    boolean any = false;
    long min = 0;
    long max = 0;
    // The common widths read the data buffer directly instead of dispatching on the type per value.
    int width =
        switch (vector.getMinorType()) {
          case INT, DATEDAY -> Integer.BYTES;
          case BIGINT, TIMEMICRO, TIMESTAMPMICRO -> Long.BYTES;
          default -> 0;
        };
    ArrowBuf data = vector.getDataBuffer();
    for (int i = 0; i < count; i++) {
      if (vector.isNull(i)) {
        nulls++;
        continue;
      }
      long value =
          switch (width) {
            case Integer.BYTES -> data.getInt((long) i * Integer.BYTES);
            case Long.BYTES -> data.getLong((long) i * Long.BYTES);
            default -> PhysicalValues.readLong(vector, i);
          };
      if (!any) {
        min = value;
        max = value;
        any = true;
      } else if (value < min) {
        min = value;
      } else if (value > max) {
        max = value;
      }
    }
    return new ZoneMap(nulls, any, min, max, 0, 0);
  }

  private static ZoneMap computeDouble(FieldVector vector, int count) {
    long nulls = 0;
    boolean any = false;
    double min = 0;
    double max = 0;
    for (int i = 0; i < count; i++) {
      if (vector.isNull(i)) {
        nulls++;
        continue;
      }
      double value = PhysicalValues.readDouble(vector, i);
      if (!any) {
        min = value;
        max = value;
        any = true;
        continue;
      }
      // Double.compare orders NaN above every number, matching ORDER BY.
      if (Double.compare(value, min) < 0) {
        min = value;
      }
      if (Double.compare(value, max) > 0) {
        max = value;
      }
    }
    return new ZoneMap(nulls, any, 0, 0, min, max);
  }
}
