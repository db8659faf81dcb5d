package dev.warpsql.executor.sort;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;

/**
 * Sorts the rows of a materialized result, given as one vector per column in the {@code
 * ArrowColumns} layout, by a list of {@link SortKey}s, and applies OFFSET and FETCH.
 *
 * <p>The sort is stable: rows with equal keys keep their input order. Comparisons are exact per
 * type. Integers, DECIMAL (the unscaled values of one column share a scale), dates and times
 * compare as their physical longs. REAL and DOUBLE put NaN above every number and treat -0.0 as
 * equal to 0.0. VARCHAR compares the strings in the key's dictionary in Unicode code point order.
 *
 * <p>When OFFSET plus FETCH is a small part of the input, a bounded heap keeps only the first rows
 * instead of sorting all of them.
 */
public final class Sorter {
  /** FETCH value that means all rows. */
  public static final long ALL_ROWS = -1;

  /** The bounded heap is used when offset + fetch is at most this fraction of the rows. */
  private static final int TOP_N_DIVISOR = 4;

  private static final int INSERTION_SORT_MAX = 16;

  private Sorter() {}

  /**
   * Returns the indexes of the rows in sorted order, after skipping {@code offset} rows and keeping
   * at most {@code fetch} ({@link #ALL_ROWS} keeps all).
   */
  public static int[] sortedRows(
      List<FieldVector> columns, List<SortKey> keys, long offset, long fetch) {
    Objects.requireNonNull(columns, "columns");
    return sortedRows(columns, rowCount(columns), keys, offset, fetch);
  }

  /**
   * Returns the rows of {@code rowCount} rows in sorted order after OFFSET and FETCH, as {@link
   * #sortedRows(List, List, long, long)} does, reading only the key columns of {@code columns}: the
   * others may be null.
   */
  public static int[] sortedRows(
      List<FieldVector> columns, int rowCount, List<SortKey> keys, long offset, long fetch) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(keys, "keys");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
    if (fetch < ALL_ROWS) {
      throw new IllegalArgumentException("fetch must be -1 (all rows) or more, got " + fetch);
    }
    long end = fetch == ALL_ROWS ? rowCount : Math.min(rowCount, saturatedAdd(offset, fetch));
    if (offset >= end) {
      return new int[0];
    }
    RowComparator comparator = new RowComparator(columns, keys, rowCount);
    int[] ordered;
    if (end <= rowCount / TOP_N_DIVISOR) {
      ordered = topRows(comparator, rowCount, (int) end);
    } else {
      ordered = new int[rowCount];
      for (int i = 0; i < rowCount; i++) {
        ordered[i] = i;
      }
      mergeSort(ordered, comparator);
    }
    int[] result = new int[(int) (end - offset)];
    System.arraycopy(ordered, (int) offset, result, 0, result.length);
    return result;
  }

  /**
   * Returns new vectors with the sorted rows, after OFFSET and FETCH, allocated from the given
   * allocator. The caller owns the returned vectors, and the input vectors are not changed.
   */
  public static List<FieldVector> sort(
      List<FieldVector> columns,
      List<SortKey> keys,
      long offset,
      long fetch,
      BufferAllocator allocator) {
    return gather(columns, sortedRows(columns, keys, offset, fetch), allocator);
  }

  /**
   * Returns new vectors holding the given rows of each column, in the given order, allocated from
   * the allocator and owned by the caller. Fields, including dictionary encodings, are kept.
   */
  public static List<FieldVector> gather(
      List<FieldVector> columns, int[] rows, BufferAllocator allocator) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(allocator, "allocator");
    List<FieldVector> result = new ArrayList<>(columns.size());
    try {
      for (FieldVector source : columns) {
        FieldVector target = source.getField().createVector(allocator);
        result.add(target);
        target.setInitialCapacity(rows.length);
        target.allocateNew();
        for (int i = 0; i < rows.length; i++) {
          target.copyFromSafe(rows[i], i, source);
        }
        target.setValueCount(rows.length);
      }
    } catch (RuntimeException e) {
      try {
        AutoCloseables.close(result);
      } catch (Exception closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
    return result;
  }

  private static int rowCount(List<FieldVector> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("there must be at least one column to sort");
    }
    int rowCount = columns.get(0).getValueCount();
    for (FieldVector column : columns) {
      if (column.getValueCount() != rowCount) {
        throw new IllegalArgumentException(
            "column "
                + column.getName()
                + " has "
                + column.getValueCount()
                + " rows, expected "
                + rowCount);
      }
    }
    return rowCount;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** Returns the first {@code count} rows in order, keeping them in a bounded max-heap. */
  private static int[] topRows(RowComparator comparator, int rowCount, int count) {
    int[] heap = new int[count];
    int size = 0;
    for (int row = 0; row < rowCount; row++) {
      if (size < count) {
        heap[size] = row;
        siftUp(heap, size, comparator);
        size++;
      } else if (comparator.compare(row, heap[0]) < 0) {
        heap[0] = row;
        siftDown(heap, size, comparator);
      }
    }
    mergeSort(heap, comparator);
    return heap;
  }

  private static void siftUp(int[] heap, int index, RowComparator comparator) {
    int row = heap[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (comparator.compare(heap[parent], row) >= 0) {
        break;
      }
      heap[index] = heap[parent];
      index = parent;
    }
    heap[index] = row;
  }

  private static void siftDown(int[] heap, int size, RowComparator comparator) {
    int row = heap[0];
    int index = 0;
    while (true) {
      int child = 2 * index + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && comparator.compare(heap[child + 1], heap[child]) > 0) {
        child++;
      }
      if (comparator.compare(row, heap[child]) >= 0) {
        break;
      }
      heap[index] = heap[child];
      index = child;
    }
    heap[index] = row;
  }

  private static void mergeSort(int[] rows, RowComparator comparator) {
    int[] scratch = rows.clone();
    mergeSort(scratch, rows, 0, rows.length, comparator);
  }

  /**
   * Sorts {@code target[from, to)}, using {@code source}, which contains the same rows, as scratch.
   */
  private static void mergeSort(
      int[] source, int[] target, int from, int to, RowComparator comparator) {
    if (to - from <= INSERTION_SORT_MAX) {
      insertionSort(target, from, to, comparator);
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(target, source, from, middle, comparator);
    mergeSort(target, source, middle, to, comparator);
    if (comparator.compare(source[middle - 1], source[middle]) <= 0) {
      System.arraycopy(source, from, target, from, to - from);
      return;
    }
    int left = from;
    int right = middle;
    for (int i = from; i < to; i++) {
      if (right >= to || (left < middle && comparator.compare(source[left], source[right]) <= 0)) {
        target[i] = source[left++];
      } else {
        target[i] = source[right++];
      }
    }
  }

  private static void insertionSort(int[] rows, int from, int to, RowComparator comparator) {
    for (int i = from + 1; i < to; i++) {
      int row = rows[i];
      int j = i - 1;
      while (j >= from && comparator.compare(rows[j], row) > 0) {
        rows[j + 1] = rows[j];
        j--;
      }
      rows[j + 1] = row;
    }
  }
}
