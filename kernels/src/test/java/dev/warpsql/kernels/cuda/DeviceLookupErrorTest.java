package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.cpu.KernelArguments;
import dev.warpsql.kernels.cpu.LookupTable;
import dev.warpsql.kernels.cpu.MaterializeOutput;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ptxsim.SimDataSets;
import dev.warpsql.kernels.ptxsim.SimLaunch;
import dev.warpsql.kernels.ptxsim.SimRuntime;
import dev.warpsql.kernels.ptxsim.SimVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lookup table entry whose evaluation failed on the host, such as a string that does not convert
 * to a number, raises its error on the device when a row reads it, as on the CPU.
 */
class DeviceLookupErrorTest {
  private static final CpuBackend CPU = new CpuBackend(4);

  /** The error of code 1, which the kernel must raise as it is. */
  private static final RuntimeException CAST_FAILED =
      new IllegalArgumentException("cannot convert 'abc' to INTEGER");

  private static final KernelProgram PROGRAM =
      new KernelProgram(
          "cast_codes",
          List.of(new InputColumn(DataType.VARCHAR, true)),
          List.of(),
          1,
          null,
          new MaterializeSink(
              List.of(new CodeMap(new InputRef(0, DataType.VARCHAR, true), 0, DataType.INTEGER))));

  /** Codes 0, 1 and 2 convert to 1, an error and 42; code 3 is NULL without an error. */
  private static final LookupTable CASTS =
      LookupTable.ofLongs(new long[] {1, 0, 42, 0}, new boolean[] {false, true, false, true})
          .withErrors(new RuntimeException[] {null, CAST_FAILED, null, null});

  private RootAllocator allocator;
  private SimRuntime runtime;

  @BeforeEach
  void openDevice() {
    allocator = new RootAllocator();
    runtime = new SimRuntime(SimLaunch.Options.sequential(), 4);
  }

  @AfterEach
  void closeDevice() {
    runtime.close();
    allocator.close();
  }

  @Test
  void readingFailedEntryRaisesItsError() {
    List<Object> codes = Arrays.asList(0L, 2L, null, 1L, 3L, 0L);

    assertThat(catchThrowable(() -> runOnCpu(codes))).isSameAs(CAST_FAILED);
    assertThat(catchThrowable(() -> runOnDevice(codes))).isSameAs(CAST_FAILED);
  }

  @Test
  void rowsThatSkipFailedEntryConvert() {
    List<Object> codes = Arrays.asList(0L, 2L, null, 3L, 2L);

    List<List<Object>> device = runOnDevice(codes);

    assertThat(device).containsExactlyInAnyOrderElementsOf(runOnCpu(codes));
    assertThat(device).hasSize(5).contains(List.of(42L));
  }

  private List<List<Object>> runOnCpu(List<Object> codes) {
    try (FieldVector input = SimDataSets.vector("code", DataType.VARCHAR, codes, allocator);
        MaterializeOutput output = new MaterializeOutput(outputs())) {
      KernelArguments arguments =
          new KernelArguments(List.of(input), null, new LookupTable[] {CASTS});
      CPU.compile(PROGRAM).run(arguments, 0, codes.size(), output);
      List<FieldVector> finished = output.finish();
      try {
        return SimVectors.rows(finished);
      } finally {
        finished.forEach(FieldVector::close);
      }
    }
  }

  private List<List<Object>> runOnDevice(List<Object> codes) {
    List<FieldVector> outputs = outputs();
    try (FieldVector input = SimDataSets.vector("code", DataType.VARCHAR, codes, allocator);
        DeviceMemoryOwner memory = runtime.pool().newOwner(PROGRAM.name());
        LoadedKernel kernel = runtime.modules().acquire(PROGRAM);
        DeviceKernelRunner runner =
            new DeviceKernelRunner(
                runtime.device(),
                memory,
                runtime.modules(),
                kernel,
                PROGRAM,
                "ptx-sim",
                null,
                new LookupTable[] {CASTS},
                null);
        ColumnUpload upload =
            ColumnUpload.upload(
                runtime.device(), memory, "code", input, DataType.VARCHAR, true, codes.size())) {
      runner.materialize(List.of(upload.column()), codes.size(), outputs);
      return SimVectors.rows(outputs);
    } finally {
      outputs.forEach(FieldVector::close);
    }
  }

  private List<FieldVector> outputs() {
    List<FieldVector> outputs = new ArrayList<>();
    outputs.add(ArrowColumns.createVector("out0", DataType.INTEGER, true, 0, allocator));
    return outputs;
  }
}
