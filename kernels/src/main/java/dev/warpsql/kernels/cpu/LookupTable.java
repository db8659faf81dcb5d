package dev.warpsql.kernels.cpu;

import java.util.Objects;

/**
 * BOOLEAN results of a string predicate per dictionary code, read by {@code CodeLookup}
 * expressions: entry {@code code} is the predicate's value for dictionary entry {@code code}.
 *
 * <p>Immutable after construction and safe to share between threads. The constructor keeps the
 * arrays without copying them, so the caller must not change them afterwards.
 */
public final class LookupTable {
  private final boolean[] values;
  private final boolean[] nulls;

  /**
   * Creates a table over {@code values}; {@code nulls} marks codes whose result is NULL, or is null
   * when no result is NULL.
   */
  public LookupTable(boolean[] values, boolean[] nulls) {
    this.values = Objects.requireNonNull(values, "values");
    if (nulls != null && nulls.length != values.length) {
      throw new IllegalArgumentException(
          "nulls has " + nulls.length + " entries but values has " + values.length);
    }
    this.nulls = nulls;
  }

  /** Returns the number of dictionary codes that the table covers. */
  public int size() {
    return values.length;
  }

  /** Returns the value for a code; meaningful only when {@link #isNull(int)} is false. */
  public boolean value(int code) {
    return values[code];
  }

  public boolean isNull(int code) {
    return nulls != null && nulls[code];
  }

  /** Returns the backing value array for generated kernels, which must not modify it. */
  public boolean[] values() {
    return values;
  }

  /** Returns the backing NULL array for generated kernels, or null when no entry is NULL. */
  public boolean[] nulls() {
    return nulls;
  }

  /** Returns the error that a kernel raises for a code outside the table. */
  public static IllegalArgumentException codeOutOfRange(int code, int table, int size) {
    return new IllegalArgumentException(
        "dictionary code "
            + code
            + " is outside lookup table "
            + table
            + " of "
            + size
            + " entries; the table must cover the whole dictionary");
  }
}
