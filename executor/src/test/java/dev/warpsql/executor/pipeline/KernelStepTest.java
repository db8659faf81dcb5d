package dev.warpsql.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs kernels over multi-chunk tables on two worker threads. */
class KernelStepTest {
  private static final int ROWS = 1000;
  private static final int CHUNK_ROWS = 64;
  private static final CpuBackend BACKEND = new CpuBackend(16);

  private BufferAllocator allocator;
  private MorselScheduler scheduler;
  private Table table;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    scheduler = new MorselScheduler(2);
    table = KernelStepFixtures.table(allocator, ROWS, CHUNK_ROWS);
  }

  @AfterEach
  void tearDown() {
    table.close();
    scheduler.close();
    allocator.close();
  }

  private ExecutionContext context() {
    return new ExecutionContext(new Object[0], allocator, BACKEND, scheduler, Map.of());
  }

  private List<BatchColumn> sourceColumns() {
    return Batch.ofTable(table).columns();
  }

  private static KernelProgram.InputColumn input(DataType type, boolean nullable) {
    return new KernelProgram.InputColumn(type, nullable);
  }

  @Test
  void aggregateMergesPartialsFromEveryChunk() {
    Expr grp = new InputRef(0, DataType.INTEGER, true);
    Expr id = new InputRef(1, DataType.BIGINT, false);
    AggregateSink sink =
        new AggregateSink(
            List.of(grp),
            List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, id, DataType.BIGINT)));
    KernelProgram program =
        new KernelProgram(
            "aggregate",
            List.of(input(DataType.INTEGER, true), input(DataType.BIGINT, false)),
            List.of(),
            0,
            null,
            sink);
    List<BatchColumn> outputs =
        List.of(
            new BatchColumn("grp", DataType.INTEGER, true, null),
            new BatchColumn("n", DataType.BIGINT, false, null),
            new BatchColumn("total", DataType.BIGINT, true, null));
    KernelStep step =
        new KernelStep(
            new ScanStep(table),
            new int[] {1, 0},
            BACKEND.compile(program),
            outputs,
            List.of(),
            null);

    Map<Integer, long[]> expected = new HashMap<>();
    for (int i = 0; i < ROWS; i++) {
      Integer key = i % 10 == 0 ? null : i % 7;
      long[] totals = expected.computeIfAbsent(key == null ? -1 : key, k -> new long[2]);
      totals[0]++;
      totals[1] += i;
    }

    try (Batch result = step.execute(context())) {
      assertThat(result.chunks()).hasSize(1);
      BatchChunk chunk = result.chunks().get(0);
      IntVector keys = (IntVector) chunk.vectors().get(0);
      BigIntVector counts = (BigIntVector) chunk.vectors().get(1);
      BigIntVector sums = (BigIntVector) chunk.vectors().get(2);
      assertThat(chunk.rowCount()).isEqualTo(expected.size());
      for (int row = 0; row < chunk.rowCount(); row++) {
        int key = keys.isNull(row) ? -1 : keys.get(row);
        assertThat(counts.get(row)).as("count of group %s", key).isEqualTo(expected.get(key)[0]);
        assertThat(sums.get(row)).as("sum of group %s", key).isEqualTo(expected.get(key)[1]);
      }
    }
  }

  @Test
  void materializeKeepsChunkOrderAndDictionary() {
    KernelStep step = KernelStepFixtures.everyHundredthRow(table, BACKEND);

    List<Long> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (Batch result = step.execute(context())) {
      for (BatchChunk chunk : result.chunks()) {
        BigIntVector idVector = (BigIntVector) chunk.vectors().get(0);
        IntVector codes = (IntVector) chunk.vectors().get(1);
        for (int row = 0; row < chunk.rowCount(); row++) {
          ids.add(idVector.get(row));
          names.add(result.columns().get(1).dictionary().value(codes.get(row)));
        }
      }
    }

    assertThat(ids).containsExactly(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L);
    assertThat(names.get(1)).isEqualTo("name1");
  }

  @Test
  void prunerSkipsChunksAndGlobalAggregateStillReturnsOneRow() {
    AggregateSink sink =
        new AggregateSink(
            List.of(),
            List.of(new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT)));
    KernelProgram program = new KernelProgram("count", List.of(), List.of(), 0, null, sink);
    List<BatchColumn> outputs = List.of(new BatchColumn("n", DataType.BIGINT, false, null));
    ChunkPruner skipAll = (zoneMaps, context) -> false;
    KernelStep step =
        new KernelStep(
            new ScanStep(table), new int[0], BACKEND.compile(program), outputs, List.of(), skipAll);

    try (Batch result = step.execute(context())) {
      assertThat(result.rowCount()).isEqualTo(1);
      assertThat(((BigIntVector) result.chunks().get(0).vectors().get(0)).get(0)).isZero();
    }
  }

  @Test
  void kernelErrorBecomesWarpExceptionWithoutLeaks() {
    KernelStep step = KernelStepFixtures.oneDividedById(table, BACKEND);

    long tableMemory = allocator.getAllocatedMemory();

    assertThatThrownBy(() -> step.execute(context()))
        .isInstanceOf(WarpException.class)
        .extracting(e -> ((WarpException) e).code())
        .isEqualTo(ErrorCode.DIVISION_BY_ZERO);
    assertThat(allocator.getAllocatedMemory()).isEqualTo(tableMemory);
  }

  @Test
  void canceledExecutionStops() {
    KernelProgram program =
        new KernelProgram(
            "copy",
            List.of(input(DataType.BIGINT, false)),
            List.of(),
            0,
            null,
            new MaterializeSink(List.of(new InputRef(0, DataType.BIGINT, false))));
    KernelStep step =
        new KernelStep(
            new ScanStep(table),
            new int[] {0},
            BACKEND.compile(program),
            List.of(new BatchColumn("id", DataType.BIGINT, false, null)),
            List.of(),
            null);
    ExecutionContext canceled = context();
    canceled.cancel();

    assertThatThrownBy(() -> step.execute(canceled))
        .isInstanceOf(WarpException.class)
        .extracting(e -> ((WarpException) e).code())
        .isEqualTo(ErrorCode.QUERY_CANCELED);
  }
}
