package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.TypeKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The device buffers of one launch of a materializing kernel: per output a data buffer for {@code
 * capacity} values and a validity bitmap. Bitmaps, and the data of BOOLEAN outputs, are zeroed and
 * padded to whole 32-bit words, because kernels set their bits with atomic OR on words.
 *
 * <p>Memory: the buffers are charged to the owner given at construction and freed by {@link
 * #close()}.
 */
final class MaterializeSinkBuffers implements AutoCloseable {
  private final DeviceApi device;
  private final List<Expr> outputs;
  private final int capacity;
  private final List<DeviceBuffer> data = new ArrayList<>();
  private final List<DeviceBuffer> validity = new ArrayList<>();

  MaterializeSinkBuffers(
      DeviceApi device, DeviceMemoryOwner owner, MaterializeSink sink, int capacity) {
    this.device = device;
    this.outputs = sink.outputs();
    this.capacity = Math.max(capacity, 1);
    try {
      for (int i = 0; i < outputs.size(); i++) {
        DataType type = outputs.get(i).type();
        boolean bits = type.kind() == TypeKind.BOOLEAN;
        long dataBytes =
            bits ? bitmapBytes(this.capacity) : (long) this.capacity * ArrowColumns.byteWidth(type);
        DeviceBuffer values = owner.allocate("out" + i + " data", dataBytes);
        data.add(values);
        if (bits) {
          device.fillZero(values.address(), dataBytes);
        }
        DeviceBuffer flags = owner.allocate("out" + i + " validity", bitmapBytes(this.capacity));
        validity.add(flags);
        device.fillZero(flags.address(), flags.bytes());
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Sets {@code out<i>_data} and {@code out<i>_validity}. */
  void bind(KernelParameterBuffer parameters) {
    for (int i = 0; i < outputs.size(); i++) {
      parameters.setLong("out" + i + "_data", data.get(i).address());
      parameters.setLong("out" + i + "_validity", validity.get(i).address());
    }
  }

  int capacity() {
    return capacity;
  }

  /**
   * Copies the first {@code rows} values of every output into {@code vectors}, empty vectors of the
   * outputs' types, and sets their value counts.
   */
  void read(int rows, List<FieldVector> vectors) {
    if (rows > capacity) {
      throw new IllegalStateException(
          "the kernel counted " + rows + " rows into buffers of " + capacity + " rows");
    }
    for (int i = 0; i < outputs.size(); i++) {
      FieldVector vector = vectors.get(i);
      vector.setInitialCapacity(Math.max(rows, 1));
      vector.allocateNew();
      DataType type = outputs.get(i).type();
      copyToHost(vector.getDataBuffer().nioBuffer(0, (int) ColumnUpload.dataBytes(type, rows)), i);
      int validityBytes = (rows + 7) / 8;
      if (validityBytes > 0) {
        device.copyToHost(
            vector.getValidityBuffer().nioBuffer(0, validityBytes), validity.get(i).address());
      }
      vector.setValueCount(rows);
    }
  }

  /**
   * Returns a copy of the first {@code rows} values of output {@code output}, data and bitmap, in
   * buffers of their exact size charged to {@code owner}, so that these launch-sized buffers can be
   * freed.
   */
  ColumnUpload copyOnDevice(int output, int rows, DeviceMemoryOwner owner) {
    DataType type = outputs.get(output).type();
    long dataBytes = ColumnUpload.dataBytes(type, rows);
    DeviceBuffer values = owner.allocate("out" + output + " data", Math.max(dataBytes, 1));
    DeviceBuffer flags = null;
    try {
      device.copyWithinDevice(values.address(), data.get(output).address(), dataBytes);
      long validityBytes = (rows + 7) / 8;
      flags = owner.allocate("out" + output + " validity", Math.max(validityBytes, 1));
      device.copyWithinDevice(flags.address(), validity.get(output).address(), validityBytes);
    } catch (RuntimeException e) {
      values.close();
      if (flags != null) {
        flags.close();
      }
      throw e;
    }
    return ColumnUpload.ofBuffers(values, flags);
  }

  private void copyToHost(ByteBuffer target, int output) {
    if (target.remaining() > 0) {
      device.copyToHost(target, data.get(output).address());
    }
  }

  static long bitmapBytes(int bits) {
    return (bits + 31L) / 32 * 4;
  }

  @Override
  public void close() {
    data.forEach(DeviceBuffer::close);
    validity.forEach(DeviceBuffer::close);
  }
}
