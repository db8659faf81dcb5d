package dev.warpsql.kernels.ptxsim;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian reads and writes of 1, 2, 4 or 8 bytes in a byte array, as the GPU stores them. */
final class SimBytes {
  private static final VarHandle SHORTS =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private SimBytes() {}

  /** Returns the {@code size} bytes at {@code offset}, zero-extended to 64 bits. */
  static long get(byte[] data, int offset, int size) {
    return switch (size) {
      case 1 -> data[offset] & 0xFFL;
      case 2 -> (short) SHORTS.get(data, offset) & 0xFFFFL;
      case 4 -> (int) INTS.get(data, offset) & 0xFFFF_FFFFL;
      case 8 -> (long) LONGS.get(data, offset);
      default -> throw new IllegalArgumentException("access size " + size);
    };
  }

  /** Stores the low {@code size} bytes of {@code value} at {@code offset}. */
  static void put(byte[] data, int offset, int size, long value) {
    switch (size) {
      case 1 -> data[offset] = (byte) value;
      case 2 -> SHORTS.set(data, offset, (short) value);
      case 4 -> INTS.set(data, offset, (int) value);
      case 8 -> LONGS.set(data, offset, value);
      default -> throw new IllegalArgumentException("access size " + size);
    }
  }
}
