package dev.warpsql.kernels.ptx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.cpu.AggregationTable;
import dev.warpsql.kernels.cpu.JoinBuildSide;
import dev.warpsql.kernels.cuda.ColumnUpload;
import dev.warpsql.kernels.cuda.DeviceColumn;
import dev.warpsql.kernels.cuda.DeviceKernelRunner;
import dev.warpsql.kernels.cuda.DeviceMemoryOwner;
import dev.warpsql.kernels.cuda.JoinPass;
import dev.warpsql.kernels.cuda.LoadedKernel;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ptxsim.SimCpuReference;
import dev.warpsql.kernels.ptxsim.SimDataSets;
import dev.warpsql.kernels.ptxsim.SimDifferential;
import dev.warpsql.kernels.ptxsim.SimKernelHarness;
import dev.warpsql.kernels.ptxsim.SimKernelInputs;
import dev.warpsql.kernels.ptxsim.SimKernelResult;
import dev.warpsql.kernels.ptxsim.SimLaunch;
import dev.warpsql.kernels.ptxsim.SimRuntime;
import dev.warpsql.kernels.ptxsim.SimVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every program of the PTX test catalogues runs through the GPU runtime (memory pool, module cache
 * and {@link DeviceKernelRunner}) on the simulated device, and must return the CPU backend's rows.
 * Unlike {@link PtxSimDifferentialTest}, whose harness builds hash tables and decodes results from
 * the ABI alone, this runs the runtime's own layout code: the CPU join table's slots, the packed
 * parameters and the decoding into aggregation tables.
 */
class PtxRuntimeDifferentialTest {
  private static final SimKernelHarness.Shape SHAPE =
      new SimKernelHarness.Shape(1, 256, SimLaunch.Options.sequential());

  private RootAllocator allocator;
  private SimRuntime runtime;

  @BeforeEach
  void openDevice() {
    allocator = new RootAllocator();
    runtime = new SimRuntime(SimLaunch.Options.sequential(), 64);
  }

  @AfterEach
  void closeDevice() {
    runtime.close();
    allocator.close();
  }

  static Stream<PtxTestPrograms.Case> catalogue() {
    return PtxTestPrograms.all().stream();
  }

