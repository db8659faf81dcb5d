package dev.warpsql.kernels.ptxsim;

import java.math.BigDecimal;

/**
 * {@code mov}, {@code cvta} and {@code cvt}. Conversions follow the PTX rules: integer to integer
 * sign- or zero-extends by the source type and truncates to the destination (or clamps with {@code
 * .sat}); floating point to integer rounds by the required {@code .rni/.rzi/.rmi/.rpi} modifier,
 * clamps to the destination range and turns NaN into 0; narrowing floating point and integer to
 * floating point round to nearest even ({@code .rn}, the only rounding these support here); a
 * same-size floating-point {@code cvt} with an integer rounding rounds to an integral value.
 */
final class SimConversions {
  private SimConversions() {}

  /** {@code mov.type d, a} and {@code cvta.to.global.u64 d, a}, which is an identity here. */
  static final class Move extends SimInstruction {
    private final SimType type;
    private final int d;
    private final int a;

    Move(SimStatement statement, SimType type, int d, int a) {
      super(statement);
      this.type = type;
      this.d = d;
      this.a = a;
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      r[d] = type == SimType.PRED ? (r[a] != 0 ? 1 : 0) : type.truncate(r[a]);
      return pc + 1;
    }
  }

  /**
   * {@code mov.b64 d, {lo, hi}} and {@code mov.b64 {lo, hi}, a}: packs two 32-bit registers into a
   * 64-bit one or unpacks it, the first element being the low half.
   */
  static final class Pack extends SimInstruction {
    private final boolean unpack;
    private final int wide;
    private final int low;
    private final int high;

    Pack(SimStatement statement, boolean unpack, int wide, int low, int high) {
      super(statement);
      this.unpack = unpack;
      this.wide = wide;
      this.low = low;
      this.high = high;
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      if (unpack) {
        long value = r[wide];
        r[low] = value & 0xFFFF_FFFFL;
        r[high] = value >>> 32;
      } else {
        r[wide] = (r[low] & 0xFFFF_FFFFL) | (r[high] << 32);
      }
      return pc + 1;
    }
  }

  /** Rounding modifiers of {@code cvt}. */
  enum Rounding {
    NONE,
    RN,
    RNI,
    RZI,
    RMI,
    RPI
  }

  /** {@code cvt[.rnd][.sat].dtype.atype d, a}. */
  static final class Convert extends SimInstruction {
    private final Rounding rounding;
    private final boolean saturate;
    private final SimType to;
    private final SimType from;
    private final int d;
    private final int a;

    Convert(
        SimStatement statement,
        Rounding rounding,
        boolean saturate,
        SimType to,
        SimType from,
        int d,
        int a) {
      super(statement);
      this.rounding = rounding;
      this.saturate = saturate;
      this.to = to;
      this.from = from;
      this.d = d;
      this.a = a;
      check();
    }

    private void check() {
      boolean integerRounding = rounding.ordinal() >= Rounding.RNI.ordinal();
      if (from.isFloat() && to.isFloat()) {
        boolean narrowing = to.bits < from.bits;
        boolean same = to == from;
        boolean valid =
            (narrowing && rounding == Rounding.RN)
                || (same && integerRounding)
                || (!narrowing && !same && rounding == Rounding.NONE);
        if (!valid || saturate) {
          throw fail("unsupported rounding or saturation for " + from + " to " + to);
        }
      } else if (from.isFloat()) {
        if (!integerRounding) {
          throw fail("a floating-point to integer cvt needs .rni, .rzi, .rmi or .rpi");
        }
      } else if (to.isFloat()) {
        if (rounding != Rounding.RN || saturate) {
          throw fail("integer to floating-point cvt is supported with .rn only");
        }
      } else if (rounding != Rounding.NONE) {
        throw fail("an integer cvt takes no rounding modifier");
      }
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      long raw = r[a];
      if (from.isFloat() && to.isFloat()) {
        double x = SimFloatOps.value(raw, from);
        r[d] = to == from ? roundToIntegral(x, to) : floatBits(x, to);
      } else if (from.isFloat()) {
        r[d] = to.truncate(toInteger(roundToIntegral(SimFloatOps.value(raw, from))));
      } else if (to.isFloat()) {
        r[d] = floatBits(integerToDouble(from.extend(raw), to), to);
      } else {
        long value = from.extend(raw);
        if (saturate) {
          value = clamp(value);
        }
        r[d] = to.truncate(value);
      }
      return pc + 1;
    }

    // Widening keeps NaN payloads, and narrowing with .rn rounds like Java's (float) cast.
    private static long floatBits(double value, SimType type) {
      if (type == SimType.F32) {
        return Float.floatToRawIntBits((float) value) & 0xFFFF_FFFFL;
      }
      return Double.doubleToRawLongBits(value);
    }

    private long roundToIntegral(double x, SimType type) {
      double rounded = roundToIntegral(x);
      return type == SimType.F32
          ? Float.floatToRawIntBits((float) rounded) & 0xFFFF_FFFFL
          : Double.doubleToRawLongBits(rounded);
    }

    private double roundToIntegral(double x) {
      return switch (rounding) {
        case RNI -> Math.rint(x);
        case RZI -> x < 0 ? Math.ceil(x) : Math.floor(x);
        case RMI -> Math.floor(x);
        case RPI -> Math.ceil(x);
        default -> x;
      };
    }

    /** Returns an integral double clamped to the destination range, NaN as 0. */
    private long toInteger(double integral) {
      if (integral != integral) {
        return 0;
      }
      if (to.isSigned()) {
        double min = (double) to.minValue();
        double max = (double) to.maxValue();
        if (integral <= min) {
          return to.minValue();
        }
        return integral >= max ? to.maxValue() : (long) integral;
      }
      if (integral <= 0) {
        return 0;
      }
      BigDecimal exact = new BigDecimal(integral);
      BigDecimal max = new BigDecimal(Long.toUnsignedString(to.maxValue()));
      return exact.compareTo(max) >= 0 ? to.maxValue() : exact.toBigInteger().longValue();
    }

    private double integerToDouble(long value, SimType target) {
      if (from.isSigned() || from.bits < 64 || value >= 0) {
        return target == SimType.F32 ? (float) value : (double) value;
      }
      // An unsigned 64-bit value above 2^63: halve it keeping the lost bit sticky, so the one
      // rounding of the conversion happens on the halved value, then double it exactly.
      long halved = (value >>> 1) | (value & 1);
      return target == SimType.F32 ? 2.0f * (float) halved : 2.0 * (double) halved;
    }

    private long clamp(long value) {
      if (to.isSigned()) {
        return Math.max(to.minValue(), Math.min(to.maxValue(), value));
      }
      if (from.isSigned() && value < 0) {
        return 0;
      }
      return Long.compareUnsigned(value, to.maxValue()) > 0 ? to.maxValue() : value;
    }
  }
}
