package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.cpu.JoinHashTable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The arrays of one probe stage's hash table as kernels read them, little-endian: {@code
 * slot_rows}, {@code slot_keys}, {@code slot_hashes} and {@code next}. They are the CPU join
 * table's own slots, so the device finds the rows that the CPU finds.
 */
public record ProbeTableImage(
    int slotMask, byte[] slotRows, byte[] slotKeys, byte[] slotHashes, byte[] next) {
  /** Encodes {@code table}; every array has at least one entry, so it has an address. */
  public static ProbeTableImage of(JoinHashTable table) {
    JoinHashTable.SlotLayout layout = table.slotLayout();
    return new ProbeTableImage(
        layout.slotMask(),
        ints(layout.slotRows()),
        longs(layout.slotKeys()),
        ints(layout.slotHashes()),
        ints(layout.next()));
  }

  static byte[] ints(int[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(Math.max(values.length, 1) * 4);
    bytes.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(values);
    return bytes.array();
  }

  static byte[] longs(long[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(Math.max(values.length, 1) * 8);
    bytes.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(values);
    return bytes.array();
  }
}
