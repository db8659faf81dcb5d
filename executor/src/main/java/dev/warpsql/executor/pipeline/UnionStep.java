package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * UNION ALL: the rows of every input, input after input. A pipeline breaker, because the inputs are
 * separate pipelines whose string columns use different dictionaries: the output re-encodes each
 * VARCHAR column into one dictionary shared by all its rows.
 */
public final class UnionStep implements ExecutionStep {
  private final List<ExecutionStep> inputs;
  private final List<BatchColumn> columns;

  /**
   * @param columns the output columns; each input batch must have the same types in this order
   */
  public UnionStep(List<ExecutionStep> inputs, List<BatchColumn> columns) {
    this.inputs = List.copyOf(inputs);
    this.columns = List.copyOf(columns);
    if (this.inputs.isEmpty()) {
      throw new IllegalArgumentException("UNION needs at least one input");
    }
  }

  @Override
  public String describe() {
    return "union all of " + inputs.size() + " inputs";
  }

  @Override
  public Batch execute(ExecutionContext context) {
    List<StringDictionary> dictionaries = new ArrayList<>();
    List<BatchColumn> outputColumns = new ArrayList<>();
    for (BatchColumn column : columns) {
      StringDictionary dictionary =
          column.type().kind() == TypeKind.VARCHAR ? new StringDictionary() : null;
      dictionaries.add(dictionary);
      outputColumns.add(
          new BatchColumn(column.name(), column.type(), column.nullable(), dictionary));
    }

    List<BatchChunk> chunks = new ArrayList<>();
    try {
      for (ExecutionStep input : inputs) {
        try (Batch batch = input.execute(context)) {
          context.checkCanceled();
          for (BatchChunk chunk : batch.chunks()) {
            chunks.add(copy(chunk, batch.columns(), outputColumns, context.allocator()));
          }
        }
      }
    } catch (RuntimeException e) {
      for (BatchChunk chunk : chunks) {
        chunk.vectors().forEach(FieldVector::close);
      }
      throw e;
    }
    return new Batch(outputColumns, chunks, true);
  }

  /** Copies one chunk, translating string codes from the input's dictionaries to the output's. */
  private static BatchChunk copy(
      BatchChunk chunk,
      List<BatchColumn> inputColumns,
      List<BatchColumn> outputColumns,
      BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>();
    try {
      for (int column = 0; column < outputColumns.size(); column++) {
        BatchColumn output = outputColumns.get(column);
        FieldVector source = chunk.vectors().get(column);
        long dictionaryId = output.dictionary() == null ? 0 : output.dictionary().id();
        FieldVector target =
            ArrowColumns.createVector(
                output.name(), output.type(), output.nullable(), dictionaryId, allocator);
        vectors.add(target);
        target.setInitialCapacity(chunk.rowCount());
        target.allocateNew();
        if (output.type().kind() == TypeKind.VARCHAR) {
          recode(
              (IntVector) source,
              (IntVector) target,
              inputColumns.get(column).dictionary(),
              output.dictionary(),
              chunk.rowCount());
        } else {
          for (int row = 0; row < chunk.rowCount(); row++) {
            target.copyFromSafe(row, row, source);
          }
        }
        target.setValueCount(chunk.rowCount());
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new BatchChunk(chunk.rowCount(), vectors, null);
  }

  private static void recode(
      IntVector source,
      IntVector target,
      StringDictionary from,
      StringDictionary to,
      int rowCount) {
    int[] mapping = new int[from.size()];
    java.util.Arrays.fill(mapping, -1);
    for (int row = 0; row < rowCount; row++) {
      if (source.isNull(row)) {
        target.setNull(row);
        continue;
      }
      int code = source.get(row);
      if (mapping[code] < 0) {
        mapping[code] = to.encode(from.value(code));
      }
      target.setSafe(row, mapping[code]);
    }
  }
}
