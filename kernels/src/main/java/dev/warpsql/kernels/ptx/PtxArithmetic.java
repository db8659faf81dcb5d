package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxRoutines.Argument;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * PTX for PLUS, MINUS, TIMES, DIVIDE, MOD and NEGATE on non-NULL operands, with the overflow and
 * division-by-zero checks of the call's type. Integer kinds compute in 64 bits and check the result
 * type's range; DECIMAL computes the exact value in 128 bits and rounds it half away from zero to
 * the call's scale; REAL and DOUBLE use IEEE arithmetic but raise on a zero divisor and on an
 * infinite result of finite operands.
 */
final class PtxArithmetic {
  private final PtxWriter out;
  private final PtxRoutines routines;
  private final PtxConversions conversions;

  PtxArithmetic(PtxWriter out, PtxRoutines routines, PtxConversions conversions) {
    this.out = out;
    this.routines = routines;
    this.conversions = conversions;
  }

  static boolean isArithmetic(Operator operator) {
    return switch (operator) {
      case PLUS, MINUS, TIMES, DIVIDE, MOD, NEGATE -> true;
      default -> false;
    };
  }

  /** Returns the register holding {@code operator} applied to non-NULL operands. */
  String emit(Operator operator, DataType type, List<PtxValue> operands) {
    TypeKind kind = type.kind();
    if (kind == TypeKind.DECIMAL) {
      return decimal(operator, type, operands);
    }
    if (kind.isExactNumeric()) {
      return integer(operator, type, operands);
    }
    if (kind.isApproximateNumeric()) {
      return floating(operator, type, operands);
    }
    // DATE and TIMESTAMP arithmetic is ADD_DAYS, ADD_MONTHS and ADD_MICROSECONDS, not PLUS or
    // MINUS.
    throw new IllegalArgumentException(operator + " is not defined on " + type);
  }

  private String integer(Operator operator, DataType type, List<PtxValue> operands) {
    String[] values = new String[operands.size()];
    for (int i = 0; i < values.length; i++) {
      PtxValue operand = operands.get(i);
      requireNumeric(operator, operand, type);
      String converted = conversions.convert(operand.value(), operand.type(), type);
      values[i] = conversions.toLong(converted, type);
    }
    String result = out.register(RegisterClass.B64);
    String overflow = out.register(RegisterClass.PRED);
    switch (operator) {
      case PLUS -> {
        out.op("add.s64 " + result + ", " + values[0] + ", " + values[1]);
        signedAddOverflow(overflow, values[0], values[1], result, false);
      }
      case MINUS -> {
        out.op("sub.s64 " + result + ", " + values[0] + ", " + values[1]);
        signedAddOverflow(overflow, values[0], values[1], result, true);
      }
      case TIMES -> {
        String high = out.register(RegisterClass.B64);
        out.op("mul.lo.s64 " + result + ", " + values[0] + ", " + values[1]);
        out.op("mul.hi.s64 " + high + ", " + values[0] + ", " + values[1]);
        out.op("setp.ne.s64 " + overflow + ", " + high + ", " + conversions.signHigh(result));
      }
      case DIVIDE -> {
        raiseOnZero(values[1]);
        String safeDivisor = nonZero(values[1]);
        // the minimum 64-bit value divided by -1 leaves the 64-bit range
        String minimum = out.register(RegisterClass.PRED);
        String minusOne = out.register(RegisterClass.PRED);
        out.op(
            "setp.eq.s64 " + minimum + ", " + values[0] + ", " + PtxLiterals.s64(Long.MIN_VALUE));
        out.op("setp.eq.s64 " + minusOne + ", " + safeDivisor + ", -1");
        out.op("and.pred " + overflow + ", " + minimum + ", " + minusOne);
        out.op("div.s64 " + result + ", " + values[0] + ", " + safeDivisor);
      }
      case MOD -> {
        raiseOnZero(values[1]);
        String safeDivisor = nonZero(values[1]);
        // the remainder by -1 is 0, also for the minimum 64-bit value
        String minusOne = out.register(RegisterClass.PRED);
        out.op("rem.s64 " + result + ", " + values[0] + ", " + safeDivisor);
        out.op("setp.eq.s64 " + minusOne + ", " + safeDivisor + ", -1");
        out.op("@" + minusOne + " mov.b64 " + result + ", 0");
        overflow = null;
      }
      case NEGATE -> {
        out.op("neg.s64 " + result + ", " + values[0]);
        out.op(
            "setp.eq.s64 " + overflow + ", " + values[0] + ", " + PtxLiterals.s64(Long.MIN_VALUE));
      }
      default -> throw new IllegalArgumentException(operator + " is not arithmetic");
    }
    if (overflow != null) {
      out.raiseWhen(overflow, KernelErrorCode.NUMERIC_OVERFLOW);
    }
    PtxIntegerRange range = PtxIntegerRange.of(type);
    conversions.checkRange(result, range.min(), range.max());
    if (type.physicalType() == TypeKind.PhysicalType.INT) {
      String narrow = out.register(RegisterClass.B32);
      out.op("cvt.u32.u64 " + narrow + ", " + result);
      return narrow;
    }
    return result;
  }

