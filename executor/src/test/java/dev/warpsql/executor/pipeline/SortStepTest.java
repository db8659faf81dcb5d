package dev.warpsql.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SortStepTest {
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

  private ExecutionContext context(Object... params) {
    return new ExecutionContext(params, allocator, new CpuBackend(4), scheduler, Map.of());
  }

  private Table table(int rows, int chunkRows) {
    TableSchema schema =
        new TableSchema(
            List.of(
                ColumnSchema.notNull("id", DataType.BIGINT),
                ColumnSchema.nullable("word", DataType.VARCHAR)));
    try (TableBuilder builder = new TableBuilder("t", schema, allocator, chunkRows)) {
      for (int i = 0; i < rows; i++) {
        builder.setLong(0, (i * 37L) % rows);
        if (i % 5 == 0) {
          builder.setNull(1);
        } else {
          builder.setString(1, "w" + (char) ('z' - i % 26));
        }
        builder.endRow();
      }
      return builder.build();
    }
  }

  private static List<Long> ids(Batch batch) {
    List<Long> ids = new ArrayList<>();
    for (BatchChunk chunk : batch.chunks()) {
      BigIntVector vector = (BigIntVector) chunk.vectors().get(0);
      for (int row = 0; row < chunk.rowCount(); row++) {
        ids.add(vector.get(row));
      }
    }
    return ids;
  }

  @Test
  void sortsAcrossChunksWithOffsetAndFetch() {
    try (Table table = table(100, 7)) {
      List<BatchColumn> columns = Batch.ofTable(table).columns();
      SortStep step =
          new SortStep(
              new ScanStep(table),
              columns,
              List.of(new SortStep.SortKey(0, true, false)),
              SortStep.RowCount.constant(3),
              SortStep.RowCount.constant(4));

      try (Batch sorted = step.execute(context())) {
        assertThat(ids(sorted)).containsExactly(96L, 95L, 94L, 93L);
      }
    }
  }

  @Test
  void stringsSortByValueWithNullsFirst() {
    try (Table table = table(30, 4)) {
      List<BatchColumn> columns = Batch.ofTable(table).columns();
      SortStep step =
          new SortStep(
              new ScanStep(table),
              columns,
              List.of(new SortStep.SortKey(1, false, true)),
              SortStep.RowCount.NONE,
              SortStep.RowCount.NONE);

      try (Batch sorted = step.execute(context())) {
        BatchChunk chunk = sorted.chunks().get(0);
        IntVector codes = (IntVector) chunk.vectors().get(1);
        List<String> words = new ArrayList<>();
        for (int row = 0; row < chunk.rowCount(); row++) {
          words.add(
              codes.isNull(row)
                  ? null
                  : sorted.columns().get(1).dictionary().value(codes.get(row)));
        }
        assertThat(words).hasSize(30);
        assertThat(words.subList(0, 6)).containsOnlyNulls();
        assertThat(words.subList(6, 30)).isSorted();
      }
    }
  }

  @Test
  void fetchFromParameter() {
    try (Table table = table(50, 8)) {
      List<BatchColumn> columns = Batch.ofTable(table).columns();
      SortStep step =
          new SortStep(
              new ScanStep(table),
              columns,
              List.of(new SortStep.SortKey(0, false, false)),
              SortStep.RowCount.NONE,
              SortStep.RowCount.parameter(0));

      try (Batch sorted = step.execute(context(2L))) {
        assertThat(ids(sorted)).containsExactly(0L, 1L);
      }
    }
  }

  @Test
  void nullParametersMeanNoOffsetOrFetch() {
    try (Table table = table(50, 8)) {
      List<BatchColumn> columns = Batch.ofTable(table).columns();
      SortStep step =
          new SortStep(
              new ScanStep(table),
              columns,
              List.of(new SortStep.SortKey(0, false, false)),
              SortStep.RowCount.parameter(0),
              SortStep.RowCount.parameter(1));

      try (Batch sorted = step.execute(context(null, null))) {
        assertThat(ids(sorted)).hasSize(50);
      }
    }
  }

  @Test
  void negativeParametersRaiseTheirClauseErrors() {
    try (Table table = table(50, 8)) {
      List<BatchColumn> columns = Batch.ofTable(table).columns();
      SortStep step =
          new SortStep(
              new ScanStep(table),
              columns,
              List.of(new SortStep.SortKey(0, false, false)),
              SortStep.RowCount.parameter(0),
              SortStep.RowCount.parameter(1));

      assertThatThrownBy(() -> step.execute(context(-1L, 2L)))
          .isInstanceOfSatisfying(
              WarpException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ROW_COUNT_IN_OFFSET))
          .hasMessageContaining("OFFSET parameter 1");
      assertThatThrownBy(() -> step.execute(context(0L, -2L)))
          .isInstanceOfSatisfying(
              WarpException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ROW_COUNT_IN_FETCH))
          .hasMessageContaining("FETCH parameter 2");
    }
  }

  @Test
  void emptyInputGivesEmptyBatch() {
    try (Table table = table(0, 8)) {
      List<BatchColumn> columns = Batch.ofTable(table).columns();
      SortStep step =
          new SortStep(
              new ScanStep(table),
              columns,
              List.of(new SortStep.SortKey(0, false, false)),
              SortStep.RowCount.NONE,
              SortStep.RowCount.NONE);

      try (Batch sorted = step.execute(context())) {
        assertThat(sorted.rowCount()).isZero();
      }
    }
  }
}
