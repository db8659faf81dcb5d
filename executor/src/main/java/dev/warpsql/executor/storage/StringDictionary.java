package dev.warpsql.executor.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dictionary of one VARCHAR column, shared by all of the column's chunks: maps each distinct string
 * to a dense code in {@code 0..size()-1}, in order of first encoding.
 *
 * <p>Thread safety: {@link #encode} appends under a lock. {@link #value}, {@link #size} and {@link
 * #lookup} take no lock and may run concurrently with {@code encode}. A reader sees a prefix of the
 * dictionary, and every code below the {@code size()} it read resolves.
 */
public final class StringDictionary {
  private static final AtomicLong NEXT_ID = new AtomicLong();
  private static final int INITIAL_CAPACITY = 16;
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);

  private final long id;
  private final Object appendLock = new Object();

  // Writers store values[size] before publishing the new size, and publish a grown array before
  // the size that needs it, so a reader that reads size first and values second never misses.
  private volatile String[] values = new String[INITIAL_CAPACITY];
  private volatile int size;

  /**
   * Open-addressing hash table from value to code with linear probing: each slot is 0 when empty,
   * or the value's spread hash in the high 32 bits and its code in the low 32 bits. A writer fills
   * a slot with a release store after the value is in {@link #values}, so a reader that finds the
   * slot with an acquire load can read the value. A full table is replaced by a larger copy.
   */
  private volatile long[] slots = new long[2 * INITIAL_CAPACITY];

  /** Creates an empty dictionary with an id unique within this JVM. */
  public StringDictionary() {
    this.id = NEXT_ID.getAndIncrement();
  }

  /** Returns the id that the column's Arrow field names in its dictionary encoding. */
  public long id() {
    return id;
  }

  /** Returns the number of distinct values encoded so far. */
  public int size() {
    return size;
  }

  /** Returns the string for a code. */
  public String value(int code) {
    int currentSize = size;
    if (code < 0 || code >= currentSize) {
      throw new IndexOutOfBoundsException(
          "dictionary code " + code + " is outside 0.." + (currentSize - 1));
    }
    return values[code];
  }

  /** Returns the code of a value, or -1 if the value has not been encoded. */
  public int lookup(String value) {
    Objects.requireNonNull(value, "value");
    return find(slots, value, spread(value.hashCode()));
  }

  /** Returns the code of a value, appending the value first if it is new. */
  public int encode(String value) {
    Objects.requireNonNull(value, "value");
    int hash = spread(value.hashCode());
    int existing = find(slots, value, hash);
    if (existing >= 0) {
      return existing;
    }
    synchronized (appendLock) {
      long[] table = slots;
      existing = find(table, value, hash);
      if (existing >= 0) {
        return existing;
      }
      int code = size;
      String[] current = values;
      if (code == current.length) {
        current = Arrays.copyOf(current, current.length * 2);
      }
      current[code] = value;
      values = current;
      size = code + 1;
      if (2 * (code + 1) > table.length) {
        table = grow(table);
        slots = table;
      }
      insert(table, hash, code);
      return code;
    }
  }

  private int find(long[] table, String value, int hash) {
    int mask = table.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      long entry = (long) SLOTS.getAcquire(table, slot);
      if (entry == 0) {
        return -1;
      }
      if ((int) (entry >>> 32) == hash) {
        int code = (int) entry;
        if (values[code].equals(value)) {
          return code;
        }
      }
    }
  }

  /** Fills the first free slot of the value's probe sequence. Only writers call it. */
  private static void insert(long[] table, int hash, int code) {
    int mask = table.length - 1;
    int slot = hash & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    SLOTS.setRelease(table, slot, ((long) hash << 32) | (code & 0xFFFFFFFFL));
  }

  /** Returns a table of twice the slots with every entry of the old one. */
  private static long[] grow(long[] table) {
    long[] larger = new long[Math.multiplyExact(table.length, 2)];
    for (long entry : table) {
      if (entry != 0) {
        insert(larger, (int) (entry >>> 32), (int) entry);
      }
    }
    return larger;
  }

  /** Mixes the bits of a String hash so that linear probing spreads them, never returning 0. */
  private static int spread(int hash) {
    int mixed = hash * 0x9E3779B9;
    mixed ^= mixed >>> 16;
    return mixed == 0 ? 1 : mixed;
  }
}
