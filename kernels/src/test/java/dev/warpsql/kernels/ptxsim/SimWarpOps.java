package dev.warpsql.kernels.ptxsim;

/** {@code vote.sync} and {@code shfl.sync}. */
final class SimWarpOps {
  private SimWarpOps() {}

  /** {@code vote.sync.mode d, {!}a, membermask} with mode {@code ballot, any, all, uni}. */
  static final class Vote extends SimWarpCollective {
    private final String mode;
    private final int d;
    private final int a;
    private final boolean negate;

    Vote(SimStatement statement, String mode, int d, int a, boolean negate, int mask) {
      super(statement, mask);
      this.mode = mode;
      this.d = d;
      this.a = a;
      this.negate = negate;
    }

    @Override
    void resolve(SimThread[] warp, int mask) {
      int ballot = 0;
      int members = 0;
      for (int lane = 0; lane < warp.length; lane++) {
        if ((mask & (1 << lane)) == 0) {
          continue;
        }
        members++;
        boolean value = (warp[lane].registers()[a] != 0) != negate;
        if (value) {
          ballot |= 1 << lane;
        }
      }
      int set = Integer.bitCount(ballot);
      long result =
          switch (mode) {
            case "ballot" -> ballot & 0xFFFF_FFFFL;
            case "any" -> set > 0 ? 1 : 0;
            case "all" -> set == members ? 1 : 0;
            default -> set == 0 || set == members ? 1 : 0;
          };
      for (int lane = 0; lane < warp.length; lane++) {
        if ((mask & (1 << lane)) != 0) {
          warp[lane].registers()[d] = result;
        }
      }
    }
  }

  /**
   * {@code shfl.sync.mode.b32 d[|p], a, b, c, membermask}. {@code c} packs the clamp value (bits
   * 0-4) and the segment mask (bits 8-12). A lane whose computed source lane is out of range reads
   * its own value and gets {@code p} false. Reading from a lane outside the member mask is
   * undefined in PTX and fails here.
   */
  static final class Shuffle extends SimWarpCollective {
    private final String mode;
    private final int d;
    private final int p;
    private final int a;
    private final int b;
    private final int c;

    Shuffle(SimStatement statement, String mode, int[] slots) {
      super(statement, slots[5]);
      this.mode = mode;
      this.d = slots[0];
      this.p = slots[1];
      this.a = slots[2];
      this.b = slots[3];
      this.c = slots[4];
    }

    @Override
    void resolve(SimThread[] warp, int mask) {
      long[] values = new long[warp.length];
      for (int lane = 0; lane < warp.length; lane++) {
        if ((mask & (1 << lane)) != 0) {
          values[lane] = warp[lane].registers()[a] & 0xFFFF_FFFFL;
        }
      }
      for (int lane = 0; lane < warp.length; lane++) {
        if ((mask & (1 << lane)) == 0) {
          continue;
        }
        long[] r = warp[lane].registers();
        int offset = (int) (r[b] & 0x1F);
        int packed = (int) r[c];
        int clamp = packed & 0x1F;
        int segmentMask = (packed >> 8) & 0x1F;
        int maxLane = (lane & segmentMask) | (clamp & ~segmentMask);
        int minLane = lane & segmentMask;
        int source;
        boolean inRange;
        switch (mode) {
          case "up" -> {
            source = lane - offset;
            inRange = source >= maxLane;
          }
          case "down" -> {
            source = lane + offset;
            inRange = source <= maxLane;
          }
          case "bfly" -> {
            source = lane ^ offset;
            inRange = source <= maxLane;
          }
          default -> {
            source = minLane | (offset & ~segmentMask);
            inRange = source <= maxLane;
          }
        }
        if (!inRange) {
          source = lane;
        }
        if ((mask & (1 << source)) == 0) {
          throw fail(
              "lane "
                  + lane
                  + " reads lane "
                  + source
                  + ", which is outside the member mask 0x"
                  + Integer.toHexString(mask));
        }
        r[d] = values[source];
        if (p >= 0) {
          r[p] = inRange ? 1 : 0;
        }
      }
    }
  }
}
