package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.arrow.ArrowColumns;
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
 * A materializing kernel over several chunks of different sizes in one launch, through {@link
 * DeviceKernelRunner} on the PTX interpreter: every row of every chunk comes out once.
 */
class DeviceMaterializeTest {
  private RootAllocator allocator;
  private SimRuntime runtime;

  @BeforeEach
  void openDevice() {
    allocator = new RootAllocator();
    runtime = new SimRuntime(SimLaunch.Options.interleaved(7, 40), 8);
  }

  @AfterEach
  void closeDevice() {
    runtime.close();
    allocator.close();
  }

  @Test
  void batchOfChunksEmitsEveryRow() throws Exception {
    KernelProgram program =
        new KernelProgram(
            "copy_rows",
            List.of(new InputColumn(DataType.BIGINT, true)),
            List.of(),
            0,
            null,
            new MaterializeSink(List.of(new InputRef(0, DataType.BIGINT, true))));
    int[] rows = {300, 17, 0, 129};
    List<AutoCloseable> resources = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    List<FieldVector> outputs = new ArrayList<>();
    outputs.add(ArrowColumns.createVector("out0", DataType.BIGINT, true, 0, allocator));
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
                null)) {
      try {
        List<List<DeviceColumn>> chunks = new ArrayList<>();
        for (int c = 0; c < rows.length; c++) {
          FieldVector values = column(c, rows[c], expected);
          resources.add(values);
          ColumnUpload upload =
              ColumnUpload.upload(
                  runtime.device(), memory, "in0", values, DataType.BIGINT, true, rows[c]);
          resources.add(upload);
          chunks.add(List.of(upload.column()));
        }

        int count = runner.materialize(chunks, rows, outputs);

        assertThat(count).isEqualTo(Arrays.stream(rows).sum());
        List<Object> values = new ArrayList<>();
        SimVectors.rows(outputs).forEach(row -> values.add(row.get(0)));
        assertThat(values).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(runner.launches()).isEqualTo(1);
      } finally {
        for (int i = resources.size() - 1; i >= 0; i--) {
          resources.get(i).close();
        }
      }
    } finally {
      outputs.forEach(FieldVector::close);
    }
  }

  /** Returns chunk {@code c}'s values, every seventh NULL, and adds them to {@code expected}. */
  private FieldVector column(int c, int rows, List<Object> expected) {
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      values.add(row % 7 == 3 ? null : c * 1_000_000L + row);
    }
    expected.addAll(values);
    return SimDataSets.vector("in0", DataType.BIGINT, values, allocator);
  }
}
