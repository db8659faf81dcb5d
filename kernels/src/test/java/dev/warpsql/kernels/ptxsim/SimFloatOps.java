package dev.warpsql.kernels.ptxsim;

/**
 * Floating-point instructions with round-to-nearest-even ({@code .rn}), which Java's {@code float}
 * and {@code double} arithmetic implements exactly, subnormals kept (no {@code .ftz}).
 *
 * <p>NaN results of arithmetic are the GPU's canonical NaN, {@code 0x7FFFFFFF} for {@code .f32}
 * (CUDA Programming Guide 1.1, appendix A.2), and {@code 0x7FFFFFFFFFFFFFFF} for {@code .f64},
 * which differ from Java's {@code 0x7FC00000} and {@code 0x7FF8000000000000}.
 */
// NOTE: the .f64 canonical NaN is assumed by analogy with the documented .f32 one. Kernels must
// canonicalize NaN themselves wherever its bits matter, and this choice makes a kernel that does
// not visibly different from the CPU backend.
final class SimFloatOps {
  static final long CANONICAL_NAN_32 = 0x7FFF_FFFFL;
  static final long CANONICAL_NAN_64 = 0x7FFF_FFFF_FFFF_FFFFL;

  private SimFloatOps() {}

  /** Two-operand floating-point operations. */
  enum BinaryOp {
    ADD,
    SUB,
    MUL,
    DIV,
    MIN,
    MAX,
    COPYSIGN
  }

  /** One-operand floating-point operations. */
  enum UnaryOp {
    NEG,
    ABS,
    SQRT
  }

  /** Returns a register's bits as a double; {@code .f32} bits are widened exactly. */
  static double value(long bits, SimType type) {
    return type == SimType.F32 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
  }

  /** Returns the register bits of an arithmetic result, NaN canonical. */
  static long bits(double value, SimType type) {
    if (type == SimType.F32) {
      float rounded = (float) value;
      return rounded != rounded
          ? CANONICAL_NAN_32
          : Float.floatToRawIntBits(rounded) & 0xFFFF_FFFFL;
    }
    return value != value ? CANONICAL_NAN_64 : Double.doubleToRawLongBits(value);
  }

  private static long signBit(SimType type) {
    return type == SimType.F32 ? 0x8000_0000L : Long.MIN_VALUE;
  }

  /** {@code op.type d, a, b}. */
  static final class Binary extends SimInstruction {
    private final BinaryOp op;
    private final SimType type;
    private final int d;
    private final int a;
    private final int b;

    Binary(SimStatement statement, BinaryOp op, SimType type, int d, int a, int b) {
      super(statement);
      this.op = op;
      this.type = type;
      this.d = d;
      this.a = a;
      this.b = b;
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      if (op == BinaryOp.COPYSIGN) {
        // PTX copies the sign of the FIRST source onto the second: d = |b| with a's sign.
        long sign = signBit(type);
        r[d] = (r[b] & ~sign & type.truncate(-1)) | (r[a] & sign);
        return pc + 1;
      }
      if (type == SimType.F32) {
        r[d] = bits(single(value32(r[a]), value32(r[b])), type);
      } else {
        r[d] = bits(apply(value(r[a], type), value(r[b], type)), type);
      }
      return pc + 1;
    }

    private static float value32(long bits) {
      return Float.intBitsToFloat((int) bits);
    }

    // Single precision is computed in float so that each operation rounds once to binary32.
    private float single(float x, float y) {
      return switch (op) {
        case ADD -> x + y;
        case SUB -> x - y;
        case MUL -> x * y;
        case DIV -> x / y;
        case MIN -> (float) minimum(x, y);
        case MAX -> (float) maximum(x, y);
        case COPYSIGN -> throw new IllegalStateException();
      };
    }

    private double apply(double x, double y) {
      return switch (op) {
        case ADD -> x + y;
        case SUB -> x - y;
        case MUL -> x * y;
        case DIV -> x / y;
        case MIN -> minimum(x, y);
        case MAX -> maximum(x, y);
        case COPYSIGN -> throw new IllegalStateException();
      };
    }

    // PTX min and max return the other operand when one is NaN, and NaN only when both are.
    private static double minimum(double x, double y) {
      if (x != x) {
        return y;
      }
      return y != y ? x : Math.min(x, y);
    }

    private static double maximum(double x, double y) {
      if (x != x) {
        return y;
      }
      return y != y ? x : Math.max(x, y);
    }
  }

  /** {@code fma.rn.type d, a, b, c} (and {@code mad.rn} of floats): one rounding. */
  static final class Fma extends SimInstruction {
    private final SimType type;
    private final int d;
    private final int a;
    private final int b;
    private final int c;

    Fma(SimStatement statement, SimType type, int d, int a, int b, int c) {
      super(statement);
      this.type = type;
      this.d = d;
      this.a = a;
      this.b = b;
      this.c = c;
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      if (type == SimType.F32) {
        float x = Float.intBitsToFloat((int) r[a]);
        float y = Float.intBitsToFloat((int) r[b]);
        float z = Float.intBitsToFloat((int) r[c]);
        r[d] = bits(Math.fma(x, y, z), type);
      } else {
        r[d] = bits(Math.fma(value(r[a], type), value(r[b], type), value(r[c], type)), type);
      }
      return pc + 1;
    }
  }

  /** {@code neg}, {@code abs} (sign-bit operations that keep NaN payloads) and {@code sqrt.rn}. */
  static final class Unary extends SimInstruction {
    private final UnaryOp op;
    private final SimType type;
    private final int d;
    private final int a;

    Unary(SimStatement statement, UnaryOp op, SimType type, int d, int a) {
      super(statement);
      this.op = op;
      this.type = type;
      this.d = d;
      this.a = a;
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      long sign = signBit(type);
      long x = type.truncate(r[a]);
      r[d] =
          switch (op) {
            case NEG -> x ^ sign;
            case ABS -> x & ~sign;
            case SQRT ->
                type == SimType.F32
                    ? bits((float) Math.sqrt(Float.intBitsToFloat((int) x)), type)
                    : bits(Math.sqrt(value(x, type)), type);
          };
      return pc + 1;
    }
  }

  /** {@code testp.op.type p, a}: a class test of a value. */
  static final class Test extends SimInstruction {
    private final String test;
    private final SimType type;
    private final int p;
    private final int a;

    Test(SimStatement statement, String test, SimType type, int p, int a) {
      super(statement);
      this.test = test;
      this.type = type;
      this.p = p;
      this.a = a;
      if (!java.util.Set.of("finite", "infinite", "number", "notanumber", "normal", "subnormal")
          .contains(test)) {
        throw statement.fail("unsupported testp operation ." + test);
      }
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      double x = value(r[a], type);
      double smallestNormal = type == SimType.F32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;
      boolean result =
          switch (test) {
            case "finite" -> Double.isFinite(x);
            case "infinite" -> Double.isInfinite(x);
            case "number" -> x == x;
            case "notanumber" -> x != x;
            case "normal" -> Double.isFinite(x) && Math.abs(x) >= smallestNormal;
            default -> x != 0 && Math.abs(x) < smallestNormal;
          };
      r[p] = result ? 1 : 0;
      return pc + 1;
    }
  }
}
