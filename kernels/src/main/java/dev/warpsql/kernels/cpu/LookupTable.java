package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.DataType;
import java.util.Objects;

/**
 * Values per dictionary code that kernels read by code: entry {@code code} is the value computed
 * once for dictionary entry {@code code}.
 *
 * <p>A table contains values of one {@link Kind}. {@code CodeLookup} expressions read BOOLEAN
 * tables, the results of string predicates. {@code CodeMap} expressions read LONG tables when their
 * type is held in an integer register (TINYINT to BIGINT, DECIMAL unscaled, DATE days, TIME and
 * TIMESTAMP microseconds, VARCHAR codes) and DOUBLE tables for REAL and DOUBLE.
 *
 * <p>An entry may hold an error instead of a value, when computing it failed, such as a CAST of a
 * string that is no number. Such an entry is marked NULL and the kernel raises the error when a row
 * reads it, so that rows that never reach the expression raise nothing.
 *
 * <p>Immutable after construction and safe to share between threads. The constructor and the
 * factories keep the arrays without copying them, so the caller must not change them afterwards.
 */
public final class LookupTable {
  /** Kind of the values in a table, which decides the expressions that may read it. */
  public enum Kind {
    /** BOOLEAN values, read by {@code CodeLookup}. */
    BOOLEAN,
    /** 64-bit integers, read by {@code CodeMap} of an integer-register type. */
    LONG,
    /** Doubles, read by {@code CodeMap} of REAL or DOUBLE. */
    DOUBLE
  }

  private final Kind kind;
  private final int size;
  private final boolean[] values;
  private final long[] longValues;
  private final double[] doubleValues;
  private final boolean[] nulls;
  private final RuntimeException[] errors;
  private final long minLong;
  private final long maxLong;

  /**
   * Creates a BOOLEAN table over {@code values}; {@code nulls} marks codes whose result is NULL, or
   * is null when no result is NULL.
   */
  public LookupTable(boolean[] values, boolean[] nulls) {
    this(
        Kind.BOOLEAN,
        Objects.requireNonNull(values, "values").length,
        values,
        null,
        null,
        nulls,
        null);
  }

  private LookupTable(
      Kind kind,
      int size,
      boolean[] values,
      long[] longValues,
      double[] doubleValues,
      boolean[] nulls,
      RuntimeException[] errors) {
    if (nulls != null && nulls.length != size) {
      throw new IllegalArgumentException(
          "nulls has " + nulls.length + " entries but values has " + size);
    }
    checkErrors(errors, nulls, size);
    this.kind = kind;
    this.size = size;
    this.values = values;
    this.longValues = longValues;
    this.doubleValues = doubleValues;
    this.nulls = nulls;
    this.errors = errors;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    if (longValues != null) {
      for (int code = 0; code < size; code++) {
        if (nulls == null || !nulls[code]) {
          min = Math.min(min, longValues[code]);
          max = Math.max(max, longValues[code]);
        }
      }
    }
    this.minLong = min;
    this.maxLong = max;
  }

  /**
   * Returns a LONG table over {@code values}, each in the physical representation of the {@code
   * CodeMap} type that reads it; {@code nulls} marks codes whose result is NULL, or is null when no
   * result is NULL. Scans the values once to find their range.
   */
  public static LookupTable ofLongs(long[] values, boolean[] nulls) {
    Objects.requireNonNull(values, "values");
    return new LookupTable(Kind.LONG, values.length, null, values, null, nulls, null);
  }

  /**
   * Returns a DOUBLE table over {@code values}, read by {@code CodeMap} of REAL (rounded to float
   * on read) or DOUBLE; {@code nulls} marks codes whose result is NULL, or is null when none is.
   */
  public static LookupTable ofDoubles(double[] values, boolean[] nulls) {
    Objects.requireNonNull(values, "values");
    return new LookupTable(Kind.DOUBLE, values.length, null, null, values, nulls, null);
  }

  /**
   * Returns a copy whose entries hold the given errors, which the kernel raises when a row reads
   * them; {@code errors} has an entry per code, null where the value was computed.
   *
   * @throws IllegalArgumentException when an entry with an error is not marked NULL
   */
  public LookupTable withErrors(RuntimeException[] errors) {
    Objects.requireNonNull(errors, "errors");
    return new LookupTable(kind, size, values, longValues, doubleValues, nulls, errors);
  }

  private static void checkErrors(RuntimeException[] errors, boolean[] nulls, int size) {
    if (errors == null) {
      return;
    }
    if (errors.length != size) {
      throw new IllegalArgumentException(
          "errors has " + errors.length + " entries but values has " + size);
    }
    for (int code = 0; code < size; code++) {
      if (errors[code] != null && (nulls == null || !nulls[code])) {
        throw new IllegalArgumentException("entry " + code + " has an error but is not NULL");
      }
    }
  }

  public Kind kind() {
    return kind;
  }

  /** Returns the number of dictionary codes that the table covers. */
  public int size() {
    return size;
  }

  /**
   * Returns the BOOLEAN value for a code; meaningful only when {@link #isNull(int)} is false.
   *
   * @throws IllegalStateException when this is not a BOOLEAN table
   */
  public boolean value(int code) {
    return values()[code];
  }

  /**
   * Returns the LONG value for a code; meaningful only when {@link #isNull(int)} is false.
   *
   * @throws IllegalStateException when this is not a LONG table
   */
  public long longValue(int code) {
    return longValues()[code];
  }

  /**
   * Returns the DOUBLE value for a code; meaningful only when {@link #isNull(int)} is false.
   *
   * @throws IllegalStateException when this is not a DOUBLE table
   */
  public double doubleValue(int code) {
    return doubleValues()[code];
  }

  public boolean isNull(int code) {
    return nulls != null && nulls[code];
  }

  /**
   * Returns the backing BOOLEAN array for generated kernels, which must not modify it.
   *
   * @throws IllegalStateException when this is not a BOOLEAN table
   */
  public boolean[] values() {
    requireKind(Kind.BOOLEAN);
    return values;
  }

  /**
   * Returns the backing LONG array for generated kernels, which must not modify it.
   *
   * @throws IllegalStateException when this is not a LONG table
   */
  public long[] longValues() {
    requireKind(Kind.LONG);
    return longValues;
  }

  /**
   * Returns the backing DOUBLE array for generated kernels, which must not modify it.
   *
   * @throws IllegalStateException when this is not a DOUBLE table
   */
  public double[] doubleValues() {
    requireKind(Kind.DOUBLE);
    return doubleValues;
  }

  /** Returns the backing NULL array for generated kernels, or null when no entry is NULL. */
  public boolean[] nulls() {
    return nulls;
  }

  /**
   * Returns the backing error array for generated kernels, which must not modify it, or null when
   * no entry has an error.
   */
  public RuntimeException[] errors() {
    return errors;
  }

  /** Returns the smallest non-NULL value of a LONG table, or Long.MAX_VALUE when there is none. */
  long minLong() {
    return minLong;
  }

  /** Returns the largest non-NULL value of a LONG table, or Long.MIN_VALUE when there is none. */
  long maxLong() {
    return maxLong;
  }

  /** Returns the kind of table that an expression of {@code type} reads. */
  static Kind kindReadAs(DataType type) {
    return switch (type.physicalType()) {
      case BOOLEAN -> Kind.BOOLEAN;
      case INT, LONG -> Kind.LONG;
      case FLOAT, DOUBLE -> Kind.DOUBLE;
    };
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

  private void requireKind(Kind expected) {
    if (kind != expected) {
      throw new IllegalStateException(
          "lookup table contains " + kind + " values, not " + expected + " values");
    }
  }
}
