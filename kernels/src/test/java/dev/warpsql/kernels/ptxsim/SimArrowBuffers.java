package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.ir.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/** Copies of Arrow vector buffers and single values, in the layout of {@code ArrowColumns}. */
final class SimArrowBuffers {
  private SimArrowBuffers() {}

  /** Returns the bytes of the data buffer that {@code rows} values occupy. */
  static byte[] data(FieldVector vector, DataType type, int rows) {
    int size =
        type.kind() == dev.warpsql.kernels.ir.TypeKind.BOOLEAN
            ? (rows + 7) / 8
            : rows * byteWidth(type);
    return copy(vector.getDataBuffer(), size);
  }

  /** Returns the validity bitmap bytes of {@code rows} values. */
  static byte[] validity(FieldVector vector, int rows) {
    return copy(vector.getValidityBuffer(), (rows + 7) / 8);
  }

  private static byte[] copy(ArrowBuf buffer, int size) {
    byte[] bytes = new byte[size];
    if (size > 0) {
      buffer.getBytes(0, bytes);
    }
    return bytes;
  }

  /** Returns the byte width of a non-BOOLEAN value. */
  static int byteWidth(DataType type) {
    return switch (type.kind()) {
      case BOOLEAN -> throw new IllegalArgumentException("BOOLEAN is bit-packed");
      case TINYINT -> 1;
      case SMALLINT -> 2;
      case INTEGER, DATE, VARCHAR, REAL -> 4;
      case BIGINT, DECIMAL, TIME, TIMESTAMP, DOUBLE -> 8;
    };
  }

  /**
   * Returns a non-NULL value normalized as join and group keys are: integer-register values
   * sign-extended, BOOLEAN as 0 or 1, REAL and DOUBLE as the bits of the double with -0.0 as 0.0
   * and NaN as {@code 0x7FF8000000000000}.
   */
  static long normalizedKey(FieldVector vector, DataType type, int row) {
    ArrowBuf data = vector.getDataBuffer();
    long index = row;
    return switch (type.kind()) {
      case BOOLEAN -> (data.getByte(index >> 3) >> (row & 7)) & 1;
      case TINYINT -> data.getByte(index);
      case SMALLINT -> data.getShort(index * 2);
      case INTEGER, DATE, VARCHAR -> data.getInt(index * 4);
      case BIGINT, DECIMAL, TIME, TIMESTAMP -> data.getLong(index * 8);
      case REAL -> doubleKey(data.getFloat(index * 4));
      case DOUBLE -> doubleKey(data.getDouble(index * 8));
    };
  }

  static long doubleKey(double value) {
    if (value != value) {
      return 0x7FF8_0000_0000_0000L;
    }
    return Double.doubleToRawLongBits(value == 0.0 ? 0.0 : value);
  }
}