  static Stream<PtxTestPrograms.Case> joins() {
    return catalogue().filter(testCase -> !testCase.program().probes().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void runtimeMatchesCpu(PtxTestPrograms.Case testCase) {
    assertDeviceMatchesCpu(testCase, 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("joins")
  void partitionedJoinMatchesCpu(PtxTestPrograms.Case testCase) {
    assertDeviceMatchesCpu(testCase, 2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void oneBlockLoopsOverEveryRow(PtxTestPrograms.Case testCase) {
    runtime.device().limitGrid(1);
    assertDeviceMatchesCpu(testCase, 0);
  }

  /**
   * Runs a catalogue program on generated data on the CPU and through the runtime, in {@code
   * 2^bits} passes over partitions of its first build side, and compares the rows.
   */
  private void assertDeviceMatchesCpu(PtxTestPrograms.Case testCase, int bits) {
    assumeFalse(
        testCase.name().equals("LEFT join reading every build type"),
        "the CPU backend cannot compile LEFT joins reading TINYINT or SMALLINT build columns");
    KernelProgram program = testCase.program();
    boolean joins = !program.probes().isEmpty();
    SimDataSets.Profile profile = joins ? SimDataSets.Profile.SMALL : SimDataSets.Profile.MODERATE;
    SimKernelInputs inputs =
        SimDataSets.generate(
            program, joins ? 400 : 1000, profile, testCase.name().hashCode(), allocator);
    SimKernelInputs clean = inputs;
    try {
      Map<Integer, KernelErrorCode> rowErrors =
          SimCpuReference.rowErrors(program, inputs, allocator);
      clean = SimDataSets.withoutRows(program, inputs, rowErrors.keySet(), allocator);
      SimKernelResult cpu = SimCpuReference.run(program, clean, allocator);
      assumeFalse(cpu.errorCode() != 0, "the CPU backend raises " + cpu.errorCode());

      List<List<Object>> rows = runOnDevice(program, clean, bits);

      SimDifferential.assertSameRows(program, cpu.rows(), rows, SHAPE);
    } finally {
      if (clean != inputs) {
        SimDataSets.closeColumns(clean);
      }
      SimDataSets.close(inputs);
    }
  }

  @Test
  void dataErrorRaisesCpuError() {
    PtxTestPrograms.Case division =
        PtxTestPrograms.arithmetic().stream()
            .filter(c -> c.name().equals("DIVIDE"))
            .findFirst()
            .orElseThrow();
    KernelProgram program = division.program();
    SimKernelInputs inputs =
        SimDataSets.generate(program, 2000, SimDataSets.Profile.EDGES, 7, allocator);
    try {
      Map<Integer, KernelErrorCode> rowErrors =
          SimCpuReference.rowErrors(program, inputs, allocator);
      assertThat(rowErrors).as("rows of %s that raise", division.name()).isNotEmpty();

      KernelException error =
          catchThrowableOfType(KernelException.class, () -> runOnDevice(program, inputs));

      assertThat(error).as("error of %s on the device", division.name()).isNotNull();
      assertThat(rowErrors.values()).contains(error.code());
      assertThat(error.getMessage()).contains("run on ptx-sim");
    } finally {
      SimDataSets.close(inputs);
    }
  }

  /** Runs the program through the runtime and returns its rows as the harness decodes them. */
  private List<List<Object>> runOnDevice(KernelProgram program, SimKernelInputs inputs) {
    return runOnDevice(program, inputs, 0);
  }

  /**
   * Runs the program through the runtime, in {@code 2^bits} passes over partitions of the first
   * probe stage's build side when {@code bits} is positive, and returns the rows of all passes.
   */
  private List<List<Object>> runOnDevice(KernelProgram program, SimKernelInputs inputs, int bits) {
    List<AutoCloseable> resources = new ArrayList<>();
    JoinBuildSide[] sides = new JoinBuildSide[program.probes().size()];
    if (inputs.buildSides() != null) {
      sides = new JoinBuildSide[inputs.buildSides().length];
      for (int i = 0; i < sides.length; i++) {
        SimKernelInputs.BuildSide side = inputs.buildSides()[i];
        if (side != null) {
          sides[i] = JoinBuildSide.of(side.keyColumns(), side.keyTypes(), side.payload());
          resources.add(sides[i]);
        }
      }
    }
    int table = bits == 0 ? -1 : program.probes().get(0).table();
    List<JoinBuildSide> partitions = table < 0 ? null : partitions(sides[table], bits, resources);
    try (DeviceMemoryOwner memory = runtime.pool().newOwner(program.name());
        LoadedKernel kernel = runtime.modules().acquire(program)) {
      List<AutoCloseable> uploads = new ArrayList<>();
      try {
        return runPasses(program, inputs, memory, kernel, uploads, sides, table, bits, partitions);
      } finally {
        closeAll(uploads);
      }
    } finally {
      closeAll(resources);
    }
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Uploads the inputs into {@code resources} and runs every pass. */
  private List<List<Object>> runPasses(
      KernelProgram program,
      SimKernelInputs inputs,
      DeviceMemoryOwner memory,
      LoadedKernel kernel,
      List<AutoCloseable> resources,
      JoinBuildSide[] sides,
      int table,
      int bits,
      List<JoinBuildSide> partitions) {
    List<DeviceColumn> columns = new ArrayList<>();
    for (int i = 0; i < program.inputs().size(); i++) {
      KernelProgram.InputColumn input = program.inputs().get(i);
      ColumnUpload upload =
          ColumnUpload.upload(
              runtime.device(),
              memory,
              "in" + i,
              inputs.columns().get(i),
              input.type(),
              input.nullable(),
              inputs.rowCount());
      resources.add(upload);
      columns.add(upload.column());
    }
    AggregationTable groups = null;
    if (program.sink() instanceof AggregateSink sink) {
      groups = new AggregationTable(sink);
      resources.add(groups);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int pass = 0; pass < 1 << bits; pass++) {
      JoinBuildSide[] passSides = sides;
      JoinPass joinPass = JoinPass.WHOLE;
      if (partitions != null) {
        passSides = sides.clone();
        passSides[table] = partitions.get(pass);
        joinPass = JoinPass.of(table, bits, pass);
      }
      try (DeviceKernelRunner runner =
          new DeviceKernelRunner(
              runtime.device(),
              memory,
              runtime.modules(),
              kernel,
              program,
              "ptx-sim",
              inputs.params(),
              inputs.lookups(),
              passSides,
              joinPass,
              List.of())) {
        if (groups == null) {
          rows.addAll(
              materialize(runner, (MaterializeSink) program.sink(), columns, inputs.rowCount()));
        } else {
          runner.aggregate(columns, inputs.rowCount(), groups);
          runner.finishAggregate(groups);
        }
      }
    }
    return groups == null ? rows : groupRows(groups);
  }

  /** Splits a build side by {@link JoinBuildSide#partitions}, leaving out rows with NULL keys. */
  private List<JoinBuildSide> partitions(
      JoinBuildSide side, int bits, List<AutoCloseable> resources) {
    int[] partitionOf = side.partitions(bits);
    List<JoinBuildSide> partitions = new ArrayList<>();
    for (int partition = 0; partition < 1 << bits; partition++) {
      List<Integer> rows = new ArrayList<>();
      for (int row = 0; row < partitionOf.length; row++) {
        if (partitionOf[row] == partition) {
          rows.add(row);
        }
      }
      List<FieldVector> payload = new ArrayList<>();
      for (FieldVector column : side.payload()) {
        payload.add(gather(column, rows, resources));
      }
      List<FieldVector> keys = new ArrayList<>();
      for (FieldVector key : side.keyColumns()) {
        int index = -1;
        for (int c = 0; c < side.payload().size(); c++) {
          if (side.payload().get(c) == key) {
            index = c;
          }
        }
        keys.add(index >= 0 ? payload.get(index) : gather(key, rows, resources));
      }
      JoinBuildSide part = JoinBuildSide.of(keys, side.keyTypes(), payload);
      resources.add(part);
      partitions.add(part);
    }
    return partitions;
  }

  private FieldVector gather(
      FieldVector source, List<Integer> rows, List<AutoCloseable> resources) {
    FieldVector target = source.getField().createVector(allocator);
    resources.add(target);
    target.setInitialCapacity(rows.size());
    target.allocateNew();
    for (int i = 0; i < rows.size(); i++) {
      target.copyFromSafe(rows.get(i), i, source);
    }
    target.setValueCount(rows.size());
    return target;
  }

  private List<List<Object>> materialize(
      DeviceKernelRunner runner, MaterializeSink sink, List<DeviceColumn> columns, int rows) {
    List<FieldVector> outputs = new ArrayList<>();
    for (int i = 0; i < sink.outputs().size(); i++) {
      Expr output = sink.outputs().get(i);
      outputs.add(ArrowColumns.createVector("out" + i, output.type(), true, 0, allocator));
    }
    try {
      runner.materialize(columns, rows, outputs);
      return SimVectors.rows(outputs);
    } finally {
      outputs.forEach(FieldVector::close);
    }
  }

  private List<List<Object>> groupRows(AggregationTable table) {
    AggregateSink sink = table.sink();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < sink.groupKeys().size() + sink.calls().size(); i++) {
      names.add("c" + i);
    }
    List<FieldVector> vectors = table.toVectors(allocator, names);
    try {
      return SimVectors.rows(vectors);
    } finally {
      vectors.forEach(FieldVector::close);
    }
  }
}
