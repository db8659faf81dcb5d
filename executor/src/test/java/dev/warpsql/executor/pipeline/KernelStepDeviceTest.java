package dev.warpsql.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.ZoneMap;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ptxsim.SimDevice;
import dev.warpsql.kernels.ptxsim.SimLaunch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs kernel steps on the simulated device and checks them against the CPU backend. */
class KernelStepDeviceTest {
  private static final int ROWS = 1000;
  private static final int CHUNK_ROWS = 300;
  private static final CpuBackend BACKEND = new CpuBackend(16);
  private static final DeviceRuntime.Config CONFIG =
      new DeviceRuntime.Config(64 << 20, 1 << 20, 32 << 20, 16);

  private BufferAllocator allocator;
  private MorselScheduler scheduler;
  private DeviceRuntime device;
  private Table table;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    scheduler = new MorselScheduler(2);
    device = new DeviceRuntime("ptx-sim", new SimDevice(SimLaunch.Options.sequential()), CONFIG);
    table = KernelStepFixtures.table(allocator, ROWS, CHUNK_ROWS);
  }

  @AfterEach
  void tearDown() {
    device.close();
    table.close();
    scheduler.close();
    allocator.close();
  }

  private ExecutionContext context(DeviceRuntime runtime) {
    return new ExecutionContext(
        new Object[0], allocator, BACKEND, scheduler, Map.of(), null, 0, runtime);
  }

  private static KernelProgram.InputColumn input(DataType type, boolean nullable) {
    return new KernelProgram.InputColumn(type, nullable);
  }

  private KernelStep groupedSums(String name) {
    return groupedSums(name, new ScanStep(table));
  }

  /** Returns a step grouping {@code source}'s column 1 and summing its column 0. */
  private KernelStep groupedSums(String name, ExecutionStep source) {
    Expr grp = new InputRef(0, DataType.INTEGER, true);
    Expr id = new InputRef(1, DataType.BIGINT, false);
    AggregateSink sink =
        new AggregateSink(
            List.of(grp),
            List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, id, DataType.BIGINT),
                new AggregateCall(AggregateFunction.MIN, id, DataType.BIGINT)));
    KernelProgram program =
        new KernelProgram(
            name,
            List.of(input(DataType.INTEGER, true), input(DataType.BIGINT, false)),
            List.of(),
            0,
            null,
            sink);
    List<BatchColumn> outputs =
        List.of(
            new BatchColumn("grp", DataType.INTEGER, true, null),
            new BatchColumn("n", DataType.BIGINT, false, null),
            new BatchColumn("total", DataType.BIGINT, true, null),
            new BatchColumn("low", DataType.BIGINT, true, null));
    return new KernelStep(
        source, new int[] {1, 0}, BACKEND.compile(program), outputs, List.of(), null);
  }

  private List<String> cpuRows(KernelStep step) {
    try (ExecutionContext context = context(null);
        Batch result = step.execute(context)) {
      return KernelStepFixtures.sortedRows(result);
    }
  }

  @Test
  void joinTooLargeRunsInPartitions() {
    // Buffers above 6,000 bytes fail: the build side's 1,000-row table needs 16 KiB of slot keys,
    // a quarter of it 4 KiB, while every other buffer of the run stays below the cap.
    DeviceRuntime.Config config = new DeviceRuntime.Config(64 << 20, 1024, 32 << 20, 16);
    try (Table probeTable = KernelStepFixtures.table(allocator, 200, 64);
        DeviceRuntime capped =
            new DeviceRuntime(
                "ptx-sim",
                new CappedAllocations(new SimDevice(SimLaunch.Options.sequential()), 6000),
                config)) {
      KernelStep step = leftJoinOnSevenTimesId(probeTable);
      ExecutionContext context = context(capped);

      List<String> actual;
      try (Batch result = step.execute(context)) {
        actual = KernelStepFixtures.sortedRows(result);
      }

      assertThat(actual).hasSize(200).isEqualTo(cpuRows(step));
      // 57 probe rows find no build row, and 15 find one whose grp is NULL.
      assertThat(actual).filteredOn(row -> row.endsWith("|null|")).hasSize(72);
      assertThat(capped.cpuFallbacks()).isZero();
      assertThat(capped.devicePipelines()).isEqualTo(1);
    }
  }

  /**
   * Returns a step that probes this test's 1,000-row table with {@code id * 7} of {@code probe}'s
   * rows in a LEFT join, emitting the probe's id and the build row's {@code grp}.
   */
  private KernelStep leftJoinOnSevenTimesId(Table probe) {
    Expr id = new InputRef(0, DataType.BIGINT, false);
    Expr key = Call.of(Operator.TIMES, DataType.BIGINT, id, new Literal(7L, DataType.BIGINT));
    List<KernelProgram.InputColumn> buildColumns =
        List.of(
            input(DataType.BIGINT, false),
            input(DataType.INTEGER, true),
            input(DataType.VARCHAR, false));
    ProbeStage stage = new ProbeStage(0, List.of(key), JoinKind.LEFT, buildColumns, null, null);
    KernelProgram program =
        new KernelProgram(
            "left_join",
            List.of(input(DataType.BIGINT, false)),
            List.of(),
            0,
            null,
            List.of(stage),
            new MaterializeSink(List.of(id, new BuildRef(0, 1, DataType.INTEGER, true))));
    List<BatchColumn> outputs =
        List.of(
            new BatchColumn("id", DataType.BIGINT, false, null),
            new BatchColumn("grp", DataType.INTEGER, true, null));
    HashBuildStep build = new HashBuildStep(new ScanStep(table), new int[] {0});
    return new KernelStep(
        new ScanStep(probe),
        new int[] {0},
        BACKEND.compile(program),
        outputs,
        List.of(),
        null,
        List.of(build));
  }

  @Test
  void aggregateOnDeviceMatchesCpu() {
    KernelStep step = groupedSums("grouped");
    ExecutionContext context = context(device);

    List<String> actual;
    try (Batch result = step.execute(context)) {
      assertThat(result.chunks()).hasSize(1);
      actual = KernelStepFixtures.sortedRows(result);
    }

    assertThat(actual).hasSize(8).isEqualTo(cpuRows(step));
    assertThat(context.deviceUsage().devicePipelines()).isEqualTo(1);
    assertThat(context.deviceUsage().fallbacks()).isEmpty();
    assertThat(device.pool().allocatedBytes())
        .as("device memory left after the query: only resident chunks")
        .isEqualTo(device.residency().stats().residentBytes());
  }

  @Test
  void materializeOnDeviceKeepsDictionary() {
    KernelStep step = KernelStepFixtures.everyHundredthRow(table, BACKEND);

    Map<Long, String> names = new TreeMap<>();
    try (Batch result = step.execute(context(device))) {
      for (BatchChunk chunk : result.chunks()) {
        BigIntVector ids = (BigIntVector) chunk.vectors().get(0);
        IntVector codes = (IntVector) chunk.vectors().get(1);
        for (int row = 0; row < chunk.rowCount(); row++) {
          names.put(ids.get(row), result.columns().get(1).dictionary().value(codes.get(row)));
        }
      }
    }

    assertThat(names.keySet())
        .containsExactly(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L);
    assertThat(names.get(100L)).isEqualTo("name1");
  }

  @Test
  void secondRunReadsResidentChunks() {
    KernelStep step = groupedSums("resident");
    step.execute(context(device)).close();
    long uploads = device.residency().stats().uploads();

    step.execute(context(device)).close();

    assertThat(uploads).as("uploads of 4 chunks of 2 columns").isEqualTo(8);
    assertThat(device.residency().stats().uploads()).isEqualTo(uploads);
    assertThat(device.residency().stats().hits()).isEqualTo(8);
    assertThat(device.modules().moduleLoads()).isEqualTo(1);
  }

  @Test
  void kernelErrorOnDeviceBecomesWarpException() {
    KernelStep step = KernelStepFixtures.oneDividedById(table, BACKEND);
    long tableMemory = allocator.getAllocatedMemory();

    assertThatThrownBy(() -> step.execute(context(device)))
        .isInstanceOf(WarpException.class)
        .hasMessageContaining("run on ptx-sim")
        .extracting(e -> ((WarpException) e).code())
        .isEqualTo(ErrorCode.DIVISION_BY_ZERO);
    assertThat(allocator.getAllocatedMemory()).isEqualTo(tableMemory);
    assertThat(device.pool().allocatedBytes())
        .isEqualTo(device.residency().stats().residentBytes());
  }

  @Test
  void rejectedProgramFallsBackVisibly() {
    List<Expr> keys = new ArrayList<>();
    List<KernelProgram.InputColumn> inputs = new ArrayList<>();
    int[] columns = new int[33];
    for (int k = 0; k < columns.length; k++) {
      keys.add(new InputRef(k, DataType.BIGINT, false));
      inputs.add(input(DataType.BIGINT, false));
    }
    AggregateSink sink =
        new AggregateSink(
            keys, List.of(new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT)));
    KernelProgram program = new KernelProgram("wide", inputs, List.of(), 0, null, sink);
    List<BatchColumn> outputs = new ArrayList<>();
    for (int k = 0; k < columns.length; k++) {
      outputs.add(new BatchColumn("k" + k, DataType.BIGINT, false, null));
    }
    outputs.add(new BatchColumn("n", DataType.BIGINT, false, null));
    KernelStep step =
        new KernelStep(
            new ScanStep(table), columns, BACKEND.compile(program), outputs, List.of(), null);
    ExecutionContext context = context(device);

    try (Batch result = step.execute(context)) {
      assertThat(result.rowCount()).isEqualTo(ROWS);
    }

    assertThat(context.deviceUsage().devicePipelines()).isZero();
    assertThat(context.deviceUsage().fallbacks())
        .singleElement()
        .asString()
        .startsWith("wide (the PTX emitter rejected it");
    assertThat(device.cpuFallbacks()).isEqualTo(1);
  }

  @Test
  void outOfDeviceMemoryFallsBackToCpu() {
    DeviceRuntime tiny =
        new DeviceRuntime(
            "ptx-sim",
            new SimDevice(SimLaunch.Options.sequential(), 2048),
            new DeviceRuntime.Config(2048, 1024, 1024, 4));
    try {
      KernelStep step = groupedSums("big");
      ExecutionContext context = context(tiny);

      List<String> actual;
      try (Batch result = step.execute(context)) {
        actual = KernelStepFixtures.sortedRows(result);
      }

      assertThat(actual).isEqualTo(cpuRows(step));
      assertThat(context.deviceUsage().fallbacks())
          .singleElement()
          .asString()
          .contains("out of device memory");
      assertThat(tiny.pool().allocatedBytes()).isEqualTo(tiny.residency().stats().residentBytes());
    } finally {
      tiny.close();
    }
  }

  @Test
  void wrongZoneMapFallsBackToCpu() {
    KernelStep step = groupedSums("misleading", new MisleadingZoneMaps(allocator));
    ExecutionContext context = context(device);

    List<String> actual;
    try (Batch result = step.execute(context)) {
      actual = KernelStepFixtures.sortedRows(result);
    }

    assertThat(actual).hasSize(MisleadingZoneMaps.ROWS);
    assertThat(actual).isEqualTo(cpuRows(step));
    assertThat(context.deviceUsage().fallbacks())
        .singleElement()
        .asString()
        .contains("device group table overflowed");
  }

  /**
   * A source of one chunk whose {@code grp} column has a distinct value per row, while its zone map
   * claims that every value is 0, so the device sizes its group table for 2 groups.
   */
  private static final class MisleadingZoneMaps implements ExecutionStep {
    static final int ROWS = 1000;

    private final BufferAllocator allocator;

    MisleadingZoneMaps(BufferAllocator allocator) {
      this.allocator = allocator;
    }

    @Override
    public Batch execute(ExecutionContext context) {
      BigIntVector ids = new BigIntVector("id", allocator);
      IntVector groups = new IntVector("grp", allocator);
      ids.allocateNew(ROWS);
      groups.allocateNew(ROWS);
      for (int row = 0; row < ROWS; row++) {
        ids.set(row, row);
        groups.set(row, row);
      }
      ids.setValueCount(ROWS);
      groups.setValueCount(ROWS);
      List<ZoneMap> zoneMaps =
          List.of(new ZoneMap(0, true, 0, ROWS - 1, 0, 0), new ZoneMap(0, true, 0, 0, 0, 0));
      List<BatchColumn> columns =
          List.of(
              new BatchColumn("id", DataType.BIGINT, false, null),
              new BatchColumn("grp", DataType.INTEGER, true, null));
      return new Batch(
          columns, List.of(new BatchChunk(ROWS, List.of(ids, groups), zoneMaps)), true);
    }

    @Override
    public String describe() {
      return "misleading zone maps";
    }
  }
}
