package dev.warpsql.kernels.ptxsim;

/**
 * Comparisons and predicate logic: {@code setp} (integer, bit and floating-point comparisons, with
 * the optional boolean combination), {@code selp}, and {@code and/or/xor/not/mov} on predicates.
 *
 * <p>Floating-point {@code eq, ne, lt, le, gt, ge} are ordered (false when either value is NaN, so
 * {@code ne} with a NaN is false), the {@code u}-suffixed forms are unordered (true with a NaN),
 * and -0.0 equals 0.0.
 */
final class SimCompareOps {
  private SimCompareOps() {}

  /** Combination of a comparison with a third predicate, as {@code setp.lt.and.s32}. */
  enum Combine {
    NONE,
    AND,
    OR,
    XOR
  }

  /** {@code setp.cmp[.op].type p[|q], a, b[, {!}c]}. */
  static final class Setp extends SimInstruction {
    private final String comparison;
    private final SimType type;
    private final Combine combine;
    private final int p;
    private final int q;
    private final int a;
    private final int b;
    private final int c;
    private final boolean negateC;

    Setp(
        SimStatement statement,
        String comparison,
        SimType type,
        Combine combine,
        int[] slots,
        boolean negateC) {
      super(statement);
      this.comparison = comparison;
      this.type = type;
      this.combine = combine;
      this.p = slots[0];
      this.q = slots[1];
      this.a = slots[2];
      this.b = slots[3];
      this.c = slots[4];
      this.negateC = negateC;
      boolean floating = type.isFloat();
      boolean known =
          switch (comparison) {
            case "eq", "ne" -> true;
            case "lt", "le", "gt", "ge" -> type.kind != SimType.Kind.BITS;
            case "lo", "ls", "hi", "hs" -> type.kind == SimType.Kind.UNSIGNED;
            case "equ", "neu", "ltu", "leu", "gtu", "geu", "num", "nan" -> floating;
            default -> false;
          };
      if (!known) {
        throw statement.fail("unsupported comparison ." + comparison + " for " + type);
      }
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      boolean result = type.isFloat() ? compareFloat(r) : compareInteger(r);
      boolean other = false;
      if (combine != Combine.NONE) {
        other = (r[c] != 0) != negateC;
        result =
            switch (combine) {
              case AND -> result && other;
              case OR -> result || other;
              case XOR -> result ^ other;
              case NONE -> result;
            };
      }
      r[p] = result ? 1 : 0;
      if (q >= 0) {
        boolean complement = type.isFloat() ? !compareFloat(r) : !compareInteger(r);
        if (combine != Combine.NONE) {
          complement =
              switch (combine) {
                case AND -> complement && other;
                case OR -> complement || other;
                case XOR -> complement ^ other;
                case NONE -> complement;
              };
        }
        r[q] = complement ? 1 : 0;
      }
      return pc + 1;
    }

    private boolean compareInteger(long[] r) {
      long x = type.extend(r[a]);
      long y = type.extend(r[b]);
      int order = type.isSigned() ? Long.compare(x, y) : Long.compareUnsigned(x, y);
      return switch (comparison) {
        case "eq" -> order == 0;
        case "ne" -> order != 0;
        case "lt", "lo" -> order < 0;
        case "le", "ls" -> order <= 0;
        case "gt", "hi" -> order > 0;
        default -> order >= 0;
      };
    }

    private boolean compareFloat(long[] r) {
      double x = SimFloatOps.value(r[a], type);
      double y = SimFloatOps.value(r[b], type);
      boolean unordered = x != x || y != y;
      return switch (comparison) {
        case "eq" -> !unordered && x == y;
        case "ne" -> !unordered && x != y;
        case "lt" -> !unordered && x < y;
        case "le" -> !unordered && x <= y;
        case "gt" -> !unordered && x > y;
        case "ge" -> !unordered && x >= y;
        case "equ" -> unordered || x == y;
        case "neu" -> unordered || x != y;
        case "ltu" -> unordered || x < y;
        case "leu" -> unordered || x <= y;
        case "gtu" -> unordered || x > y;
        case "geu" -> unordered || x >= y;
        case "num" -> !unordered;
        default -> unordered;
      };
    }
  }

  /** {@code selp.type d, a, b, c}: {@code d = c ? a : b}. */
  static final class Selp extends SimInstruction {
    private final SimType type;
    private final int d;
    private final int a;
    private final int b;
    private final int c;

    Selp(SimStatement statement, SimType type, int d, int a, int b, int c) {
      super(statement);
      this.type = type;
      this.d = d;
      this.a = a;
      this.b = b;
      this.c = c;
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      r[d] = type.truncate(r[c] != 0 ? r[a] : r[b]);
      return pc + 1;
    }
  }

  /** Predicate logic {@code and/or/xor.pred d, a, b} and {@code not/mov.pred d, a}. */
  static final class PredicateLogic extends SimInstruction {
    private final String op;
    private final int d;
    private final int a;
    private final boolean negateA;
    private final int b;
    private final boolean negateB;

    PredicateLogic(
        SimStatement statement, String op, int d, int a, boolean negateA, int b, boolean negateB) {
      super(statement);
      this.op = op;
      this.d = d;
      this.a = a;
      this.negateA = negateA;
      this.b = b;
      this.negateB = negateB;
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      boolean x = (r[a] != 0) != negateA;
      boolean y = b >= 0 && (r[b] != 0) != negateB;
      boolean result =
          switch (op) {
            case "and" -> x && y;
            case "or" -> x || y;
            case "xor" -> x ^ y;
            case "not" -> !x;
            default -> x;
          };
      r[d] = result ? 1 : 0;
      return pc + 1;
    }
  }
}
