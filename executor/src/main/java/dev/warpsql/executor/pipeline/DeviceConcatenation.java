package dev.warpsql.executor.pipeline;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.cuda.ColumnUpload;
import dev.warpsql.kernels.cuda.DeviceApi;
import dev.warpsql.kernels.cuda.DeviceBuffer;
import dev.warpsql.kernels.cuda.DeviceCopies;
import dev.warpsql.kernels.cuda.DeviceException;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.arrow.vector.FieldVector;

/**
 * Device copies of a batch's columns joined into one vector each, made from the device copies of
 * the batch's chunks, as {@link BatchVectors#concatenate} joins the host vectors.
 *
 * <p>Values are copied within device memory, chunk after chunk. Validity bitmaps come from the
 * joined host vector instead, because a chunk's bits start at any bit offset of the joined bitmap,
 * and the bitmap is one sixty-fourth of a BIGINT column's bytes. BOOLEAN values are bits too and
 * are left to be copied from the host when a kernel reads them.
 */
final class DeviceConcatenation {
  private DeviceConcatenation() {}

  /**
   * Returns device copies of {@code joined}, the host vectors that join {@code batch}'s chunks, or
   * null when the batch has no device copies. A column with a chunk that has no copy gets no copy.
   * Once the device has no room for a column, neither it nor any later column gets one.
   */
  static DeviceCopies of(Batch batch, List<FieldVector> joined, String name) {
    return of(batch, joined, name, column -> true);
  }

  /**
   * Returns device copies of the columns of {@code joined} that {@code selected} accepts, as above.
   */
  static DeviceCopies of(
      Batch batch, List<FieldVector> joined, String name, IntPredicate selected) {
    DeviceCopies sources = batch.deviceCopies();
    if (sources == null || batch.chunks().isEmpty()) {
      return null;
    }
    DeviceCopies copies = new DeviceCopies(sources.device(), sources.pool(), name);
    try {
      for (int column = 0; column < joined.size(); column++) {
        DataType type = batch.columns().get(column).type();
        if (!selected.test(column)
            || type.kind() == TypeKind.BOOLEAN
            || !hasCopies(batch, sources, column)) {
          continue;
        }
        ColumnUpload copy = join(batch, sources, column, joined.get(column), type, copies);
        if (copy == null) {
          break;
        }
        copies.put(joined.get(column), copy);
      }
    } catch (RuntimeException e) {
      copies.close();
      throw e;
    }
    if (copies.size() == 0) {
      copies.close();
      return null;
    }
    return copies;
  }

  private static boolean hasCopies(Batch batch, DeviceCopies sources, int column) {
    for (BatchChunk chunk : batch.chunks()) {
      if (sources.copyOf(chunk.vectors().get(column)) == null) {
        return false;
      }
    }
    return true;
  }

  /** Returns the joined copy of one column, or null when the device has no room for it. */
  private static ColumnUpload join(
      Batch batch,
      DeviceCopies sources,
      int column,
      FieldVector joined,
      DataType type,
      DeviceCopies copies) {
    DeviceApi device = copies.device();
    int rows = joined.getValueCount();
    long width = ArrowColumns.byteWidth(type);
    DeviceBuffer data = null;
    DeviceBuffer validity = null;
    try {
      data = copies.owner().allocate("joined col" + column + " data", Math.max(rows * width, 1));
      long offset = 0;
      for (BatchChunk chunk : batch.chunks()) {
        long bytes = chunk.rowCount() * width;
        long source = sources.copyOf(chunk.vectors().get(column)).column().data();
        device.copyWithinDevice(data.address() + offset, source, bytes);
        offset += bytes;
      }
      if (joined.getNullCount() > 0) {
        int bitmapBytes = (rows + 7) / 8;
        validity = copies.owner().allocate("joined col" + column + " validity", bitmapBytes);
        device.copyToDevice(
            validity.address(), joined.getValidityBuffer().nioBuffer(0, bitmapBytes));
      }
      return ColumnUpload.ofBuffers(data, validity);
    } catch (DeviceException e) {
      if (data != null) {
        data.close();
      }
      if (validity != null) {
        validity.close();
      }
      if (e.kind() == DeviceException.Kind.OUT_OF_MEMORY) {
        return null;
      }
      throw e;
    }
  }
}
