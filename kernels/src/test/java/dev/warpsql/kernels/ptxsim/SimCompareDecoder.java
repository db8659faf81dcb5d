package dev.warpsql.kernels.ptxsim;

import java.util.List;

/** Decodes {@code setp}, {@code selp} and {@code testp}. */
final class SimCompareDecoder {
  private SimCompareDecoder() {}

  static SimInstruction setp(SimOpcode opcode, SimFunctionBuilder builder) {
    SimStatement statement = opcode.statement;
    String[] parts = statement.opcode().split("\\.");
    if (parts.length < 3) {
      throw opcode.fail("setp needs a comparison and a type");
    }
    String comparison = parts[1];
    opcode.take(comparison);
    String combination = opcode.takeAny("and", "or", "xor");
    SimType type = opcode.takeType();
    SimCompareOps.Combine combine =
        combination == null
            ? SimCompareOps.Combine.NONE
            : SimCompareOps.Combine.valueOf(combination.toUpperCase(java.util.Locale.ROOT));
    List<String> operands = opcode.operands(combine == SimCompareOps.Combine.NONE ? 3 : 4);
    String[] destinations = operands.get(0).split("\\|");
    int[] slots = new int[5];
    slots[0] = builder.destination(destinations[0].trim(), statement);
    slots[1] =
        destinations.length > 1 ? builder.destination(destinations[1].trim(), statement) : -1;
    slots[2] = builder.source(operands.get(1), type, statement);
    slots[3] = builder.source(operands.get(2), type, statement);
    boolean negateC = false;
    slots[4] = -1;
    if (combine != SimCompareOps.Combine.NONE) {
      negateC = operands.get(3).startsWith("!");
      slots[4] = builder.predicate(operands.get(3), statement);
    }
    return new SimCompareOps.Setp(statement, comparison, type, combine, slots, negateC);
  }

  static SimInstruction selp(SimOpcode opcode, SimFunctionBuilder builder) {
    SimType type = opcode.takeType();
    List<String> operands = opcode.operands(4);
    SimStatement statement = opcode.statement;
    if (operands.get(3).startsWith("!")) {
      throw opcode.fail("selp takes no negated predicate");
    }
    return new SimCompareOps.Selp(
        statement,
        type,
        builder.destination(operands.get(0), statement),
        builder.source(operands.get(1), type, statement),
        builder.source(operands.get(2), type, statement),
        builder.predicate(operands.get(3), statement));
  }

  static SimInstruction testp(SimOpcode opcode, SimFunctionBuilder builder) {
    SimStatement statement = opcode.statement;
    String[] parts = statement.opcode().split("\\.");
    if (parts.length != 3) {
      throw opcode.fail("testp needs an operation and a type");
    }
    opcode.take(parts[1]);
    SimType type = opcode.takeType();
    if (!type.isFloat()) {
      throw opcode.fail("testp needs .f32 or .f64");
    }
    List<String> operands = opcode.operands(2);
    return new SimFloatOps.Test(
        statement,
        parts[1],
        type,
        builder.destination(operands.get(0), statement),
        builder.source(operands.get(1), type, statement));
  }
}
