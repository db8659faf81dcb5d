package dev.warpsql.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ptxsim.SimDevice;
import dev.warpsql.kernels.ptxsim.SimLaunch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ORDER BY on the simulated device: the CPU's rows and order, and when the device sorts. */
class SortStepDeviceTest {
  private static final CpuBackend BACKEND = new CpuBackend(16);
  private static final DeviceRuntime.Config SORT_EVERY_INPUT =
      new DeviceRuntime.Config(64 << 20, 1 << 20, 32 << 20, 16, 1);

  private BufferAllocator allocator;
  private MorselScheduler scheduler;
  private CappedAllocations counting;
  private DeviceRuntime device;
  private Table table;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    scheduler = new MorselScheduler(2);
    counting = new CappedAllocations(new SimDevice(SimLaunch.Options.sequential()), Long.MAX_VALUE);
    device = new DeviceRuntime("ptx-sim", counting, SORT_EVERY_INPUT);
    table = KernelStepFixtures.table(allocator, 1000, 300);
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

  private static List<BatchColumn> tableColumns() {
    return List.of(
        new BatchColumn("id", DataType.BIGINT, false, null),
        new BatchColumn("grp", DataType.INTEGER, true, null),
        new BatchColumn("name", DataType.VARCHAR, false, new StringDictionary()));
  }

  /** ORDER BY name DESC, grp NULLS FIRST, id DESC over the whole table. */
  private SortStep sortTable(SortStep.RowCount offset, SortStep.RowCount fetch) {
    return new SortStep(
        new ScanStep(table),
        tableColumns(),
        List.of(
            new SortStep.SortKey(2, true, false),
            new SortStep.SortKey(1, false, true),
            new SortStep.SortKey(0, true, false)),
        offset,
        fetch);
  }

  /** Returns the rows of a batch in its order, one text per row. */
  private static List<String> orderedRows(Batch batch) {
    List<String> rows = new ArrayList<>();
    for (BatchChunk chunk : batch.chunks()) {
      for (int row = 0; row < chunk.rowCount(); row++) {
        StringBuilder text = new StringBuilder();
        for (FieldVector vector : chunk.vectors()) {
          text.append(vector.getObject(row)).append('|');
        }
        rows.add(text.toString());
      }
    }
    return rows;
  }

  private List<String> run(ExecutionStep step, DeviceRuntime runtime) {
    try (ExecutionContext context = context(runtime);
        Batch batch = step.execute(context)) {
      return orderedRows(batch);
    }
  }

  @Test
  void deviceOrderMatchesCpu() {
    SortStep sort = sortTable(SortStep.RowCount.NONE, SortStep.RowCount.NONE);
    List<String> expected = run(sort, null);

    try (ExecutionContext context = context(device);
        Batch batch = sort.execute(context)) {
      assertThat(orderedRows(batch)).containsExactlyElementsOf(expected);
      assertThat(context.deviceUsage().deviceSorts()).isEqualTo(1);
      assertThat(context.deviceUsage().fallbacks()).isEmpty();
    }
    assertThat(expected).hasSize(1000);
    assertThat(expected.get(0)).as("name2 (code 2), NULL grp, largest id").isEqualTo("980|null|2|");
  }

  @Test
  void offsetAndFetchOnDevice() {
    SortStep sort = sortTable(SortStep.RowCount.constant(295), SortStep.RowCount.constant(10));
    List<String> expected = run(sort, null);

    assertThat(run(sort, device)).containsExactlyElementsOf(expected);
    assertThat(expected).hasSize(10);
    assertThat(device.deviceSorts()).isEqualTo(1);
  }

  @Test
  void offsetPastTheRowsReturnsNone() {
    SortStep sort = sortTable(SortStep.RowCount.constant(5000), SortStep.RowCount.NONE);

    assertThat(run(sort, device)).isEmpty();
    assertThat(device.deviceSorts()).isZero();
  }

