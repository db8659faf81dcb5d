package dev.warpsql.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeTextStepTest {
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

  @Test
  void timestampsBecomeTextWithNulls() {
    Long[] values = {-500_000L, 0L, null, -500_000L, 1_500_000L};
    ExecutionStep input =
        new ExecutionStep() {
          @Override
          public Batch execute(ExecutionContext context) {
            return timestamps(values);
          }

          @Override
          public String describe() {
            return "test timestamps";
          }
        };
    TimeTextStep step = new TimeTextStep(input, List.of(new TimeTextStep.Text(0, "text")));

    try (ExecutionContext context =
            new ExecutionContext(new Object[0], allocator, new CpuBackend(1), scheduler, Map.of());
        Batch result = step.execute(context)) {
      assertThat(result.columns()).hasSize(2);
      BatchColumn text = result.columns().get(1);
      assertThat(text.type()).isEqualTo(DataType.VARCHAR);
      IntVector codes = (IntVector) result.chunks().get(0).vectors().get(1);
      List<String> texts = new ArrayList<>();
      for (int row = 0; row < codes.getValueCount(); row++) {
        texts.add(codes.isNull(row) ? null : text.dictionary().value(codes.get(row)));
      }
      assertThat(texts)
          .containsExactly(
              "1969-12-31 23:59:59.5",
              "1970-01-01 00:00:00",
              null,
              "1969-12-31 23:59:59.5",
              "1970-01-01 00:00:01.5");
      assertThat(text.dictionary().size()).isEqualTo(3);
    }
  }

  /** Returns a batch of one TIMESTAMP column in one chunk, null for NULL, that owns its vector. */
  private Batch timestamps(Long[] values) {
    BatchColumn column = new BatchColumn("ts", DataType.TIMESTAMP, true, null);
    TimeStampMicroVector vector =
        (TimeStampMicroVector)
            ArrowColumns.createVector("ts", DataType.TIMESTAMP, true, -1, allocator);
    vector.allocateNew(values.length);
    for (int row = 0; row < values.length; row++) {
      if (values[row] == null) {
        vector.setNull(row);
      } else {
        vector.set(row, values[row]);
      }
    }
    vector.setValueCount(values.length);
    List<FieldVector> vectors = List.of(vector);
    return new Batch(List.of(column), List.of(new BatchChunk(values.length, vectors, null)), true);
  }
}
