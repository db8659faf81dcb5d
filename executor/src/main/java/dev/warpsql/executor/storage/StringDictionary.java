package dev.warpsql.executor.storage;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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

  private final long id;
  private final ConcurrentHashMap<String, Integer> codes = new ConcurrentHashMap<>();
  private final Object appendLock = new Object();

  // Writers store values[size] before publishing the new size, and publish a grown array before
  // the size that needs it, so a reader that reads size first and values second never misses.
  private volatile String[] values = new String[INITIAL_CAPACITY];
  private volatile int size;

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
    Integer code = codes.get(Objects.requireNonNull(value, "value"));
    return code == null ? -1 : code;
  }

  /** Returns the code of a value, appending the value first if it is new. */
  public int encode(String value) {
    Integer existing = codes.get(Objects.requireNonNull(value, "value"));
    if (existing != null) {
      return existing;
    }
    synchronized (appendLock) {
      existing = codes.get(value);
      if (existing != null) {
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
      codes.put(value, code);
      return code;
    }
  }
}