  /**
   * Sets {@code overflow} when a + b (or a - b) left the 64-bit range: the operands' signs agree
   * (differ, for subtraction) and the result's sign differs from a's.
   */
  private void signedAddOverflow(
      String overflow, String a, String b, String result, boolean subtract) {
    String signs = out.register(RegisterClass.B64);
    String flipped = out.register(RegisterClass.B64);
    if (subtract) {
      out.op("xor.b64 " + signs + ", " + a + ", " + b);
    } else {
      out.op("xor.b64 " + signs + ", " + b + ", " + result);
    }
    out.op("xor.b64 " + flipped + ", " + a + ", " + result);
    out.op("and.b64 " + signs + ", " + signs + ", " + flipped);
    out.op("setp.lt.s64 " + overflow + ", " + signs + ", 0");
  }

  private void raiseOnZero(String divisor) {
    String zero = out.register(RegisterClass.PRED);
    out.op("setp.eq.s64 " + zero + ", " + divisor + ", 0");
    out.raiseWhen(zero, KernelErrorCode.DIVISION_BY_ZERO);
  }

  /** Returns the divisor, or 1 in its place when it is 0, so that the division cannot trap. */
  private String nonZero(String divisor) {
    String safe = out.register(RegisterClass.B64);
    String zero = out.register(RegisterClass.PRED);
    out.op("setp.eq.s64 " + zero + ", " + divisor + ", 0");
    out.op("selp.b64 " + safe + ", 1, " + divisor + ", " + zero);
    return safe;
  }

  private String decimal(Operator operator, DataType type, List<PtxValue> operands) {
    for (PtxValue operand : operands) {
      if (!operand.type().kind().isExactNumeric()) {
        throw new IllegalArgumentException(
            operator + " on DECIMAL needs exact operands, got " + operand.type());
      }
    }
    PtxValue a = operands.get(0);
    String aLong = conversions.toLong(a.value(), a.type());
    int aScale = PtxConversions.scaleOf(a.type());
    if (operator == Operator.NEGATE) {
      String lo = out.register(RegisterClass.B64);
      String hi = conversions.signHigh(aLong);
      negate128(hi, lo, aLong);
      return conversions.roundDecimal(hi, lo, aScale, type);
    }
    PtxValue b = operands.get(1);
    String bLong = conversions.toLong(b.value(), b.type());
    int bScale = PtxConversions.scaleOf(b.type());
    return switch (operator) {
      case PLUS, MINUS ->
          addDecimal(operator == Operator.MINUS, aLong, aScale, bLong, bScale, type);
      case TIMES -> {
        String lo = out.register(RegisterClass.B64);
        String hi = out.register(RegisterClass.B64);
        out.op("mul.lo.s64 " + lo + ", " + aLong + ", " + bLong);
        out.op("mul.hi.s64 " + hi + ", " + aLong + ", " + bLong);
        yield conversions.roundDecimal(hi, lo, aScale + bScale, type);
      }
      case DIVIDE -> divideDecimal(PtxRoutine.DECIMAL_DIVIDE, aLong, aScale, bLong, bScale, type);
      case MOD -> divideDecimal(PtxRoutine.DECIMAL_MOD, aLong, aScale, bLong, bScale, type);
      default -> throw new IllegalArgumentException(operator + " is not arithmetic");
    };
  }

  private String addDecimal(
      boolean subtract, String a, int aScale, String b, int bScale, DataType type) {
    int common = Math.max(aScale, bScale);
    String[] left = scaled(a, common - aScale);
    String[] right = scaled(b, common - bScale);
    String lo = out.register(RegisterClass.B64);
    String hi = out.register(RegisterClass.B64);
    String mnemonic = subtract ? "sub" : "add";
    out.op(mnemonic + ".cc.u64 " + lo + ", " + left[1] + ", " + right[1]);
    out.op(mnemonic + "c.u64 " + hi + ", " + left[0] + ", " + right[0]);
    return conversions.roundDecimal(hi, lo, common, type);
  }

  /** Returns {high, low} of the signed 128-bit value {@code value * 10^power}. */
  private String[] scaled(String value, int power) {
    if (power == 0) {
      return new String[] {conversions.signHigh(value), value};
    }
    List<String> result =
        routines.call(
            out,
            PtxRoutine.DECIMAL_SCALE,
            List.of(Argument.b64(value), Argument.b32(Integer.toString(power))),
            List.of(RegisterClass.B64, RegisterClass.B64));
    return new String[] {result.get(1), result.get(0)};
  }

