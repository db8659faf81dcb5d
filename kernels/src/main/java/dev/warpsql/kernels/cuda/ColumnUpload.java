package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * The device copy of one column of Arrow values in the layout of {@code ArrowColumns}: its data
 * buffer, and its validity bitmap when the column may be NULL and has NULLs. Kernels take a null
 * validity pointer as "no NULLs", so a column without NULLs costs no bitmap.
 *
 * <p>Memory: both buffers are charged to the owner passed to {@link #upload}; {@link #close()}
 * frees them.
 */
public final class ColumnUpload implements AutoCloseable {
  private final DeviceBuffer data;
  private final DeviceBuffer validity;

  private ColumnUpload(DeviceBuffer data, DeviceBuffer validity) {
    this.data = data;
    this.validity = validity;
  }

  /** Copies the first {@code rows} values of {@code vector}, a column of {@code type}. */
  public static ColumnUpload upload(
      DeviceApi device,
      DeviceMemoryOwner owner,
      String name,
      FieldVector vector,
      DataType type,
      boolean nullable,
      int rows) {
    long dataBytes = dataBytes(type, rows);
    DeviceBuffer data = owner.allocate(name + " data", dataBytes);
    DeviceBuffer validity = null;
    try {
      copy(device, vector.getDataBuffer(), dataBytes, data);
      if (nullable && rows > 0 && vector.getNullCount() > 0) {
        long validityBytes = (rows + 7) / 8;
        validity = owner.allocate(name + " validity", validityBytes);
        copy(device, vector.getValidityBuffer(), validityBytes, validity);
      }
    } catch (RuntimeException e) {
      data.close();
      if (validity != null) {
        validity.close();
      }
      throw e;
    }
    return new ColumnUpload(data, validity);
  }

  /**
   * Returns the column of buffers already on the device, such as a kernel's output; it takes over
   * closing them.
   *
   * @param validity the validity bitmap, or null when the column has no NULLs
   */
  public static ColumnUpload ofBuffers(DeviceBuffer data, DeviceBuffer validity) {
    return new ColumnUpload(Objects.requireNonNull(data, "data"), validity);
  }

  /** Returns the bytes that {@code rows} values of {@code type} take in a data buffer. */
  public static long dataBytes(DataType type, int rows) {
    if (type.kind() == TypeKind.BOOLEAN) {
      return (rows + 7) / 8;
    }
    return (long) rows * ArrowColumns.byteWidth(type);
  }

  private static void copy(DeviceApi device, ArrowBuf source, long bytes, DeviceBuffer target) {
    if (bytes == 0) {
      return;
    }
    ByteBuffer view = source.nioBuffer(0, Math.toIntExact(bytes));
    device.copyToDevice(target.address(), view);
  }

  /** Returns the addresses that kernel parameters take. */
  public DeviceColumn column() {
    return new DeviceColumn(data.address(), validity == null ? 0 : validity.address());
  }

  /** Returns the bytes of both buffers, as requested. */
  public long bytes() {
    return data.bytes() + (validity == null ? 0 : validity.bytes());
  }

  @Override
  public void close() {
    data.close();
    if (validity != null) {
      validity.close();
    }
  }
}
