package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.ir.DataType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a probe stage's hash table in the documented device layout from a build side: slots of
 * first build rows and normalized keys (and hashes with two or more keys) under linear probing, and
 * the chains of build rows with equal keys in ascending row order. Written from the layout's
 * description alone, not from the CPU table, so the two are checked against each other.
 */
final class SimJoinTables {
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  /** The arrays of one table. */
  record Layout(int slotMask, int[] slotRows, long[] slotKeys, int[] slotHashes, int[] next) {}

  private SimJoinTables() {}

  /**
   * Lays out the table over {@code rows} build rows with {@code slotCount} slots, a power of two
   * above the number of distinct keys.
   */
  static Layout build(SimKernelInputs.BuildSide side, int rows, int slotCount) {
    int keyCount = side.keyTypes().size();
    int[] slotRows = new int[slotCount];
    Arrays.fill(slotRows, -1);
    long[] slotKeys = new long[slotCount * keyCount];
    int[] slotHashes = new int[slotCount];
    int[] next = new int[rows];
    Arrays.fill(next, -1);
    int[] lastRow = new int[slotCount];
    long[] keys = new long[keyCount];
    int distinct = 0;
    for (int row = 0; row < rows; row++) {
      if (!readKeys(side, row, keys)) {
        continue;
      }
      int hash = hash(keys);
      int slot = hash & (slotCount - 1);
      while (slotRows[slot] >= 0 && !sameKeys(slotKeys, slot, keys)) {
        slot = (slot + 1) & (slotCount - 1);
      }
      if (slotRows[slot] < 0) {
        if (++distinct >= slotCount) {
          throw new IllegalArgumentException(slotCount + " slots cannot hold every distinct key");
        }
        slotRows[slot] = row;
        System.arraycopy(keys, 0, slotKeys, slot * keyCount, keyCount);
        slotHashes[slot] = hash;
      } else {
        next[lastRow[slot]] = row;
      }
      lastRow[slot] = row;
    }
    return new Layout(slotCount - 1, slotRows, slotKeys, slotHashes, next);
  }

  /** Returns the number of distinct non-NULL keys, to size the slots. */
  static int distinctKeys(SimKernelInputs.BuildSide side, int rows) {
    Set<List<Long>> distinct = new HashSet<>();
    long[] keys = new long[side.keyTypes().size()];
    for (int row = 0; row < rows; row++) {
      if (readKeys(side, row, keys)) {
        distinct.add(Arrays.stream(keys).boxed().toList());
      }
    }
    return distinct.size();
  }

  /** Hashes normalized keys: per key {@code h = (h ^ k) * C; h ^= h >>> 29}, then fmix64. */
  static int hash(long[] keys) {
    long h = 0;
    for (long key : keys) {
      h = (h ^ key) * MULTIPLIER;
      h ^= h >>> 29;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }

  private static boolean readKeys(SimKernelInputs.BuildSide side, int row, long[] keys) {
    for (int k = 0; k < keys.length; k++) {
      if (side.keyColumns().get(k).isNull(row)) {
        return false;
      }
      DataType type = side.keyTypes().get(k);
      keys[k] = SimArrowBuffers.normalizedKey(side.keyColumns().get(k), type, row);
    }
    return true;
  }

  private static boolean sameKeys(long[] slotKeys, int slot, long[] keys) {
    for (int k = 0; k < keys.length; k++) {
      if (slotKeys[slot * keys.length + k] != keys[k]) {
        return false;
      }
    }
    return true;
  }
}
