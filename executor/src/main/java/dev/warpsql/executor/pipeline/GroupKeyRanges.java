package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.executor.storage.ZoneMap;
import dev.warpsql.kernels.cpu.AggregationTable;
import dev.warpsql.kernels.cpu.GroupKeyRange;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranges of an aggregating kernel's group keys, found at execution time without reading values, so
 * that {@link AggregationTable} can index small key spaces directly. A key read straight from an
 * input column gets the union of the zone maps of the chunks the kernel reads. Other VARCHAR keys
 * get the codes of their dictionary, BOOLEAN keys 0 and 1, and TINYINT keys the type's range. Every
 * other key's range is unknown.
 */
final class GroupKeyRanges {
  private GroupKeyRanges() {}

  /**
   * Returns per group key its range, null where unknown.
   *
   * @param inputColumns the source batch's column for each kernel input
   * @param columns the step's output columns, whose first ones are the keys with their dictionaries
   * @param chunks the source chunks that the kernel reads
   */
  static List<GroupKeyRange> of(
      AggregateSink sink, int[] inputColumns, List<BatchColumn> columns, List<BatchChunk> chunks) {
    List<GroupKeyRange> ranges = new ArrayList<>();
    List<Expr> keys = sink.groupKeys();
    for (int k = 0; k < keys.size(); k++) {
      ranges.add(rangeOf(keys.get(k), columns.get(k), inputColumns, chunks));
    }
    return ranges;
  }

  /**
   * Returns the most groups that keys of these ranges can form, counting NULL as one more value of
   * each key, or {@link Long#MAX_VALUE} when a range is unknown or the product overflows.
   */
  static long maxGroups(List<GroupKeyRange> ranges) {
    long product = 1;
    for (GroupKeyRange range : ranges) {
      if (range == null || range.valueCount() == Long.MAX_VALUE) {
        return Long.MAX_VALUE;
      }
      try {
        product = Math.multiplyExact(product, range.valueCount() + 1);
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
    return product;
  }

  private static GroupKeyRange rangeOf(
      Expr key, BatchColumn column, int[] inputColumns, List<BatchChunk> chunks) {
    TypeKind kind = key.type().kind();
    if (kind.isApproximateNumeric()) {
      return null;
    }
    if (key instanceof InputRef ref) {
      GroupKeyRange zoneRange = zoneMapRange(chunks, inputColumns[ref.index()]);
      if (zoneRange != null) {
        return zoneRange;
      }
    }
    return switch (kind) {
      case BOOLEAN -> new GroupKeyRange(0, 1);
      case TINYINT -> new GroupKeyRange(Byte.MIN_VALUE, Byte.MAX_VALUE);
      case VARCHAR -> dictionaryRange(column.dictionary());
      default -> null;
    };
  }

  /**
   * Returns the range of a source column's non-NULL values over the chunks, or null when a chunk
   * has no zone maps or no chunk has a non-NULL value.
   */
  private static GroupKeyRange zoneMapRange(List<BatchChunk> chunks, int column) {
    boolean hasValues = false;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (BatchChunk chunk : chunks) {
      if (chunk.zoneMaps() == null) {
        return null;
      }
      ZoneMap zoneMap = chunk.zoneMaps().get(column);
      if (zoneMap.hasValues()) {
        hasValues = true;
        min = Math.min(min, zoneMap.minLong());
        max = Math.max(max, zoneMap.maxLong());
      }
    }
    return hasValues ? new GroupKeyRange(min, max) : null;
  }

  /** Returns the codes 0..size-1 of a dictionary, or null when it is empty. */
  private static GroupKeyRange dictionaryRange(StringDictionary dictionary) {
    int size = dictionary.size();
    return size == 0 ? null : new GroupKeyRange(0, size - 1);
  }
}
