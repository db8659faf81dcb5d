package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.cpu.AggregationTable;
import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ptxsim.SimDataSets;
import dev.warpsql.kernels.ptxsim.SimLaunch;
import dev.warpsql.kernels.ptxsim.SimRuntime;
import dev.warpsql.kernels.ptxsim.SimVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Aggregating kernels over many chunks through {@link DeviceKernelRunner} on the PTX interpreter:
 * the group table stays on the device between chunks, drains into the host table when a chunk might
 * not fit, and grows when it was busy. Expected groups are computed here from the generators.
 */
class DeviceAggregationTest {
  private static final int CHUNK_ROWS = 300;

  private RootAllocator allocator;
  private SimRuntime runtime;

  @BeforeEach
  void openDevice() {
    allocator = new RootAllocator();
    runtime = new SimRuntime(SimLaunch.Options.sequential(), 8);
  }

  @AfterEach
  void closeDevice() {
    runtime.close();
    allocator.close();
  }

  @Test
  void fewGroupsStayOnDeviceUntilTheEnd() throws Exception {
    IntFunction<Long> key = row -> row % 13 == 0 ? null : (long) (row % 5 - 2);
    IntFunction<Long> value = row -> row % 7 == 0 ? null : (long) (row * 7919 % 2001 - 1000);

    Result result = run(groupByKey(), 20, Long.MAX_VALUE, key, value);

    assertThat(result.rows()).containsExactlyInAnyOrderElementsOf(expected(20, key, value));
    assertThat(result.drains()).as("copies of the groups back to the host").isEqualTo(1);
    assertThat(result.settles()).as("waits without a group bound").isBetween(2L, 10L);
  }

  @Test
  void groupBoundWaitsOnlyAtTheEnd() throws Exception {
    IntFunction<Long> key = row -> row % 13 == 0 ? null : (long) (row % 5 - 2);
    IntFunction<Long> value = row -> (long) (row % 977);

    Result result = run(groupByKey(), 20, 6, key, value);

    assertThat(result.rows()).containsExactlyInAnyOrderElementsOf(expected(20, key, value));
    assertThat(result.settles()).as("waits for the launches").isEqualTo(1);
    assertThat(result.capacity()).as("slots for 6 groups").isEqualTo(1024);
  }

  @Test
  void drainCopiesGroupsBackInSlices() throws Exception {
    IntFunction<Long> key = row -> (long) row;
    IntFunction<Long> value = row -> (long) (row % 7);
    int chunks = AggregateSinkBuffers.DRAIN_SLICE / CHUNK_ROWS + 20;

    Result result = run(groupByKey(), chunks, chunks, Long.MAX_VALUE, key, value);

    assertThat(result.drains()).as("one drain of more groups than a slice").isEqualTo(1);
    assertThat(result.rows()).hasSize(chunks * CHUNK_ROWS);
    assertThat(result.rows()).containsExactlyInAnyOrderElementsOf(expected(chunks, key, value));
  }

  @Test
  void wrongGroupBoundRaisesOverflow() {
    IntFunction<Long> key = row -> (long) (row * 37 % 2500);
    IntFunction<Long> value = row -> 1L;

    DeviceException error =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            DeviceException.class, () -> run(groupByKey(), 20, 2, key, value));

