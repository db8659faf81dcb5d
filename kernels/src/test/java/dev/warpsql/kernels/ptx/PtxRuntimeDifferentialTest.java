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

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void runtimeMatchesCpu(PtxTestPrograms.Case testCase) {
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

      List<List<Object>> rows = runOnDevice(program, clean);

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
    List<JoinBuildSide> tables = new ArrayList<>();
    JoinBuildSide[] hashTables = new JoinBuildSide[program.probes().size()];
    if (inputs.buildSides() != null) {
      hashTables = new JoinBuildSide[inputs.buildSides().length];
      for (int i = 0; i < hashTables.length; i++) {
        SimKernelInputs.BuildSide side = inputs.buildSides()[i];
        if (side != null) {
          hashTables[i] = JoinBuildSide.of(side.keyColumns(), side.keyTypes(), side.payload());
          tables.add(hashTables[i]);
        }
      }
    }
    try (DeviceMemoryOwner memory = runtime.pool().newOwner(program.name());
        LoadedKernel kernel = runtime.modules().acquire(program)) {
      List<ColumnUpload> uploads = new ArrayList<>();
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
        uploads.add(upload);
        columns.add(upload.column());
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
              hashTables)) {
        return program.sink() instanceof MaterializeSink sink
            ? materialize(runner, sink, columns, inputs.rowCount())
            : aggregate(runner, (AggregateSink) program.sink(), columns, inputs.rowCount());
      } finally {
        uploads.forEach(ColumnUpload::close);
      }
    } finally {
      tables.forEach(JoinBuildSide::close);
    }
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

  private List<List<Object>> aggregate(
      DeviceKernelRunner runner, AggregateSink sink, List<DeviceColumn> columns, int rows) {
    try (AggregationTable table = new AggregationTable(sink)) {
      runner.aggregate(columns, rows, table);
      runner.finishAggregate(table);
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
}
