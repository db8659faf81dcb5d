package dev.warpsql.kernels.ptxsim;

import java.util.Set;

/**
 * {@code atom} and {@code red} on global or shared memory. The interpreter runs one thread at a
 * time, so each read-modify-write is indivisible; the scheduler's interleaving decides the order of
 * contending threads. {@code atom} returns the old value, {@code red} discards it.
 */
final class SimAtomicOps {
  private static final Set<String> OPERATIONS =
      Set.of("add", "and", "or", "xor", "min", "max", "exch", "cas", "inc", "dec");

  private SimAtomicOps() {}

  static boolean isOperation(String modifier) {
    return OPERATIONS.contains(modifier);
  }

  /** {@code atom.space.op.type d, [a], b[, c]} or {@code red.space.op.type [a], b}. */
  static final class Atomic extends SimInstruction {
    private final String op;
    private final SimType type;
    private final SimMemoryOps.Space space;
    private final int d;
    private final int base;
    private final long offset;
    private final int b;
    private final int c;

    Atomic(
        SimStatement statement,
        String op,
        SimType type,
        SimMemoryOps.Space space,
        int d,
        int base,
        long offset,
        int b,
        int c) {
      super(statement);
      this.op = op;
      this.type = type;
      this.space = space;
      this.d = d;
      this.base = base;
      this.offset = offset;
      this.b = b;
      this.c = c;
      boolean valid =
          switch (op) {
            case "add" -> type != SimType.B32 && type != SimType.B64 && type.bits >= 32;
            case "and", "or", "xor", "exch", "cas" -> type == SimType.B32 || type == SimType.B64;
            case "min", "max" -> type.isInteger() && type.kind != SimType.Kind.BITS;
            case "inc", "dec" -> type == SimType.U32;
            default -> false;
          };
      if (!valid) {
        throw statement.fail("unsupported atomic ." + op + " on " + type);
      }
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      int size = type.bytes();
      long address = r[base] + offset;
      SimMemory memory = SimMemoryOps.memory(thread, space);
      SimMemory.Region region = memory.writableRegion(address, size, this);
      int index = (int) (address - region.base);
      long old = SimBytes.get(region.data, index, size);
      long operand = type.truncate(r[b]);
      long updated =
          switch (op) {
            case "add" -> add(old, operand);
            case "and" -> old & operand;
            case "or" -> old | operand;
            case "xor" -> old ^ operand;
            case "min" -> compare(old, operand) <= 0 ? old : operand;
            case "max" -> compare(old, operand) >= 0 ? old : operand;
            case "exch" -> operand;
            case "cas" -> old == operand ? type.truncate(r[c]) : old;
            case "inc" -> Long.compareUnsigned(old, operand) >= 0 ? 0 : old + 1;
            default -> old == 0 || Long.compareUnsigned(old, operand) > 0 ? operand : old - 1;
          };
      SimBytes.put(region.data, index, size, updated);
      if (d >= 0) {
        r[d] = old;
      }
      return pc + 1;
    }

    private int compare(long x, long y) {
      long a = type.extend(x);
      long b = type.extend(y);
      return type.isSigned() ? Long.compare(a, b) : Long.compareUnsigned(a, b);
    }

    private long add(long old, long operand) {
      if (type == SimType.F64) {
        return SimFloatOps.bits(
            Double.longBitsToDouble(old) + Double.longBitsToDouble(operand), type);
      }
      if (type == SimType.F32) {
        // atom.add.f32 flushes subnormal inputs and results to sign-preserving zero.
        float sum =
            flush(Float.intBitsToFloat((int) old)) + flush(Float.intBitsToFloat((int) operand));
        return SimFloatOps.bits(flush(sum), type);
      }
      return type.truncate(old + operand);
    }

    private static float flush(float value) {
      return Math.abs(value) < Float.MIN_NORMAL ? Math.copySign(0.0f, value) : value;
    }
  }
}
