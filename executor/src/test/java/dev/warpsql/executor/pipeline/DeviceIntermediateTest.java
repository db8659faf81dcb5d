package dev.warpsql.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ptxsim.SimDevice;
import dev.warpsql.kernels.ptxsim.SimLaunch;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pipelines on the simulated device whose input or build side is another device pipeline's output:
 * they read its device copies instead of copying its vectors from the host, and return the CPU
 * backend's rows.
 */
class DeviceIntermediateTest {
  private static final CpuBackend BACKEND = new CpuBackend(16);
  private static final DeviceRuntime.Config CONFIG =
      new DeviceRuntime.Config(64 << 20, 1 << 20, 32 << 20, 16);

  private BufferAllocator allocator;
  private MorselScheduler scheduler;
  private CappedAllocations counting;
  private DeviceRuntime device;
  private Table table;
  private Table probeTable;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    scheduler = new MorselScheduler(2);
    counting = new CappedAllocations(new SimDevice(SimLaunch.Options.sequential()), Long.MAX_VALUE);
    device = new DeviceRuntime("ptx-sim", counting, CONFIG);
    table = KernelStepFixtures.table(allocator, 1000, 300);
    probeTable = KernelStepFixtures.table(allocator, 400, 128);
  }

  @AfterEach
  void tearDown() {
    device.close();
    probeTable.close();
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

  private KernelStep oddRows() {
    return KernelStepFixtures.oddRows(table, BACKEND);
  }

  /**
   * Returns a step that probes the odd rows of the 1,000-row table with the probe table's ids in a
   * LEFT join, emitting the probe's id and the build row's {@code grp}.
   */
  private KernelStep probeOddRows() {
    Expr id = new InputRef(0, DataType.BIGINT, false);
    List<KernelProgram.InputColumn> buildColumns =
        List.of(input(DataType.BIGINT, false), input(DataType.INTEGER, true));
    ProbeStage stage = new ProbeStage(0, List.of(id), JoinKind.LEFT, buildColumns, null, null);
    KernelProgram program =
        new KernelProgram(
            "probe_odd_rows",
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
    HashBuildStep build = new HashBuildStep(oddRows(), new int[] {0});
    return new KernelStep(
        new ScanStep(probeTable),
        new int[] {0},
        BACKEND.compile(program),
        outputs,
        List.of(),
        null,
        List.of(build));
  }

  /** Returns a step that counts the odd rows by {@code grp} and sums their ids. */
  private KernelStep sumsOfOddRows() {
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
            "sums_of_odd_rows",
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
    return new KernelStep(
        oddRows(), new int[] {1, 0}, BACKEND.compile(program), outputs, List.of(), null);
  }

  private List<String> run(KernelStep step, DeviceRuntime runtime) {
    try (ExecutionContext context = context(runtime);
        Batch result = step.execute(context)) {
      if (runtime != null) {
        assertThat(context.deviceUsage().fallbacks()).isEmpty();
      }
      return KernelStepFixtures.sortedRows(result);
    }
  }

  @Test
  void buildSideFromDeviceOutputMatchesCpu() {
    KernelStep step = probeOddRows();

    List<String> actual = run(step, device);

    assertThat(actual).hasSize(400).isEqualTo(run(step, null));
    // Even probe ids find no odd build row, and no odd row has a NULL grp.
    assertThat(actual).filteredOn(row -> row.endsWith("|null|")).hasSize(200);
    assertThat(device.devicePipelines()).isEqualTo(2);
  }

  @Test
  void buildSideIsNotCopiedFromTheHost() {
    KernelStep step = probeOddRows();
    run(step, device);
    long firstRun = counting.bytesToDevice();

    run(step, device);
    long secondRun = counting.bytesToDevice() - firstRun;

    // The 500 odd rows' id and grp are 6,000 bytes. Table chunks stay resident after the first
    // run, so the second copies only launch metadata: chunk tables and the zeroed counters.
    assertThat(secondRun).as("bytes copied to the device by the second run").isLessThan(2000);
  }

  @Test
  void pipelineReadsDeviceOutputOfPreviousPipeline() {
    KernelStep step = sumsOfOddRows();
    run(step, device);
    long firstRun = counting.bytesToDevice();

    List<String> actual = run(step, device);
    long secondRun = counting.bytesToDevice() - firstRun;

    assertThat(actual).hasSize(7).isEqualTo(run(step, null));
    assertThat(secondRun).as("bytes copied to the device by the second run").isLessThan(2000);
  }

  @Test
  void deviceCopiesAreFreedWithTheirBatch() {
    KernelStep step = probeOddRows();

    run(step, device);

    assertThat(device.pool().allocatedBytes())
        .as("device memory left after the query: only resident chunks")
        .isEqualTo(device.residency().stats().residentBytes());
    assertThat(device.pool().openOwners())
        .extracting(owner -> owner.name())
        .noneMatch(name -> name.contains("device copy") || name.contains("build rows"));
  }
}
