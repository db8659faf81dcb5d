package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.sort.CodeRanks;
import dev.warpsql.executor.sort.SortKey;
import dev.warpsql.executor.storage.PhysicalValues;
import dev.warpsql.kernels.cuda.ColumnUpload;
import dev.warpsql.kernels.cuda.DeviceBuffer;
import dev.warpsql.kernels.cuda.DeviceCopies;
import dev.warpsql.kernels.cuda.DeviceException;
import dev.warpsql.kernels.cuda.DeviceMemoryOwner;
import dev.warpsql.kernels.cuda.DeviceSort;
import dev.warpsql.kernels.ir.TypeKind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;

/**
 * An ORDER BY run on the execution's device ({@link DeviceSort}), which returns the sorted rows
 * that the host then gathers from its vectors.
 *
 * <p>Key columns come from the device copies of the pipeline that produced the rows when it ran on
 * the device, joined within device memory, and from the host otherwise. A VARCHAR key also takes a
 * table of each dictionary code's rank in string order, made on the host.
 */
final class DeviceSortRun {
  private DeviceSortRun() {}

  /**
   * Returns the rows of {@code source} at sorted positions {@code offset} to {@code end}, or null
   * when the CPU sorts them: without a device or keys, below the device's {@link
   * DeviceRuntime#sortMinRows()}, or when the device has no room, which is recorded as a fallback.
   *
   * @param joined the host vectors that join {@code source}'s chunks, one per column, null for the
   *     columns that no key reads
   */
  static int[] sortedRows(
      ExecutionContext context,
      Batch source,
      List<FieldVector> joined,
      List<SortKey> keys,
      int offset,
      int end) {
    DeviceRuntime device = context.device();
    int rowCount = Math.toIntExact(source.rowCount());
    if (device == null || keys.isEmpty() || rowCount < device.sortMinRows()) {
      return null;
    }
    Set<Integer> keyColumns = new HashSet<>();
    keys.forEach(key -> keyColumns.add(key.column()));
    List<AutoCloseable> uploads = new ArrayList<>();
    try (DeviceMemoryOwner owner = device.pool().newOwner("sort");
        DeviceCopies copies =
            DeviceConcatenation.of(source, joined, "sort keys", keyColumns::contains)) {
      try {
        List<DeviceSort.Key> deviceKeys = new ArrayList<>();
        for (SortKey key : keys) {
          deviceKeys.add(deviceKey(device, owner, copies, joined, key, uploads));
        }
        int[] rows =
            DeviceSort.sortedRows(
                device.api(), device.modules(), owner, rowCount, deviceKeys, offset, end);
        context.deviceUsage().sortedOnDevice();
        device.recordDeviceSort();
        return rows;
      } finally {
        closeAll(uploads);
      }
    } catch (DeviceException e) {
      if (e.kind() == DeviceException.Kind.OUT_OF_MEMORY) {
        String reason = "out of device memory: " + e.getMessage();
        context.deviceUsage().fellBack("sort", reason);
        device.recordFallback("sort", reason);
        return null;
      }
      throw new WarpException(
          ErrorCode.DEVICE_FAILED,
          "sort of " + rowCount + " rows failed on device " + device.name() + ": " + e.getMessage(),
          e);
    }
  }

  private static DeviceSort.Key deviceKey(
      DeviceRuntime device,
      DeviceMemoryOwner owner,
      DeviceCopies copies,
      List<FieldVector> joined,
      SortKey key,
      List<AutoCloseable> uploads) {
    FieldVector vector = joined.get(key.column());
    ColumnUpload column = copies == null ? null : copies.copyOf(vector);
    if (column == null) {
      column =
          ColumnUpload.upload(
              device.api(),
              owner,
              "sort key " + key.column(),
              vector,
              key.type(),
              true,
              vector.getValueCount());
      uploads.add(column);
    }
    long ranks = 0;
    if (key.type().kind() == TypeKind.VARCHAR) {
      DeviceBuffer table = uploadRanks(device, owner, vector, key);
      uploads.add(table);
      ranks = table.address();
    }
    return new DeviceSort.Key(
        key.type(), column.column(), ranks, key.descending(), key.nullsFirst());
  }

  /** Copies the rank of each dictionary code of a VARCHAR key to the device. */
  private static DeviceBuffer uploadRanks(
      DeviceRuntime device, DeviceMemoryOwner owner, FieldVector vector, SortKey key) {
    int rows = vector.getValueCount();
    long[] codes = new long[rows];
    boolean[] nulls = new boolean[rows];
    for (int row = 0; row < rows; row++) {
      nulls[row] = vector.isNull(row);
      codes[row] = nulls[row] ? 0 : PhysicalValues.readLong(vector, row);
    }
    int[] ranks = CodeRanks.of(codes, nulls, key.dictionary());
    DeviceBuffer table =
        owner.allocate("sort key " + key.column() + " ranks", Math.max(4L, ranks.length * 4L));
    if (ranks.length > 0) {
      ByteBuffer bytes = ByteBuffer.allocate(ranks.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asIntBuffer().put(ranks);
      try {
        device.api().copyToDevice(table.address(), bytes);
      } catch (RuntimeException e) {
        table.close();
        throw e;
      }
    }
    return table;
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException("failed to free device memory of a sort", e);
      }
    }
  }
}
