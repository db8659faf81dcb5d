package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ptxsim.SimDevice;
import dev.warpsql.kernels.ptxsim.SimLaunch;
import dev.warpsql.kernels.ptxsim.SimVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
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
  private SimDevice device;
  private DeviceMemoryPool pool;
  private ModuleCache modules;

  @BeforeEach
  void openDevice() {
    allocator = new RootAllocator();
    device = new SimDevice(SimLaunch.Options.interleaved(7, 40));
    pool = new DeviceMemoryPool(device, 1 << 20, SimDevice.MEMORY_BYTES);
    modules = new ModuleCache(device, 8);
  }

  @AfterEach
  void closeDevice() {
    modules.close();
    pool.close();
    assertThat(device.allocatedBytes()).as("device memory after the pool closed").isZero();
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
    try (DeviceMemoryOwner memory = pool.newOwner(program.name());
        LoadedKernel kernel = modules.acquire(program);
        DeviceKernelRunner runner =
            new DeviceKernelRunner(device, memory, kernel, program, "ptx-sim", null, null, null)) {
      try {
        List<List<DeviceColumn>> chunks = new ArrayList<>();
        for (int c = 0; c < rows.length; c++) {
          BigIntVector values = column(c, rows[c], expected);
          resources.add(values);
          ColumnUpload upload =
              ColumnUpload.upload(device, memory, "in0", values, DataType.BIGINT, true, rows[c]);
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
  private BigIntVector column(int c, int rows, List<Object> expected) {
    BigIntVector vector = new BigIntVector("in0", allocator);
    vector.allocateNew(Math.max(rows, 1));
    for (int row = 0; row < rows; row++) {
      if (row % 7 == 3) {
        vector.setNull(row);
        expected.add(null);
      } else {
        long value = c * 1_000_000L + row;
        vector.set(row, value);
        expected.add(value);
      }
    }
    vector.setValueCount(rows);
    return vector;
  }
}