  private String divideDecimal(
      PtxRoutine routine, String a, int aScale, String b, int bScale, DataType type) {
    List<String> result =
        routines.call(
            out,
            routine,
            List.of(
                Argument.b64(a),
                Argument.b32(Integer.toString(aScale)),
                Argument.b64(b),
                Argument.b32(Integer.toString(bScale)),
                Argument.b32(Integer.toString(type.scale())),
                Argument.b32(Integer.toString(type.precision()))),
            List.of(RegisterClass.B64, RegisterClass.B32));
    conversions.raiseStatus(
        result.get(1), KernelErrorCode.NUMERIC_OVERFLOW, KernelErrorCode.DIVISION_BY_ZERO);
    return result.get(0);
  }

  /** Sets {@code hi:lo} to the 128-bit negation of the sign-extended {@code value}. */
  private void negate128(String hi, String lo, String value) {
    out.op("not.b64 " + lo + ", " + value);
    out.op("not.b64 " + hi + ", " + hi);
    out.op("add.cc.u64 " + lo + ", " + lo + ", 1");
    out.op("addc.u64 " + hi + ", " + hi + ", 0");
  }

  private String floating(Operator operator, DataType type, List<PtxValue> operands) {
    String[] values = new String[operands.size()];
    for (int i = 0; i < values.length; i++) {
      PtxValue operand = operands.get(i);
      requireNumeric(operator, operand, type);
      values[i] = conversions.convert(operand.value(), operand.type(), type);
    }
    boolean real = type.kind() == TypeKind.REAL;
    String suffix = real ? ".f32" : ".f64";
    String result = out.register(type);
    switch (operator) {
      case PLUS -> out.op("add.rn" + suffix + " " + result + ", " + values[0] + ", " + values[1]);
      case MINUS -> out.op("sub.rn" + suffix + " " + result + ", " + values[0] + ", " + values[1]);
      case TIMES -> out.op("mul.rn" + suffix + " " + result + ", " + values[0] + ", " + values[1]);
      case DIVIDE -> {
        raiseOnFloatZero(values[1], real);
        out.op("div.rn" + suffix + " " + result + ", " + values[0] + ", " + values[1]);
      }
      case MOD -> {
        raiseOnFloatZero(values[1], real);
        return floatMod(values[0], values[1], type);
      }
      case NEGATE -> out.op("neg" + suffix + " " + result + ", " + values[0]);
      default -> throw new IllegalArgumentException(operator + " is not arithmetic");
    }
    if (operator != Operator.NEGATE) {
      raiseOnFloatOverflow(result, values[0], values[1], suffix);
    }
    return result;
  }

  /**
   * Raises an overflow when finite operands gave an infinite result, as the CPU kernels' {@code
   * FloatArithmetic} does. Rows whose result is finite take one test and a branch; the operands are
   * tested only after the result fails.
   */
  private void raiseOnFloatOverflow(String result, String a, String b, String suffix) {
    String infinite = out.register(RegisterClass.PRED);
    String finiteA = out.register(RegisterClass.PRED);
    String finiteB = out.register(RegisterClass.PRED);
    String skip = out.label("finite");
    out.op("testp.infinite" + suffix + " " + infinite + ", " + result);
    out.op("@!" + infinite + " bra " + skip);
    out.op("testp.finite" + suffix + " " + finiteA + ", " + a);
    out.op("testp.finite" + suffix + " " + finiteB + ", " + b);
    out.op("and.pred " + finiteA + ", " + finiteA + ", " + finiteB);
    out.raiseWhen(finiteA, KernelErrorCode.NUMERIC_OVERFLOW);
    out.place(skip);
  }

  private void raiseOnFloatZero(String divisor, boolean real) {
    String zero = out.register(RegisterClass.PRED);
    String constant = real ? PtxLiterals.f32(0f) : PtxLiterals.f64(0.0);
    out.op("setp.eq" + (real ? ".f32 " : ".f64 ") + zero + ", " + divisor + ", " + constant);
    out.raiseWhen(zero, KernelErrorCode.DIVISION_BY_ZERO);
  }

  /** Returns a % b; a REAL remainder is computed on doubles, where it is exact. */
  private String floatMod(String a, String b, DataType type) {
    boolean real = type.kind() == TypeKind.REAL;
    String wideA = real ? conversions.toDouble(a, DataType.REAL) : a;
    String wideB = real ? conversions.toDouble(b, DataType.REAL) : b;
    String remainder =
        routines
            .call(
                out,
                PtxRoutine.F64_MOD,
                List.of(Argument.f64(wideA), Argument.f64(wideB)),
                List.of(RegisterClass.F64))
            .get(0);
    if (!real) {
      return remainder;
    }
    String result = out.register(RegisterClass.F32);
    out.op("cvt.rn.f32.f64 " + result + ", " + remainder);
    return result;
  }

  private static void requireNumeric(Operator operator, PtxValue operand, DataType type) {
    if (!PtxConversions.isNumeric(operand.type().kind())) {
      throw new IllegalArgumentException(
          operator + " on " + type + " needs numeric operands, got " + operand.type());
    }
  }
}
