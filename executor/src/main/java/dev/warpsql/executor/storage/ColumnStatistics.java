package dev.warpsql.executor.storage;

import dev.warpsql.kernels.ir.TypeKind;

/**
 * Estimates of a column's contents for the planner, read from the chunks' zone maps and the string
 * dictionaries without scanning the values.
 */
public final class ColumnStatistics {
  private ColumnStatistics() {}

  /**
   * Returns an upper bound on the number of distinct non-NULL values of a column: its non-NULL row
   * count, lowered for exact types to the width of the range between its minimum and maximum, and
   * for VARCHAR to its dictionary's size. The bound is exact for dense keys such as TPC-H's and can
   * be far too high for sparse ones.
   */
  public static long distinctValueBound(Table table, int column) {
    long nonNullRows = 0;
    boolean hasValues = false;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Chunk chunk : table.chunks()) {
      ZoneMap zoneMap = chunk.zoneMap(column);
      nonNullRows += chunk.rowCount() - zoneMap.nullCount();
      if (zoneMap.hasValues()) {
        hasValues = true;
        min = Math.min(min, zoneMap.minLong());
        max = Math.max(max, zoneMap.maxLong());
      }
    }
    if (!hasValues) {
      return 0;
    }

    TypeKind kind = table.schema().type(column).kind();
    switch (kind) {
      case VARCHAR:
        return Math.min(nonNullRows, table.dictionary(column).size());
      case REAL:
      case DOUBLE:
        return nonNullRows;
      default:
        return Math.min(nonNullRows, rangeWidth(min, max));
    }
  }

  /** Returns max - min + 1, or Long.MAX_VALUE when that does not fit in a long. */
  private static long rangeWidth(long min, long max) {
    long difference = max - min;
    if (difference < 0 || difference == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    return difference + 1;
  }
}
