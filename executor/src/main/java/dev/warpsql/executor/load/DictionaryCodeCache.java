package dev.warpsql.executor.load;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Dictionary codes of the VARCHAR values that one range of a CSV load has seen, keyed by their
 * UTF-8 bytes, so that a repeated value finds its code without decoding a new String. The cache has
 * a fixed number of entries and turns itself off once most lookups miss, as in a column of mostly
 * distinct values, where hashing the bytes would only add work. Not thread-safe.
 */
final class DictionaryCodeCache {
  private static final int SLOTS = 1 << 12;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int MAX_ENTRIES = SLOTS / 2;

  /** Lookups after which a cache that mostly misses turns itself off. */
  private static final int TRIAL_LOOKUPS = 4096;

  private final byte[][] keys = new byte[SLOTS][];
  private final int[] hashes = new int[SLOTS];
  private final int[] codes = new int[SLOTS];
  private int entries;
  private long lookups;
  private long hits;
  private boolean enabled = true;

  /** Returns the code cached for the bytes in [start, end), or -1. */
  int lookup(byte[] bytes, int start, int end) {
    if (!enabled) {
      return -1;
    }
    lookups++;
    if (lookups == TRIAL_LOOKUPS && hits * 2 < lookups) {
      enabled = false;
      return -1;
    }
    int hash = hash(bytes, start, end);
    for (int slot = hash & (SLOTS - 1); keys[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
      if (hashes[slot] == hash
          && Arrays.equals(keys[slot], 0, keys[slot].length, bytes, start, end)) {
        hits++;
        return codes[slot];
      }
    }
    return -1;
  }

  /** Caches the code of the bytes in [start, end), unless the cache is full or off. */
  void add(byte[] bytes, int start, int end, int code) {
    if (!enabled || entries == MAX_ENTRIES) {
      return;
    }
    int hash = hash(bytes, start, end);
    int slot = hash & (SLOTS - 1);
    while (keys[slot] != null) {
      slot = (slot + 1) & (SLOTS - 1);
    }
    keys[slot] = Arrays.copyOfRange(bytes, start, end);
    hashes[slot] = hash;
    codes[slot] = code;
    entries++;
  }

  /**
   * Hashes the length and at most the first and last eight bytes, which is constant work per value
   * and distinguishes the short codes and names that repeat in a column.
   */
  private static int hash(byte[] bytes, int start, int end) {
    int length = end - start;
    long mixed = length;
    if (length >= Long.BYTES) {
      mixed ^= (long) LONGS.get(bytes, start) * 0x9E3779B97F4A7C15L;
      mixed ^= (long) LONGS.get(bytes, end - Long.BYTES) * 0xC2B2AE3D27D4EB4FL;
    } else {
      for (int i = start; i < end; i++) {
        mixed = (mixed << 8) | (bytes[i] & 0xFF);
      }
      mixed *= 0x9E3779B97F4A7C15L;
    }
    return (int) (mixed ^ (mixed >>> 32) ^ (mixed >>> 17));
  }
}
