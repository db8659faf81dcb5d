package dev.warpsql.kernels.cpu;

import java.util.Arrays;
import java.util.List;

/**
 * Group index for keys whose values lie in small known ranges: a row's group is stored at a slot
 * computed from its keys as a mixed-radix number, so a lookup needs no hashing and no key
 * comparison.
 *
 * <p>Key k contributes the digit 0 when it is NULL and {@code value - min(k) + 1} when its value is
 * in its {@link GroupKeyRange}, so its radix is {@code valueCount(k) + 1}. The slot of a row is
 * {@code digit0 + radix0 * (digit1 + radix1 * (...))}, which is the sum of {@code digit(k) *
 * stride(k)}. Slots contain the group number plus one (0 is empty). Groups are numbered 0, 1, 2,
 * ... in order of first insertion, as in {@link GroupKeyIndex}, and each group stores its slot,
 * from which its keys are decoded.
 *
 * <p>The slot array is allocated on first use, so a table whose kernel never runs allocates none.
 */
final class DirectGroupIndex {
  /**
   * Maximum slot count. 64K int slots take 256 KiB per worker table, no more than the per-core L2
   * cache of common server CPUs, so a lookup stays a cache hit even when the rows' groups spread
   * over the whole key space. A larger key space is mostly empty slots, where a hash index over the
   * groups that occur is smaller. Each worker table also zeroes its slot array once.
   *
   * <p>NOTE: the bound follows from cache sizes and was not tuned by measurement.
   */
  static final int MAX_SLOTS = 1 << 16;

  private static final int INITIAL_GROUPS = 16;

  private final long[] mins;
  private final long[] valueCounts;
  private final int[] strides;
  private final int slotCount;
  private int[] slots;
  private int[] groupSlots = new int[INITIAL_GROUPS];
  private int groupCount;

  private DirectGroupIndex(long[] mins, long[] valueCounts, int[] strides, int slotCount) {
    this.mins = mins;
    this.valueCounts = valueCounts;
    this.strides = strides;
    this.slotCount = slotCount;
  }

  /**
   * Returns a direct index over keys with the given ranges, or null when a range is unknown (null),
   * there are no keys, or the slots would exceed {@link #MAX_SLOTS}.
   */
  static DirectGroupIndex create(List<GroupKeyRange> ranges) {
    int keyCount = ranges.size();
    if (keyCount == 0) {
      return null;
    }
    long[] mins = new long[keyCount];
    long[] valueCounts = new long[keyCount];
    int[] strides = new int[keyCount];
    long slotCount = 1;
    for (int k = 0; k < keyCount; k++) {
      GroupKeyRange range = ranges.get(k);
      if (range == null) {
        return null;
      }
      long radix = range.valueCount() + 1;
      if (range.valueCount() >= MAX_SLOTS || slotCount * radix > MAX_SLOTS) {
        return null;
      }
      mins[k] = range.min();
      valueCounts[k] = range.valueCount();
      strides[k] = (int) slotCount;
      slotCount *= radix;
    }
    return new DirectGroupIndex(mins, valueCounts, strides, (int) slotCount);
  }

  /** Returns the slot array, indexed by slot, allocating it on the first call. */
  int[] slots() {
    if (slots == null) {
      slots = new int[slotCount];
    }
    return slots;
  }

  long min(int keyIndex) {
    return mins[keyIndex];
  }

  long valueCount(int keyIndex) {
    return valueCounts[keyIndex];
  }

  int stride(int keyIndex) {
    return strides[keyIndex];
  }

  int groupCount() {
    return groupCount;
  }

  /** Returns how many groups fit before the per-group arrays grow. */
  int groupCapacity() {
    return groupSlots.length;
  }

  /**
   * Returns the slot of the keys in {@code probe} (bit i of {@code nullMask} set when key i is
   * NULL, in which case its value is ignored), or -1 when a non-NULL key lies outside its range.
   */
  int slot(long[] probe, long nullMask) {
    int slot = 0;
    for (int k = 0; k < mins.length; k++) {
      if ((nullMask & (1L << k)) != 0) {
        continue;
      }
      // The difference may wrap around, but only a value in the range gives 0..valueCount-1.
      long offset = probe[k] - mins[k];
      if (offset < 0 || offset >= valueCounts[k]) {
        return -1;
      }
      slot += (int) (offset + 1) * strides[k];
    }
    return slot;
  }

  /** Returns the group at {@code slot}, adding a group when the slot is empty. */
  int findOrInsert(int slot) {
    int[] slotArray = slots();
    int entry = slotArray[slot];
    if (entry != 0) {
      return entry - 1;
    }
    if (groupCount == groupSlots.length) {
      groupSlots = Arrays.copyOf(groupSlots, Math.multiplyExact(groupSlots.length, 2));
    }
    int group = groupCount++;
    groupSlots[group] = slot;
    slotArray[slot] = group + 1;
    return group;
  }

  /** Returns key {@code keyIndex} of a group in the encoding of {@link AggregationTable}. */
  long key(int group, int keyIndex) {
    int digit = digit(group, keyIndex);
    return digit == 0 ? 0 : mins[keyIndex] + digit - 1;
  }

  /** Returns a group's NULL bits, bit i set when key i is NULL. */
  long nullMask(int group) {
    long mask = 0;
    for (int k = 0; k < mins.length; k++) {
      if (digit(group, k) == 0) {
        mask |= 1L << k;
      }
    }
    return mask;
  }

  private int digit(int group, int keyIndex) {
    return (int) (groupSlots[group] / strides[keyIndex] % (valueCounts[keyIndex] + 1));
  }
}
