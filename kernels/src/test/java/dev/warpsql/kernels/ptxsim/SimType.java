package dev.warpsql.kernels.ptxsim;

import java.util.Locale;

/**
 * The PTX fundamental types of instruction suffixes. Registers hold raw bits in a {@code long}:
 * writers store a value truncated to its width (zero-extended), and readers extend it again by the
 * type they read it as, so one slot serves every register class.
 */
enum SimType {
  PRED(1, Kind.PREDICATE),
  B8(8, Kind.BITS),
  B16(16, Kind.BITS),
  B32(32, Kind.BITS),
  B64(64, Kind.BITS),
  U8(8, Kind.UNSIGNED),
  U16(16, Kind.UNSIGNED),
  U32(32, Kind.UNSIGNED),
  U64(64, Kind.UNSIGNED),
  S8(8, Kind.SIGNED),
  S16(16, Kind.SIGNED),
  S32(32, Kind.SIGNED),
  S64(64, Kind.SIGNED),
  F32(32, Kind.FLOAT),
  F64(64, Kind.FLOAT);

  /** How the bits of a type are interpreted. */
  enum Kind {
    PREDICATE,
    BITS,
    UNSIGNED,
    SIGNED,
    FLOAT
  }

  final int bits;
  final Kind kind;
  private final long mask;

  SimType(int bits, Kind kind) {
    this.bits = bits;
    this.kind = kind;
    this.mask = bits == 64 ? -1L : (1L << bits) - 1;
  }

  /** Returns the type of a suffix such as {@code u32}, or null when it names no type. */
  static SimType of(String suffix) {
    for (SimType type : values()) {
      if (type.name().toLowerCase(Locale.ROOT).equals(suffix)) {
        return type;
      }
    }
    return null;
  }

  int bytes() {
    return bits / 8;
  }

  boolean isSigned() {
    return kind == Kind.SIGNED;
  }

  boolean isFloat() {
    return kind == Kind.FLOAT;
  }

  boolean isInteger() {
    return kind == Kind.SIGNED || kind == Kind.UNSIGNED || kind == Kind.BITS;
  }

  /** Returns the low {@code bits} of a value, zero-extended: the form a register stores. */
  long truncate(long value) {
    return value & mask;
  }

  /** Reads raw register bits as this type: sign-extended for signed types, else zero-extended. */
  long extend(long raw) {
    if (bits == 64) {
      return raw;
    }
    if (kind == Kind.SIGNED) {
      int shift = 64 - bits;
      return (raw << shift) >> shift;
    }
    return raw & mask;
  }

  /** Returns the smallest value of an integer type, as a signed 64-bit number. */
  long minValue() {
    if (kind == Kind.SIGNED) {
      return bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
    }
    return 0;
  }

  /** Returns the largest value of a signed type, or the all-ones pattern of an unsigned one. */
  long maxValue() {
    if (kind == Kind.SIGNED) {
      return bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
    }
    return mask;
  }

  @Override
  public String toString() {
    return "." + name().toLowerCase(Locale.ROOT);
  }
}
