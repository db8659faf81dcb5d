package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.cpu.LookupTable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A lookup table's entries as kernels read them: one byte per code, 0 or 1, for a table that a
 * {@code CodeLookup} reads; 8-byte entries, {@code int64} or the bits of an {@code f64}, for a
 * table that a {@code CodeMap} reads; and the NULL flags, one byte per code, or none when no entry
 * is NULL.
 *
 * @param nulls the flags, or null when no entry is NULL: 0 for a value, 1 for NULL, 2 for an entry
 *     whose error a kernel raises when it reads it
 */
public record LookupTableImage(byte[] values, byte[] nulls, int size) {
  /** Encodes {@code table}. A table without codes still gets one entry, so it has an address. */
  public static LookupTableImage of(LookupTable table) {
    int size = table.size();
    byte[] values;
    if (table.kind() == LookupTable.Kind.BOOLEAN) {
      values = new byte[Math.max(size, 1)];
      for (int code = 0; code < size; code++) {
        values[code] = (byte) (table.value(code) ? 1 : 0);
      }
    } else {
      ByteBuffer words = ByteBuffer.allocate(Math.max(size, 1) * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (int code = 0; code < size; code++) {
        long word =
            table.kind() == LookupTable.Kind.LONG
                ? table.longValue(code)
                : Double.doubleToRawLongBits(table.doubleValue(code));
        words.putLong(code * 8, word);
      }
      values = words.array();
    }
    byte[] nulls = null;
    if (table.nulls() != null) {
      nulls = new byte[Math.max(size, 1)];
      for (int code = 0; code < size; code++) {
        boolean failed = table.errors() != null && table.errors()[code] != null;
        nulls[code] = (byte) (failed ? 2 : table.isNull(code) ? 1 : 0);
      }
    }
    return new LookupTableImage(values, nulls, size);
  }
}
