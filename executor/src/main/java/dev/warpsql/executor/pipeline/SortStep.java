package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.sort.Sorter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * ORDER BY with OFFSET and FETCH over a materialized input: a pipeline breaker whose output is one
 * chunk of sorted rows. Without sort keys it only applies OFFSET and FETCH, in input order.
 *
 * <p>On a device, inputs of at least {@link
 * dev.warpsql.executor.device.DeviceRuntime#sortMinRows()} rows are sorted there ({@link
 * DeviceSortRun}), and the host gathers the sorted rows.
 */
// TODO: the host gathers the sorted rows from the chunks' host vectors, even when the input's
// columns are on the device. A gather there would need every column of the input on the device.
public final class SortStep implements ExecutionStep {
  private final ExecutionStep input;
  private final List<BatchColumn> columns;
  private final List<SortKey> keys;
  private final RowCount offset;
  private final RowCount fetch;

  public SortStep(
      ExecutionStep input,
      List<BatchColumn> columns,
      List<SortKey> keys,
      RowCount offset,
      RowCount fetch) {
    this.input = Objects.requireNonNull(input, "input");
    this.columns = List.copyOf(columns);
    this.keys = List.copyOf(keys);
    if (input instanceof KernelStep producer && !keys.isEmpty()) {
      producer.readOutputOnDevice();
    }
    this.offset = Objects.requireNonNull(offset, "offset");
    this.fetch = Objects.requireNonNull(fetch, "fetch");
  }

  /** One ORDER BY key over a column of the input. */
  public record SortKey(int column, boolean descending, boolean nullsFirst) {}

  /**
   * An OFFSET or FETCH row count: a constant, a statement parameter, or none.
   *
   * @param value the constant, or -1 for none
   * @param parameter the parameter index, or -1 for a constant
   */
  public record RowCount(long value, int parameter) {
    public static final RowCount NONE = new RowCount(-1, -1);

    public static RowCount constant(long value) {
      if (value < 0) {
        throw new WarpException(
            ErrorCode.DATA_EXCEPTION,
            "OFFSET and FETCH need a non-negative row count, got " + value);
      }
      return new RowCount(value, -1);
    }

    public static RowCount parameter(int index) {
      return new RowCount(-1, index);
    }

    /**
     * Returns the count for one execution, or -1 for none. A parameter bound to NULL means none, as
     * in PostgreSQL and DuckDB.
     *
     * @param clause {@code OFFSET} or {@code FETCH}, which names the clause and picks the error
     */
    long resolve(ExecutionContext context, String clause) {
      if (parameter < 0) {
        return value;
      }
      Object bound = context.params()[parameter];
      if (bound == null) {
        return -1;
      }
      if (!(bound instanceof Long count) || count < 0) {
        throw new WarpException(
            clause.equals("OFFSET")
                ? ErrorCode.INVALID_ROW_COUNT_IN_OFFSET
                : ErrorCode.INVALID_ROW_COUNT_IN_FETCH,
            clause
                + " parameter "
                + (parameter + 1)
                + " must be a non-negative integer, got "
                + bound);
      }
      return count;
    }
  }

  /** Returns true with sort keys, and otherwise whether the input is ordered. */
  @Override
  public boolean ordered() {
    return !keys.isEmpty() || input.ordered();
  }

  @Override
  public String describe() {
    return "sort " + keys;
  }

  @Override
  public Batch execute(ExecutionContext context) {
    long skip = Math.max(offset.resolve(context, "OFFSET"), 0);
    long keep = fetch.resolve(context, "FETCH");
    try (Batch source = input.execute(context)) {
      context.checkCanceled();
      List<BatchColumn> sourceColumns = source.columns();
      List<dev.warpsql.executor.sort.SortKey> sortKeys = new ArrayList<>();
      for (SortKey key : keys) {
        BatchColumn column = sourceColumns.get(key.column());
        sortKeys.add(
            new dev.warpsql.executor.sort.SortKey(
                key.column(),
                column.type(),
                key.descending(),
                key.nullsFirst(),
                column.dictionary()));
      }
      List<BatchColumn> outputColumns = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        BatchColumn declared = columns.get(i);
        outputColumns.add(
            new BatchColumn(
                declared.name(),
                declared.type(),
                declared.nullable(),
                sourceColumns.get(i).dictionary()));
      }
      if (source.chunks().isEmpty()) {
        return new Batch(outputColumns, List.of(), true);
      }
      if (!sortKeys.isEmpty()) {
        List<SortKernelLog.KeyKernel> kernels = new ArrayList<>();
        for (dev.warpsql.executor.sort.SortKey key : sortKeys) {
          kernels.add(new SortKernelLog.KeyKernel(key.type(), key.descending()));
        }
        SortKernelLog.record(kernels);
      }
      // Only the key columns are joined into one vector each. The sorted rows of every column are
      // then copied from the chunks, so the other columns are copied once, not twice.
      BufferAllocator allocator = context.allocator();
      Set<Integer> keyColumns = new HashSet<>();
      keys.forEach(key -> keyColumns.add(key.column()));
      List<FieldVector> keyVectors =
          BatchVectors.concatenate(source, allocator, keyColumns::contains);
      int[] sortedRows;
      try {
        sortedRows = sortedRows(context, source, keyVectors, sortKeys, skip, keep);
      } finally {
        BatchVectors.closeAll(keyVectors);
      }
      List<FieldVector> sorted = BatchVectors.gather(source, sortedRows, allocator);
      return new Batch(
          outputColumns, List.of(new BatchChunk(sortedRows.length, sorted, null)), true);
    }
  }

  /**
   * Returns the rows of {@code source} in sorted order after OFFSET and FETCH: from the device when
   * it sorts them, otherwise from the CPU.
   */
  private static int[] sortedRows(
      ExecutionContext context,
      Batch source,
      List<FieldVector> keyVectors,
      List<dev.warpsql.executor.sort.SortKey> sortKeys,
      long skip,
      long keep) {
    int rowCount = Math.toIntExact(source.rowCount());
    long end = keep < 0 ? rowCount : Math.min(rowCount, skip + Math.min(keep, rowCount));
    if (skip < end) {
      int[] rows =
          DeviceSortRun.sortedRows(context, source, keyVectors, sortKeys, (int) skip, (int) end);
      if (rows != null) {
        return rows;
      }
    }
    return Sorter.sortedRows(
        keyVectors, rowCount, sortKeys, skip, keep < 0 ? Sorter.ALL_ROWS : keep);
  }
}