    assertThat(error).isNotNull();
    assertThat(error.kind()).isEqualTo(DeviceException.Kind.GROUP_TABLE_OVERFLOW);
    assertThat(error).hasMessageContaining("at most 2");
  }

  @Test
  void dataErrorSurfacesAtTheNextWait() {
    IntFunction<Long> key = row -> (long) (row % 3);
    IntFunction<Long> value = row -> row == 4321 ? Long.MAX_VALUE : 1L;

    Throwable error =
        org.assertj.core.api.Assertions.catchThrowable(() -> run(groupByKey(), 20, 4, key, value));

    assertThat(error).isInstanceOf(dev.warpsql.kernels.ir.KernelException.class);
    assertThat(error).hasMessageContaining("numeric overflow");
  }

  @Test
  void manyGroupsDrainAndGrowTheTable() throws Exception {
    IntFunction<Long> key = row -> row % 11 == 0 ? null : (long) (row * 37 % 2500);
    IntFunction<Long> value = row -> row % 5 == 0 ? null : (long) (row % 1000 - 500);

    Result result = run(groupByKey(), 20, Long.MAX_VALUE, key, value);

    assertThat(result.rows()).containsExactlyInAnyOrderElementsOf(expected(20, key, value));
    assertThat(result.drains()).as("copies of the groups back to the host").isGreaterThan(2);
    assertThat(result.capacity()).as("slots after growing").isGreaterThan(2048);
  }

  @Test
  void batchedChunksMatchExpectedGroups() throws Exception {
    IntFunction<Long> key = row -> row % 11 == 0 ? null : (long) (row * 37 % 2500);
    IntFunction<Long> value = row -> row % 5 == 0 ? null : (long) (row % 1000 - 500);

    Result batched = run(groupByKey(), 20, 6, Long.MAX_VALUE, key, value);

    assertThat(batched.rows()).containsExactlyInAnyOrderElementsOf(expected(20, key, value));
    assertThat(batched.drains()).as("copies of the groups back to the host").isGreaterThan(1);
  }

  @Test
  void batchedGlobalAggregateMatches() throws Exception {
    IntFunction<Long> value = row -> row % 3 == 0 ? null : (long) (row * 104729 % 99991 - 50000);
    AggregateSink sink =
        new AggregateSink(List.of(), calls(new InputRef(1, DataType.BIGINT, true)));

    Result result = run(program("global_batches", sink), 7, 3, Long.MAX_VALUE, row -> 0L, value);

    List<Object> expected = new ArrayList<>(expected(7, row -> 0L, value).get(0));
    expected.remove(0);
    assertThat(result.rows()).containsExactly(expected);
    assertThat(result.settles()).isEqualTo(1);
  }

  @Test
  void globalAggregateAddsUpAcrossChunks() throws Exception {
    IntFunction<Long> value = row -> row % 3 == 0 ? null : (long) (row * 104729 % 99991 - 50000);
    AggregateSink sink =
        new AggregateSink(List.of(), calls(new InputRef(1, DataType.BIGINT, true)));
    KernelProgram program = program("global_sum", sink);

    Result result = run(program, 6, Long.MAX_VALUE, row -> 0L, value);

    List<Object> expected = new ArrayList<>(expected(6, row -> 0L, value).get(0));
    expected.remove(0);
    assertThat(result.rows()).containsExactly(expected);
    assertThat(result.drains()).isEqualTo(1);
    assertThat(result.settles()).isEqualTo(1);
  }

  private static KernelProgram groupByKey() {
    AggregateSink sink =
        new AggregateSink(
            List.of(new InputRef(0, DataType.INTEGER, true)),
            calls(new InputRef(1, DataType.BIGINT, true)));
    return program("group_by_key", sink);
  }

  private static List<AggregateCall> calls(Expr value) {
    return List.of(
        new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT),
        new AggregateCall(AggregateFunction.SUM, value, DataType.BIGINT),
        new AggregateCall(AggregateFunction.MIN, value, DataType.BIGINT),
        new AggregateCall(AggregateFunction.MAX, value, DataType.BIGINT));
  }

  private static KernelProgram program(String name, AggregateSink sink) {
    return new KernelProgram(
        name,
        List.of(new InputColumn(DataType.INTEGER, true), new InputColumn(DataType.BIGINT, true)),
        List.of(),
        0,
        null,
        sink);
  }

  private record Result(List<List<Object>> rows, long drains, long settles, int capacity) {}

  /**
   * Runs {@code program} over {@code chunks} chunks of the generated key and value columns, with
   * {@code maxGroups} as the group bound of a keyed aggregate.
   */
  private Result run(
      KernelProgram program,
      int chunks,
      long maxGroups,
      IntFunction<Long> key,
      IntFunction<Long> value)
      throws Exception {
    return run(program, chunks, 1, maxGroups, key, value);
  }

  /** Runs {@code program} as above, with {@code batch} chunks per launch. */
  private Result run(
      KernelProgram program,
      int chunks,
      int batch,
      long maxGroups,
      IntFunction<Long> key,
      IntFunction<Long> value)
      throws Exception {
    AggregateSink sink = (AggregateSink) program.sink();
    try (DeviceMemoryOwner memory = runtime.pool().newOwner(program.name());
        LoadedKernel kernel = runtime.modules().acquire(program);
        DeviceKernelRunner runner =
            new DeviceKernelRunner(
                runtime.device(),
                memory,
                runtime.modules(),
                kernel,
                program,
                "ptx-sim",
                null,
                null,
                null);
        AggregationTable table = new AggregationTable(sink)) {
      if (!sink.groupKeys().isEmpty()) {
        runner.expectGroups(maxGroups);
      }
      for (int start = 0; start < chunks; start += batch) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
          List<List<DeviceColumn>> columns = new ArrayList<>();
          int count = Math.min(batch, chunks - start);
          for (int chunk = start; chunk < start + count; chunk++) {
            columns.add(uploadChunk(memory, chunk * CHUNK_ROWS, key, value, resources));
          }
          int[] rows = new int[count];
          Arrays.fill(rows, CHUNK_ROWS);
          runner.aggregate(columns, rows, table);
        } finally {
          for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
          }
        }
      }
      runner.finishAggregate(table);
      return new Result(
          rowsOf(table, sink),
          runner.groupDrains(),
          runner.aggregateSettles(),
          runner.groupCapacity());
    }
  }

  /** Uploads the key and value columns of the chunk starting at row {@code first}. */
  private List<DeviceColumn> uploadChunk(
      DeviceMemoryOwner memory,
      int first,
      IntFunction<Long> key,
      IntFunction<Long> value,
      List<AutoCloseable> resources) {
    FieldVector keys = column(DataType.INTEGER, first, key);
    resources.add(keys);
    FieldVector values = column(DataType.BIGINT, first, value);
    resources.add(values);
    ColumnUpload keyUpload =
        ColumnUpload.upload(
            runtime.device(), memory, "in0", keys, DataType.INTEGER, true, CHUNK_ROWS);
    resources.add(keyUpload);
    ColumnUpload valueUpload =
        ColumnUpload.upload(
            runtime.device(), memory, "in1", values, DataType.BIGINT, true, CHUNK_ROWS);
    resources.add(valueUpload);
    return List.of(keyUpload.column(), valueUpload.column());
  }

  private List<List<Object>> rowsOf(AggregationTable table, AggregateSink sink) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < sink.groupKeys().size() + sink.calls().size(); i++) {
      names.add("c" + i);
    }
    List<FieldVector> vectors = table.toVectors(allocator, names);
    try {
      List<List<Object>> rows = new ArrayList<>();
      for (List<Object> row : SimVectors.rows(vectors)) {
        // INTEGER keys come back as Integer, and the expected groups use Long throughout.
        List<Object> longs = new ArrayList<>();
        for (Object value : row) {
          longs.add(value == null ? null : ((Number) value).longValue());
        }
        rows.add(longs);
      }
      return rows;
    } finally {
      vectors.forEach(FieldVector::close);
    }
  }

  /** Returns key, COUNT(*), SUM, MIN and MAX per key over {@code chunks} chunks. */
  private static List<List<Object>> expected(
      int chunks, IntFunction<Long> key, IntFunction<Long> value) {
    Map<Long, Long[]> groups = new HashMap<>();
    Map<Long, Long> nullKey = new HashMap<>();
    for (int row = 0; row < chunks * CHUNK_ROWS; row++) {
      Long k = key.apply(row);
      Long[] state = groups.computeIfAbsent(k == null ? Long.MIN_VALUE : k, x -> new Long[4]);
      nullKey.put(k == null ? Long.MIN_VALUE : k, k);
      state[0] = state[0] == null ? 1 : state[0] + 1;
      Long v = value.apply(row);
      if (v != null) {
        state[1] = state[1] == null ? v : state[1] + v;
        state[2] = state[2] == null ? v : Math.min(state[2], v);
        state[3] = state[3] == null ? v : Math.max(state[3], v);
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    groups.forEach(
        (k, state) -> {
          List<Object> row = new ArrayList<>();
          row.add(nullKey.get(k));
          row.addAll(Arrays.asList((Object[]) state));
          rows.add(row);
        });
    return rows;
  }

  /** Returns the column of {@code CHUNK_ROWS} generated values from row {@code first} on. */
  private FieldVector column(DataType type, int first, IntFunction<Long> generator) {
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < CHUNK_ROWS; row++) {
      values.add(generator.apply(first + row));
    }
    return SimDataSets.vector("c", type, values, allocator);
  }
}
