package dev.warpsql.kernels.ptxsim;

import java.util.List;

/** Decodes {@code ld}, {@code st}, {@code atom} and {@code red}. */
final class SimMemoryDecoder {
  private SimMemoryDecoder() {}

  static SimInstruction loadStore(SimOpcode opcode, SimFunctionBuilder builder) {
    boolean load = opcode.root.equals("ld");
    if (load) {
      opcode.takeAny("weak", "volatile", "relaxed", "acquire");
    } else {
      opcode.takeAny("weak", "volatile", "relaxed", "release");
    }
    opcode.takeAny("cta", "gpu", "sys");
    SimMemoryOps.Space space = space(opcode);
    boolean readOnlyPath = load && opcode.take("nc");
    opcode.takeAny("ca", "cg", "cs", "lu", "cv", "wb", "wt");
    SimType type = opcode.takeType();
    if (type == SimType.PRED) {
      throw opcode.fail("predicates cannot be loaded or stored");
    }
    List<String> operands = opcode.operands(2);
    SimStatement statement = opcode.statement;
    String addressText = load ? operands.get(1) : operands.get(0);
    SimFunctionBuilder.Address address = builder.address(addressText, statement);
    int base = address.baseSlot();
    long offset = address.offset();
    if (space == SimMemoryOps.Space.PARAM) {
      offset = paramOffset(address, type, builder, statement);
    } else if (address.symbol() != null) {
      base = builder.source(address.symbol(), SimType.U64, statement);
    }
    if (load) {
      int d = builder.destination(operands.get(0), statement);
      return new SimMemoryOps.Load(
          statement, space, readOnlyPath, type, builder.bitsOf(d), d, base, offset);
    }
    int value = builder.source(operands.get(1), type, statement);
    return new SimMemoryOps.Store(statement, space, type, base, offset, value);
  }

  /** Returns the frame offset of a {@code .param} access, checked against the variable's size. */
  private static long paramOffset(
      SimFunctionBuilder.Address address,
      SimType type,
      SimFunctionBuilder builder,
      SimStatement statement) {
    if (address.symbol() == null) {
      throw statement.fail("a .param access needs a parameter name, not a register address");
    }
    SimParam param = builder.param(address.symbol());
    if (param == null) {
      throw statement.fail("no parameter " + address.symbol() + " in scope");
    }
    if (address.offset() < 0 || address.offset() + type.bytes() > param.size()) {
      throw statement.fail(
          type.bytes()
              + " bytes at offset "
              + address.offset()
              + " are outside parameter "
              + param.name()
              + " of "
              + param.size()
              + " bytes");
    }
    return param.offset() + address.offset();
  }

  private static SimMemoryOps.Space space(SimOpcode opcode) {
    String space = opcode.takeAny("param", "global", "const", "shared", "local");
    if (space == null) {
      return SimMemoryOps.Space.GLOBAL;
    }
    return switch (space) {
      case "param" -> SimMemoryOps.Space.PARAM;
      case "global" -> SimMemoryOps.Space.GLOBAL;
      case "const" -> SimMemoryOps.Space.CONST;
      case "shared" -> SimMemoryOps.Space.SHARED;
      default -> throw opcode.fail("the .local state space is not supported");
    };
  }

  static SimInstruction atomic(SimOpcode opcode, SimFunctionBuilder builder) {
    boolean returnsOld = opcode.root.equals("atom");
    opcode.takeAny("relaxed", "acquire", "release", "acq_rel");
    opcode.takeAny("cta", "gpu", "sys");
    SimMemoryOps.Space space = space(opcode);
    if (space != SimMemoryOps.Space.GLOBAL && space != SimMemoryOps.Space.SHARED) {
      throw opcode.fail("atomics work on global and shared memory only");
    }
    String operation = null;
    for (String candidate :
        List.of("add", "and", "or", "xor", "min", "max", "exch", "cas", "inc", "dec")) {
      if (opcode.take(candidate)) {
        operation = candidate;
        break;
      }
    }
    if (operation == null) {
      throw opcode.fail("missing or unsupported atomic operation");
    }
    SimType type = opcode.takeType();
    boolean compareAndSwap = operation.equals("cas");
    if (compareAndSwap && !returnsOld) {
      throw opcode.fail("red has no .cas");
    }
    int count = (returnsOld ? 3 : 2) + (compareAndSwap ? 1 : 0);
    List<String> operands = opcode.operands(count);
    SimStatement statement = opcode.statement;
    int first = returnsOld ? 1 : 0;
    int d = returnsOld ? builder.destination(operands.get(0), statement) : -1;
    SimFunctionBuilder.Address address = builder.address(operands.get(first), statement);
    int base = address.baseSlot();
    if (address.symbol() != null) {
      base = builder.source(address.symbol(), SimType.U64, statement);
    }
    int b = builder.source(operands.get(first + 1), type, statement);
    int c = compareAndSwap ? builder.source(operands.get(first + 2), type, statement) : -1;
    return new SimAtomicOps.Atomic(
        statement, operation, type, space, d, base, address.offset(), b, c);
  }
}
