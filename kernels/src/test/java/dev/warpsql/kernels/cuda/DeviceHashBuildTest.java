package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.cpu.JoinBuildSide;
import dev.warpsql.kernels.cpu.JoinHashTable;
import dev.warpsql.kernels.cpu.KernelArguments;
import dev.warpsql.kernels.cpu.MaterializeOutput;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ptxsim.SimDataSets;
import dev.warpsql.kernels.ptxsim.SimLaunch;
import dev.warpsql.kernels.ptxsim.SimRuntime;
import dev.warpsql.kernels.ptxsim.SimVectors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Join hash tables built on the device by {@code PtxHashBuild}, through {@link DeviceKernelRunner}
 * on the PTX interpreter with threads interleaved, so that rows of one key race for its slot. The
 * table's arrays are checked against the CPU backend's table over the same rows, and probes of the
 * device table against the CPU kernel's output.
 */
class DeviceHashBuildTest {
  private static final CpuBackend CPU = new CpuBackend(16);

  private RootAllocator allocator;
  private SimRuntime runtime;
  private final List<FieldVector> vectors = new ArrayList<>();

  @BeforeEach
  void openDevice() {
    allocator = new RootAllocator();
    runtime = new SimRuntime(SimLaunch.Options.interleaved(13, 25), 8);
  }

  @AfterEach
  void closeDevice() {
    vectors.forEach(FieldVector::close);
    runtime.close();
    allocator.close();
  }

