package dev.warpsql.kernels.ptxsim;

/**
 * Integer and bitwise instructions. Arithmetic wraps around at the type's width as PTX defines;
 * shift amounts are unsigned and clamped to the width (so a shift by 64 or more of a 64-bit value
 * gives 0, or the sign for {@code shr.s}), where Java would take the amount modulo the width.
 */
final class SimIntegerOps {
  private SimIntegerOps() {}

  /** Two-operand integer operations. */
  enum BinaryOp {
    ADD,
    SUB,
    MUL_LO,
    MUL_HI,
    MUL_WIDE,
    DIV,
    REM,
    MIN,
    MAX,
    AND,
    OR,
    XOR,
    SHL,
    SHR
  }

  /** One-operand integer operations. */
  enum UnaryOp {
    NEG,
    ABS,
    NOT,
    POPC,
    CLZ,
    BREV
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
      r[d] = compute(r);
      return pc + 1;
    }

    /** Returns the result bits: at the type's width, or twice that for {@code mul.wide}. */
    long compute(long[] r) {
      long x = type.extend(r[a]);
      long y = op == BinaryOp.SHL || op == BinaryOp.SHR ? r[b] & 0xFFFF_FFFFL : type.extend(r[b]);
      long value =
          switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL_LO -> x * y;
            case MUL_HI -> multiplyHigh(x, y);
            case MUL_WIDE -> x * y;
            case DIV -> divide(x, y);
            case REM -> remainder(x, y);
            case MIN -> compare(x, y) <= 0 ? x : y;
            case MAX -> compare(x, y) >= 0 ? x : y;
            case AND -> x & y;
            case OR -> x | y;
            case XOR -> x ^ y;
            case SHL -> y >= type.bits ? 0 : x << y;
            case SHR -> shiftRight(x, y);
          };
      return op == BinaryOp.MUL_WIDE ? wide(value) : type.truncate(value);
    }

    private long wide(long value) {
      return type.bits == 32 ? value : value & ((1L << (2 * type.bits)) - 1);
    }

    private long multiplyHigh(long x, long y) {
      if (type.bits == 64) {
        long high = Math.multiplyHigh(x, y);
        if (!type.isSigned()) {
          // Unsigned high word from the signed one: add back each operand once per sign bit.
          high += ((x >> 63) & y) + ((y >> 63) & x);
        }
        return high;
      }
      long product = x * y;
      return type.isSigned() ? product >> type.bits : product >>> type.bits;
    }

    // PTX leaves the quotient and remainder of a division by zero unspecified; the interpreter
    // returns all ones and the dividend, so a kernel that uses them produces a visible wrong value.
    private long divide(long x, long y) {
      if (y == 0) {
        return -1;
      }
      if (type.bits == 64 && !type.isSigned()) {
        return Long.divideUnsigned(x, y);
      }
      return x / y;
    }

    private long remainder(long x, long y) {
      if (y == 0) {
        return x;
      }
      if (type.bits == 64 && !type.isSigned()) {
        return Long.remainderUnsigned(x, y);
      }
      return x % y;
    }

    private int compare(long x, long y) {
      return type.isSigned() ? Long.compare(x, y) : Long.compareUnsigned(x, y);
    }

    private long shiftRight(long x, long amount) {
      if (type.isSigned()) {
        return amount >= type.bits ? x >> 63 : x >> amount;
      }
      return amount >= type.bits ? 0 : x >>> amount;
    }
  }

  /** {@code op.type d, a}. */
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
      long x = type.extend(r[a]);
      r[d] =
          switch (op) {
            case NEG -> type.truncate(-x);
            case ABS -> type.truncate(Math.abs(x));
            case NOT -> type.truncate(~x);
            case POPC -> Long.bitCount(type.truncate(x));
            case CLZ -> Long.numberOfLeadingZeros(type.truncate(x)) - (64 - type.bits);
            case BREV -> type.truncate(Long.reverse(x) >>> (64 - type.bits));
          };
      return pc + 1;
    }
  }

  /** {@code mad.lo}, {@code mad.hi} and {@code mad.wide}: a product plus {@code c}. */
  static final class MultiplyAdd extends SimInstruction {
    private final Binary product;
    private final SimType resultType;
    private final int d;
    private final int c;

    MultiplyAdd(SimStatement statement, BinaryOp op, SimType type, int d, int a, int b, int c) {
      super(statement);
      this.product = new Binary(statement, op, type, d, a, b);
      this.resultType = op == BinaryOp.MUL_WIDE ? widen(type) : type;
      this.d = d;
      this.c = c;
    }

    private static SimType widen(SimType type) {
      return switch (type) {
        case U16 -> SimType.U32;
        case S16 -> SimType.S32;
        case U32 -> SimType.U64;
        case S32 -> SimType.S64;
        default -> throw new IllegalArgumentException("no wide form of " + type);
      };
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      r[d] = resultType.truncate(product.compute(r) + resultType.extend(r[c]));
      return pc + 1;
    }
  }

  /**
   * Extended-precision {@code add.cc}, {@code addc}, {@code sub.cc} and {@code subc}: the carry
   * flag (CC.CF) contains the carry-out of an addition and the borrow-out of a subtraction.
   */
  static final class Carry extends SimInstruction {
    private final boolean subtract;
    private final boolean carryIn;
    private final boolean carryOut;
    private final SimType type;
    private final int d;
    private final int a;
    private final int b;

    Carry(
        SimStatement statement,
        boolean subtract,
        boolean carryIn,
        boolean carryOut,
        SimType type,
        int d,
        int a,
        int b) {
      super(statement);
      this.subtract = subtract;
      this.carryIn = carryIn;
      this.carryOut = carryOut;
      this.type = type;
      this.d = d;
      this.a = a;
      this.b = b;
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      long x = type.truncate(r[a]);
      long y = type.truncate(r[b]);
      long in = carryIn && thread.carry ? 1 : 0;
      long value;
      boolean out;
      if (subtract) {
        value = x - y - in;
        out = Long.compareUnsigned(x, y) < 0 || (in == 1 && x == y);
      } else {
        value = x + y + in;
        long sum = type.truncate(value);
        out = Long.compareUnsigned(sum, x) < 0 || (in == 1 && sum == x);
      }
      if (carryOut) {
        thread.carry = out;
      }
      r[d] = type.truncate(value);
      return pc + 1;
    }
  }
}
