package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * The registers of one row's group key: the 64-bit encoded keys, the NULL mask and their hash,
 * which the block-local and device-wide group tables both use. Its static helpers encode and hash
 * keys for hash-join probes too.
 */
record PtxGroupKey(List<String> encoded, String nullMask, String hash) {
  /** Multiplier of the per-key join hash step; the CPU backend's join hash uses the same one. */
  private static final String JOIN_HASH_MULTIPLIER = "0x9E3779B97F4A7C15";

  PtxGroupKey {
    encoded = List.copyOf(encoded);
  }

  /** Emits the hash of the keys and the NULL mask and returns the key with it. */
  static PtxGroupKey hashed(PtxWriter out, List<String> encoded, String nullMask) {
    out.comment("hash of the keys and the NULL mask");
    String hash = out.register(RegisterClass.B64);
    out.op("cvt.u64.u32 " + hash + ", " + nullMask);
    for (String bits : encoded) {
      out.op("xor.b64 " + hash + ", " + hash + ", " + bits);
      finalizeHash(out, hash);
      out.op("add.u64 " + hash + ", " + hash + ", 0x9E3779B97F4A7C15");
    }
    finalizeHash(out, hash);
    return new PtxGroupKey(encoded, nullMask, hash);
  }

  /** Applies the 64-bit finalizer of MurmurHash3 to {@code hash} in place. */
  static void finalizeHash(PtxWriter out, String hash) {
    String shifted = out.register(RegisterClass.B64);
    out.op("shr.u64 " + shifted + ", " + hash + ", 33");
    out.op("xor.b64 " + hash + ", " + hash + ", " + shifted);
    out.op("mul.lo.u64 " + hash + ", " + hash + ", 0xFF51AFD7ED558CCD");
    out.op("shr.u64 " + shifted + ", " + hash + ", 33");
    out.op("xor.b64 " + hash + ", " + hash + ", " + shifted);
    out.op("mul.lo.u64 " + hash + ", " + hash + ", 0xC4CEB9FE1A85EC53");
    out.op("shr.u64 " + shifted + ", " + hash + ", 33");
    out.op("xor.b64 " + hash + ", " + hash + ", " + shifted);
  }

  /**
   * Returns the 64-bit group key encoding of a value: integer-register values sign-extended,
   * BOOLEAN as 0 or 1, REAL and DOUBLE as the bits of the double with -0.0 as 0.0 and one NaN.
   * Hash-join probes encode their keys the same way.
   */
  static String keyBits(PtxWriter out, PtxExprEmitter exprs, PtxValue key) {
    TypeKind.PhysicalType physical = key.type().physicalType();
    if (physical == TypeKind.PhysicalType.FLOAT || physical == TypeKind.PhysicalType.DOUBLE) {
      return doubleKeyBits(out, exprs.conversions().toDouble(key.value(), key.type()));
    }
    String bits = out.register(RegisterClass.B64);
    switch (physical) {
      case BOOLEAN -> out.op("selp.u64 " + bits + ", 1, 0, " + key.value());
      case INT -> out.op("cvt.s64.s32 " + bits + ", " + key.value());
      default -> out.op("mov.b64 " + bits + ", " + key.value());
    }
    return bits;
  }

  /**
   * Returns the key encoding of a DOUBLE register's value: its bits, with -0.0 as 0.0 and every NaN
   * as one NaN, so that keys equal under SQL comparison (and NaN under PostgreSQL's) encode alike.
   */
  static String doubleKeyBits(PtxWriter out, String value) {
    String bits = out.register(RegisterClass.B64);
    String special = out.register(RegisterClass.PRED);
    out.op("mov.b64 " + bits + ", " + value);
    out.op("setp.eq.f64 " + special + ", " + value + ", " + PtxLiterals.f64(0.0));
    out.op("@" + special + " mov.b64 " + bits + ", 0");
    out.op("testp.notanumber.f64 " + special + ", " + value);
    out.op("@" + special + " mov.b64 " + bits + ", 0x7FF8000000000000");
    return bits;
  }

  /**
   * Emits the 32-bit hash of a hash join's encoded keys: from 0, per key {@code h = (h ^ key) * M}
   * then {@code h ^= h >>> 29}, then MurmurHash3's 64-bit finalizer, truncated to the low 32 bits.
   * The CPU backend's join table hashes keys the same way, and so do device probes and builds.
   */
  static String joinHash(PtxWriter out, List<String> encoded) {
    out.comment("hash of the normalized keys");
    String hash = out.register(RegisterClass.B64);
    String shifted = out.register(RegisterClass.B64);
    out.op("mov.b64 " + hash + ", 0");
    for (String bits : encoded) {
      out.op("xor.b64 " + hash + ", " + hash + ", " + bits);
      out.op("mul.lo.u64 " + hash + ", " + hash + ", " + JOIN_HASH_MULTIPLIER);
      out.op("shr.u64 " + shifted + ", " + hash + ", 29");
      out.op("xor.b64 " + hash + ", " + hash + ", " + shifted);
    }
    finalizeHash(out, hash);
    String hash32 = out.register(RegisterClass.B32);
    out.op("cvt.u32.u64 " + hash32 + ", " + hash);
    return hash32;
  }
}