  /** Returns a nullable vector of {@code rows} values, closed after the test. */
  private FieldVector column(DataType type, int rows, IntFunction<Object> value) {
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      values.add(value.apply(row));
    }
    FieldVector vector = SimDataSets.vector("c" + vectors.size(), type, values, allocator);
    vectors.add(vector);
    return vector;
  }

  /** Returns the build rows' positions, as a BIGINT payload column. */
  private FieldVector rowNumbers(int rows) {
    return column(DataType.BIGINT, rows, row -> (long) row);
  }

  @Test
  void duplicateKeysShareOneSlot() {
    int rows = 300;
    FieldVector keys = column(DataType.BIGINT, rows, row -> row % 11 == 0 ? null : row % 37L);
    checkTable(List.of(keys), List.of(DataType.BIGINT), rows);
  }

  @Test
  void oneBlockBuildsEveryRow() {
    runtime.device().limitGrid(1);
    int rows = 700;
    FieldVector keys = column(DataType.BIGINT, rows, row -> row % 13 == 0 ? null : row % 301L);
    checkTable(List.of(keys), List.of(DataType.BIGINT), rows);
  }

  @Test
  void twoKeysStoreTheirHashes() {
    int rows = 240;
    FieldVector first = column(DataType.INTEGER, rows, row -> row % 13 == 0 ? null : row % 5L);
    FieldVector second = column(DataType.VARCHAR, rows, row -> row % 17 == 0 ? null : row % 7L);
    checkTable(List.of(first, second), List.of(DataType.INTEGER, DataType.VARCHAR), rows);
  }

  @Test
  void floatingKeysEncodeZeroesAndNanAsOne() {
    Double[] doubles = {0.0, -0.0, Double.NaN, -Double.NaN, 1.5, null, -2.25, 1.5};
    int rows = 160;
    FieldVector wide = column(DataType.DOUBLE, rows, row -> doubles[row % doubles.length]);
    checkTable(List.of(wide), List.of(DataType.DOUBLE), rows);
    FieldVector narrow = column(DataType.REAL, rows, row -> doubles[row % doubles.length]);
    checkTable(List.of(narrow), List.of(DataType.REAL), rows);
  }

  @Test
  void narrowKeysAreSignExtended() {
    int rows = 120;
    FieldVector flag = column(DataType.BOOLEAN, rows, row -> row % 9 == 0 ? null : row % 2 == 0);
    checkTable(List.of(flag), List.of(DataType.BOOLEAN), rows);
    FieldVector tiny = column(DataType.TINYINT, rows, row -> row % 7 - 3L);
    FieldVector small = column(DataType.SMALLINT, rows, row -> -30_000L + row % 4);
    checkTable(List.of(tiny, small), List.of(DataType.TINYINT, DataType.SMALLINT), rows);
    FieldVector days = column(DataType.DATE, rows, row -> -700L + row % 10);
    checkTable(List.of(days), List.of(DataType.DATE), rows);
  }

  @Test
  void emptyBuildSideMatchesNothing() {
    FieldVector keys = column(DataType.BIGINT, 0, row -> null);
    FieldVector probeKeys = column(DataType.BIGINT, 50, row -> (long) row);
    checkTable(List.of(keys), List.of(DataType.BIGINT), 0, List.of(probeKeys), true);
  }

  @Test
  void nullKeysSkippedDespiteNotNull() {
    int rows = 90;
    FieldVector keys = column(DataType.BIGINT, rows, row -> row % 3 == 0 ? null : row % 4L);
    FieldVector probeKeys = column(DataType.BIGINT, 10, row -> row % 5L);
    checkTable(List.of(keys), List.of(DataType.BIGINT), rows, List.of(probeKeys), false);
  }

  @Test
  void closedBuildSideIsRejectedBeforeTheBuild() {
    FieldVector keys = column(DataType.BIGINT, 4, row -> (long) row);
    List<FieldVector> payload = List.of(keys, rowNumbers(4));
    KernelProgram program = joinProgram(List.of(DataType.BIGINT), true);
    JoinBuildSide side = JoinBuildSide.of(List.of(keys), List.of(DataType.BIGINT), payload);
    side.close();
    try (DeviceMemoryOwner memory = runtime.pool().newOwner(program.name());
        LoadedKernel kernel = runtime.modules().acquire(program)) {
      assertThatThrownBy(
              () ->
                  new DeviceKernelRunner(
                      runtime.device(),
                      memory,
                      runtime.modules(),
                      kernel,
                      program,
                      "ptx-sim",
                      null,
                      null,
                      new JoinBuildSide[] {side}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("hash table #0 of probe stage 0 is closed");
    }
  }

  private void checkTable(List<FieldVector> keys, List<DataType> keyTypes, int rows) {
    checkTable(keys, keyTypes, rows, keys, true);
  }

  /**
   * Builds the device table over {@code keys} with a payload of row numbers, then checks its slots
   * and chains against the CPU table, and an INNER join probing it with {@code probeKeys} against
   * the CPU kernel.
   *
   * @param keysNullable whether the probe stage declares the key columns of the build nullable
   */
  private void checkTable(
      List<FieldVector> keys,
      List<DataType> keyTypes,
      int rows,
      List<FieldVector> probeKeys,
      boolean keysNullable) {
    List<FieldVector> payload = new ArrayList<>(keys);
    payload.add(rowNumbers(rows));
    KernelProgram program = joinProgram(keyTypes, keysNullable);
    try (JoinBuildSide side = JoinBuildSide.of(keys, keyTypes, payload);
        JoinHashTable cpuTable = JoinHashTable.build(keys, keyTypes, payload);
        DeviceMemoryOwner memory = runtime.pool().newOwner(program.name());
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
                new JoinBuildSide[] {side})) {
      DeviceKernelRunner.JoinTableCopy table = runner.copyJoinTable(0, keyTypes.size(), rows);
      checkSlots(table, cpuTable, keyTypes.size(), rows);
      assertThat(side.hasTable()).as("the device run needs no CPU table").isFalse();
      int probeRows = probeKeys.get(0).getValueCount();
      assertThat(probeOnDevice(runner, memory, program, probeKeys, probeRows))
          .as("INNER join over %s on the device", keyTypes)
          .containsExactlyInAnyOrderElementsOf(probeOnCpu(program, probeKeys, side, probeRows));
    }
  }

  /**
   * Returns a program that probes with its inputs as keys and emits the first key and build row.
   */
  private static KernelProgram joinProgram(List<DataType> keyTypes, boolean keysNullable) {
    List<InputColumn> inputs = new ArrayList<>();
    List<Expr> probeKeys = new ArrayList<>();
    List<InputColumn> buildColumns = new ArrayList<>();
    for (int k = 0; k < keyTypes.size(); k++) {
      inputs.add(new InputColumn(keyTypes.get(k), true));
      probeKeys.add(new InputRef(k, keyTypes.get(k), true));
      buildColumns.add(new InputColumn(keyTypes.get(k), keysNullable));
    }
    buildColumns.add(new InputColumn(DataType.BIGINT, false));
    ProbeStage probe = new ProbeStage(0, probeKeys, JoinKind.INNER, buildColumns, null, null);
    Expr buildRow = new BuildRef(0, keyTypes.size(), DataType.BIGINT, false);
    return new KernelProgram(
        "probe_device_table",
        inputs,
        List.of(),
        0,
        null,
        List.of(probe),
        new MaterializeSink(List.of(probeKeys.get(0), buildRow)));
  }

  /**
   * Checks that every occupied slot contains a distinct key whose chain has exactly the rows that
   * the CPU table has for it, and that the chains cover every row without a NULL key.
   */
  private static void checkSlots(
      DeviceKernelRunner.JoinTableCopy table, JoinHashTable cpuTable, int keyCount, int rows) {
    Set<List<Long>> slotKeys = new HashSet<>();
    int chained = 0;
    for (int slot = 0; slot < table.slotRows().length; slot++) {
      int first = table.slotRows()[slot];
      assertThat(first).as("slot %d", slot).isGreaterThanOrEqualTo(-1).isLessThan(rows);
      if (first < 0) {
        continue;
      }
      long[] keys = new long[keyCount];
      List<Long> keyList = new ArrayList<>();
      for (int k = 0; k < keyCount; k++) {
        keys[k] = table.slotKeys()[slot * keyCount + k];
        keyList.add(keys[k]);
      }
      assertThat(slotKeys.add(keyList)).as("key %s in a second slot", keyList).isTrue();
      Set<Integer> deviceChain = new HashSet<>();
      for (int row = first; row >= 0; row = table.next()[row]) {
        assertThat(deviceChain.add(row))
            .as("row %d twice in the chain of %s", row, keyList)
            .isTrue();
      }
      Set<Integer> cpuChain = new HashSet<>();
      int cpuFirst = keyCount == 1 ? cpuTable.find(keys[0]) : cpuTable.find(keys);
      for (int row = cpuFirst; row >= 0; row = cpuTable.next(row)) {
        cpuChain.add(row);
      }
      assertThat(deviceChain).as("rows of key %s", keyList).isEqualTo(cpuChain);
      chained += deviceChain.size();
    }
    assertThat(chained).as("rows in every chain").isEqualTo(cpuTable.rowCount());
  }

  /** Probes the device table with {@code keys} and returns the emitted rows. */
  private List<List<Object>> probeOnDevice(
      DeviceKernelRunner runner,
      DeviceMemoryOwner memory,
      KernelProgram program,
      List<FieldVector> keys,
      int rows) {
    if (rows == 0) {
      return List.of();
    }
    List<ColumnUpload> uploads = new ArrayList<>();
    List<DeviceColumn> columns = new ArrayList<>();
    List<FieldVector> outputs = outputVectors(program);
    try {
      for (int k = 0; k < keys.size(); k++) {
        ColumnUpload upload =
            ColumnUpload.upload(
                runtime.device(),
                memory,
                "key" + k,
                keys.get(k),
                program.inputs().get(k).type(),
                true,
                rows);
        uploads.add(upload);
        columns.add(upload.column());
      }
      runner.materialize(columns, rows, outputs);
      return SimVectors.rows(outputs);
    } finally {
      uploads.forEach(ColumnUpload::close);
      outputs.forEach(FieldVector::close);
    }
  }

  private List<List<Object>> probeOnCpu(
      KernelProgram program, List<FieldVector> keys, JoinBuildSide side, int rows) {
    List<FieldVector> outputs = outputVectors(program);
    try (MaterializeOutput output = new MaterializeOutput(outputs)) {
      KernelArguments arguments = new KernelArguments(keys, null, null, new JoinBuildSide[] {side});
      CPU.compile(program).run(arguments, 0, rows, output);
      List<FieldVector> finished = output.finish();
      try {
        return SimVectors.rows(finished);
      } finally {
        finished.forEach(FieldVector::close);
      }
    }
  }

  private List<FieldVector> outputVectors(KernelProgram program) {
    List<FieldVector> outputs = new ArrayList<>();
    for (Expr output : ((MaterializeSink) program.sink()).outputs()) {
      outputs.add(
          ArrowColumns.createVector("out" + outputs.size(), output.type(), true, 0, allocator));
    }
    return outputs;
  }
}
