package dev.warpsql.executor.pipeline;

import dev.warpsql.kernels.cpu.JoinBuildSide;
import dev.warpsql.kernels.cuda.DeviceCopies;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * Build side of a hash join: a pipeline breaker that materializes its input as the build rows that
 * probe stages of a later kernel read. Every column of the input is payload, readable through the
 * probe's build references; {@code keyColumns} are hashed. The hash table is built where the
 * probing kernel runs: by the CPU on its first probe, or by the GPU in device memory. When the
 * input's chunks have device copies, the build rows get device copies too, joined on the device, so
 * that a GPU build does not copy them from the host.
 */
public final class HashBuildStep {
  private final ExecutionStep input;
  private final int[] keyColumns;

  public HashBuildStep(ExecutionStep input, int[] keyColumns) {
    this.input = Objects.requireNonNull(input, "input");
    if (input instanceof KernelStep producer) {
      producer.readOutputOnDevice();
    }
    this.keyColumns = keyColumns.clone();
  }

  public String describe() {
    return "hash build over " + input.describe();
  }

  /** Runs the input and collects its build rows; the caller owns (and must close) the result. */
  public BuiltHashTable build(ExecutionContext context) {
    try (Batch batch = input.execute(context)) {
      context.checkCanceled();
      List<FieldVector> payload = BatchVectors.concatenate(batch, context.allocator());
      if (payload.isEmpty()) {
        payload = emptyVectors(batch, context);
      }
      try {
        List<FieldVector> keys = new ArrayList<>();
        List<DataType> keyTypes = new ArrayList<>();
        for (int column : keyColumns) {
          keys.add(payload.get(column));
          keyTypes.add(batch.columns().get(column).type());
        }
        JoinBuildSide side = JoinBuildSide.of(keys, keyTypes, payload);
        DeviceCopies copies = DeviceConcatenation.of(batch, payload, "build rows of " + describe());
        return new BuiltHashTable(side, payload, batch.columns(), copies);
      } catch (RuntimeException e) {
        payload.forEach(FieldVector::close);
        throw e;
      }
    }
  }

  private static List<FieldVector> emptyVectors(Batch batch, ExecutionContext context) {
    List<FieldVector> vectors = new ArrayList<>();
    for (BatchColumn column : batch.columns()) {
      long dictionaryId = column.dictionary() == null ? 0 : column.dictionary().id();
      FieldVector vector =
          dev.warpsql.kernels.arrow.ArrowColumns.createVector(
              column.name(), column.type(), column.nullable(), dictionaryId, context.allocator());
      vector.allocateNew();
      vector.setValueCount(0);
      vectors.add(vector);
    }
    return vectors;
  }
}