  @Test
  void fewRowsSortOnCpu() {
    DeviceRuntime.Config config = SORT_EVERY_INPUT.withSortMinRows(1001);
    try (DeviceRuntime small =
        new DeviceRuntime("ptx-sim", new SimDevice(SimLaunch.Options.sequential()), config)) {
      SortStep sort = sortTable(SortStep.RowCount.NONE, SortStep.RowCount.NONE);

      assertThat(run(sort, small)).containsExactlyElementsOf(run(sort, null));
      assertThat(small.deviceSorts()).isZero();
      assertThat(small.cpuFallbacks()).isZero();
    }
  }

  @Test
  void noRoomFallsBackToCpu() {
    DeviceRuntime.Config config = new DeviceRuntime.Config(16 << 10, 1 << 10, 8 << 10, 16, 1);
    try (DeviceRuntime cramped =
        new DeviceRuntime("ptx-sim", new SimDevice(SimLaunch.Options.sequential()), config)) {
      SortStep sort = sortTable(SortStep.RowCount.NONE, SortStep.RowCount.NONE);

      assertThat(run(sort, cramped)).containsExactlyElementsOf(run(sort, null));
      assertThat(cramped.deviceSorts()).isZero();
      assertThat(cramped.cpuFallbacks()).isEqualTo(1);
      assertThat(cramped.recentFallbacks().get(0)).startsWith("sort: out of device memory");
    }
  }

  /**
   * A projection over a sort with FETCH, which Calcite keeps above the sort, runs on the CPU: a
   * device materializes rows in no particular order, which threads interleaved at random expose.
   */
  @Test
  void projectionAfterSortKeepsOrder() {
    Expr id = new InputRef(0, DataType.BIGINT, false);
    Expr shifted =
        Call.of(Operator.PLUS, DataType.BIGINT, id, new Literal(1_000L, DataType.BIGINT));
    KernelProgram program =
        new KernelProgram(
            "project_sorted",
            List.of(new KernelProgram.InputColumn(DataType.BIGINT, false)),
            List.of(),
            0,
            null,
            new MaterializeSink(List.of(shifted)));
    SortStep sort = sortTable(SortStep.RowCount.constant(100), SortStep.RowCount.constant(300));
    KernelStep project =
        new KernelStep(
            sort,
            new int[] {0},
            BACKEND.compile(program),
            List.of(new BatchColumn("shifted", DataType.BIGINT, false, null)),
            List.of(),
            null);
    List<String> expected = run(project, null);

    try (DeviceRuntime interleaved =
        new DeviceRuntime(
            "ptx-sim", new SimDevice(SimLaunch.Options.interleaved(3, 4)), SORT_EVERY_INPUT)) {
      assertThat(run(project, interleaved)).containsExactlyElementsOf(expected);
      assertThat(interleaved.deviceSorts()).isEqualTo(1);
      assertThat(interleaved.devicePipelines()).isZero();
      assertThat(interleaved.cpuFallbacks()).isZero();
    }
    assertThat(expected).hasSize(300);
    assertThat(KernelStep.keepsOrderOf(sort, program)).isTrue();
  }

  /**
   * A sort of a device pipeline's output reads the pipeline's device copies: a second run copies to
   * the device only the NULL bitmap of {@code grp} (63 bytes), where sorting host rows would copy
   * both keys (6,000 bytes of values).
   */
  @Test
  void sortReadsPipelineCopies() {
    KernelStep oddRows = KernelStepFixtures.oddRows(table, BACKEND);
    List<BatchColumn> outputs =
        List.of(
            new BatchColumn("id", DataType.BIGINT, false, null),
            new BatchColumn("grp", DataType.INTEGER, true, null));
    SortStep sort =
        new SortStep(
            oddRows,
            outputs,
            List.of(new SortStep.SortKey(1, true, false), new SortStep.SortKey(0, false, false)),
            SortStep.RowCount.NONE,
            SortStep.RowCount.NONE);
    List<String> expected = run(sort, null);
    assertThat(run(sort, device)).containsExactlyElementsOf(expected);

    long before = counting.bytesToDevice();
    assertThat(run(sort, device)).containsExactlyElementsOf(expected);

    assertThat(counting.bytesToDevice() - before).isLessThan(1000);
    assertThat(device.deviceSorts()).isEqualTo(2);
    assertThat(device.cpuFallbacks()).isZero();
  }
}
