package dev.warpsql.kernels.ptxsim;

import java.util.Locale;

/** The PTX special registers that a kernel may read, each a per-thread constant. */
enum SimSpecialRegister {
  TID_X,
  TID_Y,
  TID_Z,
  NTID_X,
  NTID_Y,
  NTID_Z,
  CTAID_X,
  CTAID_Y,
  CTAID_Z,
  NCTAID_X,
  NCTAID_Y,
  NCTAID_Z,
  LANEID,
  WARPID,
  NWARPID,
  LANEMASK_EQ,
  LANEMASK_LT,
  LANEMASK_LE,
  LANEMASK_GT,
  LANEMASK_GE;

  /** Returns the special register named like {@code %tid.x}, or null. */
  static SimSpecialRegister of(String name) {
    if (!name.startsWith("%")) {
      return null;
    }
    String key = name.substring(1).replace('.', '_').toUpperCase(Locale.ROOT);
    for (SimSpecialRegister register : values()) {
      if (register.name().equals(key)) {
        return register;
      }
    }
    return null;
  }

  /** Returns the value for a thread of a 1-D launch. */
  long valueFor(SimThread thread) {
    int lane = thread.lane;
    return switch (this) {
      case TID_X -> thread.threadInBlock;
      case TID_Y, TID_Z, CTAID_Y, CTAID_Z -> 0;
      case NTID_X -> thread.blockSize;
      case NTID_Y, NTID_Z, NCTAID_Y, NCTAID_Z -> 1;
      case CTAID_X -> thread.block;
      case NCTAID_X -> thread.gridSize;
      case LANEID -> lane;
      case WARPID -> thread.threadInBlock / SimThread.WARP_SIZE;
      case NWARPID -> (thread.blockSize + SimThread.WARP_SIZE - 1) / SimThread.WARP_SIZE;
      case LANEMASK_EQ -> 1L << lane;
      case LANEMASK_LT -> (1L << lane) - 1;
      case LANEMASK_LE -> (2L << lane) - 1;
      case LANEMASK_GT -> ~((2L << lane) - 1) & 0xFFFF_FFFFL;
      case LANEMASK_GE -> ~((1L << lane) - 1) & 0xFFFF_FFFFL;
    };
  }
}
