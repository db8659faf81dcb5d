package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * The registers of one row's group key: the 64-bit encoded keys, the NULL mask and their hash,
 * which the block-local and device-wide group tables both use.
 */
record PtxGroupKey(List<String> encoded, String nullMask, String hash) {
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
      PtxAggregateSink.finalizeHash(out, hash);
      out.op("add.u64 " + hash + ", " + hash + ", 0x9E3779B97F4A7C15");
    }
    PtxAggregateSink.finalizeHash(out, hash);
    return new PtxGroupKey(encoded, nullMask, hash);
  }
}
