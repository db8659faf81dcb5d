package dev.warpsql.kernels.cpu;

/**
 * Hash of keys normalized to {@code long}s (see {@link AggregationTable} for the encoding), shared
 * by group lookups and hash-join lookups. Start from a seed, {@link #mix} in each key in order,
 * then {@link #finish}.
 */
final class KeyHash {
  static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private KeyHash() {}

  /** Returns the running hash after mixing in one more key. */
  static long mix(long hash, long key) {
    long mixed = (hash ^ key) * MULTIPLIER;
    return mixed ^ (mixed >>> 29);
  }

  /** Returns the final 32-bit hash, whose low bits select a slot. */
  static int finish(long hash) {
    // MurmurHash3's 64-bit finalizer spreads the bits over the low word used for slots.
    long h = hash;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }
}
