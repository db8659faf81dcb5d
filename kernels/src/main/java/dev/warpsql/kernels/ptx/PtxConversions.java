package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxRoutines.Argument;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * PTX for CAST on non-NULL values: range checks between numeric kinds, rounding half away from zero
 * where digits are lost, DECIMAL rescaling, DATE to TIMESTAMP and back (floor to the day), and
 * TIMESTAMP to TIME (the time of day, counted from the midnight before a timestamp before 1970).
 * Failed checks record an error through {@link PtxWriter#raiseWhen} and leave an unspecified value.
 */
final class PtxConversions {
  /** Microseconds in one day. */
  static final long MICROS_PER_DAY = 86_400_000_000L;

  private static final long MICROS_PER_SECOND = 1_000_000;

  private static final int SECONDS_PER_DAY = 86_400;

  private final PtxWriter out;
  private final PtxRoutines routines;

  PtxConversions(PtxWriter out, PtxRoutines routines) {
    this.out = out;
    this.routines = routines;
  }

  /** Returns whether {@link #convert} accepts the pair of types. */
  static boolean canConvert(DataType from, DataType to) {
    TypeKind source = from.kind();
    TypeKind target = to.kind();
    if (source == target) {
      return true;
    }
    boolean numeric = isNumeric(source) && isNumeric(target);
    boolean dateTime =
        (source == TypeKind.DATE && target == TypeKind.TIMESTAMP)
            || (source == TypeKind.TIMESTAMP && target == TypeKind.DATE)
            || (source == TypeKind.TIMESTAMP && target == TypeKind.TIME);
    return numeric || dateTime;
  }

  static boolean isNumeric(TypeKind kind) {
    return kind.isExactNumeric() || kind.isApproximateNumeric();
  }

  /** Returns the DECIMAL scale of an exact type, 0 for the integer kinds. */
  static int scaleOf(DataType type) {
    return type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
  }

  /** Returns a register of {@code to}'s class holding {@code value} converted from {@code from}. */
  String convert(String value, DataType from, DataType to) {
    if (!canConvert(from, to)) {
      throw new IllegalArgumentException("no conversion from " + from + " to " + to);
    }
    TypeKind target = to.kind();
    boolean sameLayout =
        from.kind() == target
            && (target != TypeKind.DECIMAL
                || (from.scale() == to.scale() && from.precision() <= to.precision()));
    if (sameLayout) {
      return value;
    }
    if (target == TypeKind.DECIMAL) {
      return toDecimal(value, from, to);
    }
    if (target.isExactNumeric()) {
      return toInteger(value, from, to);
    }
    if (target == TypeKind.DOUBLE) {
      return toDouble(value, from);
    }
    if (target == TypeKind.REAL) {
      return toReal(value, from);
    }
    if (target == TypeKind.TIMESTAMP) {
      return dateToTimestamp(value);
    }
    if (target == TypeKind.TIME) {
      return microsecondOfDay(value);
    }
    String days = epochDay(value);
    String result = out.register(RegisterClass.B32);
    out.op("cvt.u32.u64 " + result + ", " + days);
    return result;
  }

  /** Returns a 64-bit register with the value of an integer-register type, sign-extended. */
  String toLong(String value, DataType type) {
    TypeKind.PhysicalType physical = type.physicalType();
    if (physical == TypeKind.PhysicalType.LONG) {
      return value;
    }
    if (physical != TypeKind.PhysicalType.INT) {
      throw new IllegalArgumentException(type + " is not held in an integer register");
    }
    String result = out.register(RegisterClass.B64);
    out.op("cvt.s64.s32 " + result + ", " + value);
    return result;
  }

  /**
   * Returns a double register with a numeric value. A DECIMAL is converted exactly and divided by
   * its power of ten in IEEE arithmetic.
   */
  String toDouble(String value, DataType from) {
    String result = out.register(RegisterClass.F64);
    switch (from.kind()) {
      case DOUBLE -> {
        return value;
      }
      case REAL -> out.op("cvt.f64.f32 " + result + ", " + value);
      case TINYINT, SMALLINT, INTEGER -> out.op("cvt.rn.f64.s32 " + result + ", " + value);
      case BIGINT -> out.op("cvt.rn.f64.s64 " + result + ", " + value);
      case DECIMAL -> {
        out.op("cvt.rn.f64.s64 " + result + ", " + value);
        if (from.scale() > 0) {
          // NOTE: an unscaled value beyond 2^53 is rounded before the division, so the result
          // may differ from the correctly rounded quotient by one unit in the last place.
          out.op(
              "div.rn.f64 "
                  + result
                  + ", "
                  + result
                  + ", "
                  + PtxLiterals.f64(Math.pow(10, from.scale())));
        }
      }
      default -> throw new IllegalArgumentException(from + " is not numeric");
    }
    return result;
  }

  /** Emits a range check of a 64-bit integer against {@code [min, max]}. */
  void checkRange(String value, long min, long max) {
    if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
      return;
    }
    String below = out.register(RegisterClass.PRED);
    String above = out.register(RegisterClass.PRED);
    out.op("setp.lt.s64 " + below + ", " + value + ", " + PtxLiterals.s64(min));
    out.op("setp.gt.s64 " + above + ", " + value + ", " + max);
    out.op("or.pred " + below + ", " + below + ", " + above);
    out.raiseWhen(below, KernelErrorCode.NUMERIC_OVERFLOW);
  }

  /** Records the errors of a DECIMAL routine's status register (see {@link PtxRoutine}). */
  void raiseStatus(String status, KernelErrorCode... codes) {
    for (KernelErrorCode code : codes) {
      int statusValue =
          switch (code) {
            case NUMERIC_OVERFLOW -> 1;
            case DIVISION_BY_ZERO -> 2;
            case INVALID_CAST -> 3;
            case COMPILATION_FAILED -> throw new IllegalArgumentException(code + " has no status");
          };
      String failed = out.register(RegisterClass.PRED);
      out.op("setp.eq.u32 " + failed + ", " + status + ", " + statusValue);
      out.raiseWhen(failed, code);
    }
  }

  /**
   * Returns the DECIMAL value of a signed 128-bit unscaled value {@code hi:lo} at scale {@code
   * from}, rounded to {@code to}'s scale and checked against its precision.
   */
  String roundDecimal(String hi, String lo, int from, DataType to) {
    List<String> result =
        routines.call(
            out,
            PtxRoutine.DECIMAL_ROUND,
            List.of(
                Argument.b64(hi),
                Argument.b64(lo),
                Argument.b32(Integer.toString(from)),
                Argument.b32(Integer.toString(to.scale())),
                Argument.b32(Integer.toString(to.precision()))),
            List.of(RegisterClass.B64, RegisterClass.B32));
    raiseStatus(result.get(1), KernelErrorCode.NUMERIC_OVERFLOW);
    return result.get(0);
  }

  /** Returns the high half of the sign extension of a 64-bit value to 128 bits. */
  String signHigh(String value) {
    String hi = out.register(RegisterClass.B64);
    out.op("shr.s64 " + hi + ", " + value + ", 63");
    return hi;
  }

  /** Returns the day (days since 1970-01-01) of a TIMESTAMP, rounded toward negative infinity. */
  String epochDay(String micros) {
    return floorDivide(micros, MICROS_PER_DAY);
  }

  /** Returns the whole seconds since the epoch of a TIMESTAMP, rounded toward negative infinity. */
  String epochSecond(String micros) {
    return floorDivide(micros, MICROS_PER_SECOND);
  }

  /** Returns the seconds since the epoch of a DATE's midnight, as a 64-bit register. */
  String dateEpochSecond(String days) {
    String seconds = out.register(RegisterClass.B64);
    out.op("mul.wide.s32 " + seconds + ", " + days + ", " + SECONDS_PER_DAY);
    return seconds;
  }

  /** Returns a 64-bit quotient rounded toward negative infinity, for a positive divisor. */
  private String floorDivide(String dividend, long divisor) {
    String quotient = out.register(RegisterClass.B64);
    String remainder = out.register(RegisterClass.B64);
    String inexact = out.register(RegisterClass.PRED);
    String negative = out.register(RegisterClass.PRED);
    out.op("div.s64 " + quotient + ", " + dividend + ", " + divisor);
    out.op("rem.s64 " + remainder + ", " + dividend + ", " + divisor);
    out.op("setp.ne.s64 " + inexact + ", " + remainder + ", 0");
    out.op("setp.lt.s64 " + negative + ", " + dividend + ", 0");
    out.op("and.pred " + inexact + ", " + inexact + ", " + negative);
    out.op("@" + inexact + " sub.s64 " + quotient + ", " + quotient + ", 1");
    return quotient;
  }

  /** Returns a 64-bit register with the microseconds since the midnight that starts the day. */
  String microsecondOfDay(String micros) {
    String remainder = out.register(RegisterClass.B64);
    String negative = out.register(RegisterClass.PRED);
    out.op("rem.s64 " + remainder + ", " + micros + ", " + MICROS_PER_DAY);
    out.op("setp.lt.s64 " + negative + ", " + remainder + ", 0");
    out.op("@" + negative + " add.s64 " + remainder + ", " + remainder + ", " + MICROS_PER_DAY);
    return remainder;
  }

  private String toDecimal(String value, DataType from, DataType to) {
    if (from.kind().isApproximateNumeric()) {
      String asDouble = toDouble(value, from);
      List<String> result =
          routines.call(
              out,
              PtxRoutine.DECIMAL_FROM_F64,
              List.of(
                  Argument.f64(asDouble),
                  Argument.b32(Integer.toString(to.scale())),
                  Argument.b32(Integer.toString(to.precision()))),
              List.of(RegisterClass.B64, RegisterClass.B32));
      raiseStatus(result.get(1), KernelErrorCode.NUMERIC_OVERFLOW, KernelErrorCode.INVALID_CAST);
      return result.get(0);
    }
    String wide = toLong(value, from);
    return roundDecimal(signHigh(wide), wide, scaleOf(from), to);
  }

  private String toInteger(String value, DataType from, DataType to) {
    PtxIntegerRange range = PtxIntegerRange.of(to);
    String result;
    if (from.kind() == TypeKind.DECIMAL) {
      result = roundDecimal(signHigh(value), value, from.scale(), DataType.decimal(19, 0));
      checkRange(result, range.min(), range.max());
    } else if (from.kind().isApproximateNumeric()) {
      result = doubleToLong(toDouble(value, from));
      checkRange(result, range.min(), range.max());
    } else {
      result = toLong(value, from);
      if (!range.contains(PtxIntegerRange.of(from))) {
        checkRange(result, range.min(), range.max());
      }
    }
    if (to.physicalType() == TypeKind.PhysicalType.INT) {
      String narrow = out.register(RegisterClass.B32);
      out.op("cvt.u32.u64 " + narrow + ", " + result);
      return narrow;
    }
    return result;
  }

  /**
   * Rounds a double half away from zero to a 64-bit integer; NaN and infinities raise INVALID_CAST
   * and values beyond the 64-bit range raise NUMERIC_OVERFLOW.
   */
  private String doubleToLong(String value) {
    String finite = out.register(RegisterClass.PRED);
    String notFinite = out.register(RegisterClass.PRED);
    out.op("testp.finite.f64 " + finite + ", " + value);
    out.op("not.pred " + notFinite + ", " + finite);
    out.raiseWhen(notFinite, KernelErrorCode.INVALID_CAST);
    String magnitude = out.register(RegisterClass.F64);
    String whole = out.register(RegisterClass.F64);
    String fraction = out.register(RegisterClass.F64);
    String roundUp = out.register(RegisterClass.PRED);
    out.op("abs.f64 " + magnitude + ", " + value);
    out.op("cvt.rmi.f64.f64 " + whole + ", " + magnitude);
    // magnitude - whole is exact, so ties are found without the error of adding 0.5 first
    out.op("sub.rn.f64 " + fraction + ", " + magnitude + ", " + whole);
    out.op("setp.ge.f64 " + roundUp + ", " + fraction + ", " + PtxLiterals.f64(0.5));
    out.op("@" + roundUp + " add.rn.f64 " + whole + ", " + whole + ", " + PtxLiterals.f64(1.0));
    String rounded = out.register(RegisterClass.F64);
    out.op("copysign.f64 " + rounded + ", " + value + ", " + whole);
    String outside = out.register(RegisterClass.PRED);
    String above = out.register(RegisterClass.PRED);
    out.op("setp.lt.f64 " + outside + ", " + rounded + ", " + PtxLiterals.f64(-0x1p63));
    out.op("setp.ge.f64 " + above + ", " + rounded + ", " + PtxLiterals.f64(0x1p63));
    out.op("or.pred " + outside + ", " + outside + ", " + above);
    out.op("and.pred " + outside + ", " + outside + ", " + finite);
    out.raiseWhen(outside, KernelErrorCode.NUMERIC_OVERFLOW);
    String result = out.register(RegisterClass.B64);
    out.op("cvt.rzi.s64.f64 " + result + ", " + rounded);
    return result;
  }

  private String toReal(String value, DataType from) {
    String source = toDouble(value, from);
    String result = out.register(RegisterClass.F32);
    out.op("cvt.rn.f32.f64 " + result + ", " + source);
    if (from.kind() == TypeKind.DOUBLE) {
      // a finite double beyond REAL's range becomes an infinity
      String infinite = out.register(RegisterClass.PRED);
      String sourceFinite = out.register(RegisterClass.PRED);
      out.op("testp.infinite.f32 " + infinite + ", " + result);
      out.op("testp.finite.f64 " + sourceFinite + ", " + source);
      out.op("and.pred " + infinite + ", " + infinite + ", " + sourceFinite);
      out.raiseWhen(infinite, KernelErrorCode.NUMERIC_OVERFLOW);
    }
    return result;
  }

  private String dateToTimestamp(String days) {
    String wide = toLong(days, DataType.DATE);
    String lo = out.register(RegisterClass.B64);
    String hi = out.register(RegisterClass.B64);
    out.op("mul.lo.s64 " + lo + ", " + wide + ", " + MICROS_PER_DAY);
    out.op("mul.hi.s64 " + hi + ", " + wide + ", " + MICROS_PER_DAY);
    String overflow = out.register(RegisterClass.PRED);
    out.op("setp.ne.s64 " + overflow + ", " + hi + ", " + signHigh(lo));
    out.raiseWhen(overflow, KernelErrorCode.NUMERIC_OVERFLOW);
    return lo;
  }
}
