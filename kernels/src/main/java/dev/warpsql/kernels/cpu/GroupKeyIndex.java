package dev.warpsql.kernels.cpu;

import java.util.Arrays;

/**
 * Open-addressing hash index from group keys to dense group numbers 0, 1, 2, ...
 *
 * <p>Each group stores its keys as {@code long}s (see {@link AggregationTable} for the encoding)
 * and one NULL bit per key, so keys compare with primitive equality. Slots contain the group number
 * plus one (0 is empty) and are probed linearly. The slot array doubles when it is half full, so a
 * lookup allocates nothing unless it inserts a group that needs more room.
 */
final class GroupKeyIndex {
  private static final int INITIAL_GROUPS = 16;

  private final int keyCount;
  private long[] keys;
  private long[] nullMasks;
  private int[] hashes;
  private int[] slots;
  private int groupCount;

  GroupKeyIndex(int keyCount) {
    this.keyCount = keyCount;
    this.keys = new long[INITIAL_GROUPS * keyCount];
    this.nullMasks = new long[INITIAL_GROUPS];
    this.hashes = new int[INITIAL_GROUPS];
    this.slots = new int[INITIAL_GROUPS * 2];
  }

  int groupCount() {
    return groupCount;
  }

  /** Returns how many groups fit before the per-group arrays grow. */
  int groupCapacity() {
    return hashes.length;
  }

  long key(int group, int keyIndex) {
    return keys[group * keyCount + keyIndex];
  }

  long nullMask(int group) {
    return nullMasks[group];
  }

  /**
   * Returns the group of the keys in {@code probe} (bit i of {@code nullMask} set when key i is
   * NULL, in which case its value is ignored), adding a group when none matches.
   */
  int findOrInsert(long[] probe, long nullMask) {
    for (int i = 0; i < keyCount; i++) {
      if ((nullMask & (1L << i)) != 0) {
        probe[i] = 0;
      }
    }
    int hash = hash(probe, nullMask);
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return insert(slot, hash, probe, nullMask);
      }
      int group = entry - 1;
      if (hashes[group] == hash && nullMasks[group] == nullMask && keysEqual(group, probe)) {
        return group;
      }
      slot = (slot + 1) & mask;
    }
  }

  private boolean keysEqual(int group, long[] probe) {
    int offset = group * keyCount;
    for (int i = 0; i < keyCount; i++) {
      if (keys[offset + i] != probe[i]) {
        return false;
      }
    }
    return true;
  }

  private int insert(int slot, int hash, long[] probe, long nullMask) {
    if (groupCount == hashes.length) {
      int capacity = Math.multiplyExact(hashes.length, 2);
      keys = Arrays.copyOf(keys, Math.multiplyExact(capacity, keyCount));
      nullMasks = Arrays.copyOf(nullMasks, capacity);
      hashes = Arrays.copyOf(hashes, capacity);
    }
    int group = groupCount++;
    System.arraycopy(probe, 0, keys, group * keyCount, keyCount);
    nullMasks[group] = nullMask;
    hashes[group] = hash;
    slots[slot] = group + 1;
    if (groupCount * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return group;
  }

  private void rehash(int slotCount) {
    int[] grown = new int[slotCount];
    int mask = slotCount - 1;
    for (int group = 0; group < groupCount; group++) {
      int slot = hashes[group] & mask;
      while (grown[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      grown[slot] = group + 1;
    }
    slots = grown;
  }

  private int hash(long[] probe, long nullMask) {
    long hash = nullMask * KeyHash.MULTIPLIER;
    for (int i = 0; i < keyCount; i++) {
      hash = KeyHash.mix(hash, probe[i]);
    }
    return KeyHash.finish(hash);
  }
}
