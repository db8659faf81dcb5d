package dev.warpsql.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StringPairStepTest {
  private BufferAllocator allocator;
  private MorselScheduler scheduler;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    scheduler = new MorselScheduler(1);
  }

  @AfterEach
  void tearDown() {
    scheduler.close();
    allocator.close();
  }

  /** Concatenates two strings as SQL's || does, counting its calls. */
  private static final class Concatenation implements StringPairFunction {
    private int calls;

    @Override
    public String apply(String first, String second, ExecutionContext context) {
      calls++;
      return first == null || second == null ? null : first + second;
    }

    @Override
    public String describe() {
      return "first || second";
    }
  }

  /** A step that returns the batch that a supplier makes. */
  private record BatchSource(Supplier<Batch> batches) implements ExecutionStep {
    @Override
    public Batch execute(ExecutionContext context) {
      return batches.get();
    }

    @Override
    public String describe() {
      return "test batch";
    }
  }

  @Test
  void concatenationEvaluatesEachDistinctPairOnce() {
    StringDictionary letters = dictionary("a", "b");
    StringDictionary digits = dictionary("1", "2");
    Integer[][] chunkCodes = {
      {0, 0, 1, 1, 0, null}, {0, 1, 0, 1, 0, 1},
    };
    Concatenation function = new Concatenation();
    ExecutionStep input = new BatchSource(() -> batch(letters, digits, chunkCodes, true));
    StringPairStep step =
        new StringPairStep(input, List.of(new StringPairStep.Pair(function, 0, 1, "joined")));

    try (ExecutionContext context = context();
        Batch result = step.execute(context)) {
      assertThat(result.columns()).hasSize(3);
      BatchColumn joined = result.columns().get(2);
      IntVector codes = (IntVector) result.chunks().get(0).vectors().get(2);
      List<String> values = new ArrayList<>();
      for (int row = 0; row < codes.getValueCount(); row++) {
        values.add(codes.isNull(row) ? null : joined.dictionary().value(codes.get(row)));
      }
      assertThat(values).containsExactly("a1", "a2", "b1", "b2", "a1", null);
      assertThat(function.calls).isEqualTo(5);
      assertThat(joined.dictionary().size()).isEqualTo(4);
    }
  }

  @Test
  void borrowedInputIsRejected() {
    StringDictionary letters = dictionary("a");
    Integer[][] chunkCodes = {{0}, {0}};
    List<Batch> borrowed = new ArrayList<>();
    ExecutionStep input =
        new BatchSource(
            () -> {
              Batch batch = batch(letters, letters, chunkCodes, false);
              borrowed.add(batch);
              return batch;
            });
    StringPairStep step =
        new StringPairStep(
            input, List.of(new StringPairStep.Pair(new Concatenation(), 0, 1, "joined")));

    try (ExecutionContext context = context()) {
      assertThatThrownBy(() -> step.execute(context)).isInstanceOf(IllegalStateException.class);
    } finally {
      for (Batch batch : borrowed) {
        batch.chunks().forEach(chunk -> chunk.vectors().forEach(FieldVector::close));
      }
    }
  }

  private ExecutionContext context() {
    return new ExecutionContext(new Object[0], allocator, new CpuBackend(1), scheduler, Map.of());
  }

  private static StringDictionary dictionary(String... values) {
    StringDictionary dictionary = new StringDictionary();
    for (String value : values) {
      dictionary.encode(value);
    }
    return dictionary;
  }

  /** Returns a batch of two VARCHAR columns with the given codes, null for NULL, in one chunk. */
  private Batch batch(
      StringDictionary first, StringDictionary second, Integer[][] codes, boolean owned) {
    List<BatchColumn> columns =
        List.of(
            new BatchColumn("first", DataType.VARCHAR, true, first),
            new BatchColumn("second", DataType.VARCHAR, true, second));
    List<FieldVector> vectors = new ArrayList<>();
    for (int column = 0; column < 2; column++) {
      IntVector vector =
          (IntVector)
              ArrowColumns.createVector(
                  columns.get(column).name(),
                  DataType.VARCHAR,
                  true,
                  columns.get(column).dictionary().id(),
                  allocator);
      vector.allocateNew(codes[column].length);
      for (int row = 0; row < codes[column].length; row++) {
        if (codes[column][row] == null) {
          vector.setNull(row);
        } else {
          vector.set(row, codes[column][row]);
        }
      }
      vector.setValueCount(codes[column].length);
      vectors.add(vector);
    }
    return new Batch(columns, List.of(new BatchChunk(codes[0].length, vectors, null)), owned);
  }
}
