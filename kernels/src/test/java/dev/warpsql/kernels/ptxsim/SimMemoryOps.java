package dev.warpsql.kernels.ptxsim;

/**
 * {@code ld} and {@code st} in the {@code .param}, {@code .global}, {@code .const} and {@code
 * .shared} state spaces (generic addresses are treated as global, because {@code cvta} is an
 * identity here). Memory-ordering qualifiers such as {@code .relaxed.gpu}, {@code .acquire.gpu} and
 * {@code .release.gpu} need no action, because the interpreter runs one thread at a time and every
 * access is immediately visible to all threads.
 */
// NOTE: sequentially consistent memory means a missing fence or a relaxed access that real
// hardware may reorder is not detected here.
final class SimMemoryOps {
  private SimMemoryOps() {}

  /** State spaces of a memory access. */
  enum Space {
    PARAM,
    GLOBAL,
    CONST,
    SHARED
  }

  /** Returns the memory of {@code space} for a thread (not for {@code .param}). */
  static SimMemory memory(SimThread thread, Space space) {
    return switch (space) {
      case GLOBAL -> thread.global;
      case CONST -> thread.constants;
      case SHARED -> thread.shared;
      case PARAM -> throw new IllegalStateException("parameters live in frames");
    };
  }

  /** {@code ld.space.type d, [a]}. */
  static final class Load extends SimInstruction {
    private final Space space;
    private final boolean readOnlyPath;
    private final SimType type;
    private final long destinationMask;
    private final int d;
    private final int base;
    private final long offset;

    Load(
        SimStatement statement,
        Space space,
        boolean readOnlyPath,
        SimType type,
        int destinationBits,
        int d,
        int base,
        long offset) {
      super(statement);
      this.space = space;
      this.readOnlyPath = readOnlyPath;
      this.type = type;
      this.destinationMask = destinationBits == 64 ? -1L : (1L << destinationBits) - 1;
      this.d = d;
      this.base = base;
      this.offset = offset;
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      int size = type.bytes();
      long raw;
      if (space == Space.PARAM) {
        raw = SimBytes.get(thread.frame().params, (int) offset, size);
      } else {
        long address = (base < 0 ? 0 : r[base]) + offset;
        SimMemory memory = memory(thread, space);
        raw =
            readOnlyPath
                ? memory.loadReadOnly(address, size, this)
                : memory.load(address, size, this);
      }
      // A register wider than the loaded type receives the value sign- or zero-extended.
      r[d] = (type.isFloat() ? raw : type.extend(raw)) & destinationMask;
      return pc + 1;
    }
  }

  /** {@code st.space.type [a], b}. */
  static final class Store extends SimInstruction {
    private final Space space;
    private final SimType type;
    private final int base;
    private final long offset;
    private final int value;

    Store(SimStatement statement, Space space, SimType type, int base, long offset, int value) {
      super(statement);
      this.space = space;
      this.type = type;
      this.base = base;
      this.offset = offset;
      this.value = value;
    }

    @Override
    int execute(SimThread thread, long[] r, int pc) {
      int size = type.bytes();
      if (space == Space.PARAM) {
        SimBytes.put(thread.frame().params, (int) offset, size, r[value]);
      } else {
        long address = (base < 0 ? 0 : r[base]) + offset;
        memory(thread, space).store(address, size, r[value], this);
      }
      return pc + 1;
    }
  }
}
