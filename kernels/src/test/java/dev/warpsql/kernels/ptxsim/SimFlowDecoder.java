package dev.warpsql.kernels.ptxsim;

import java.util.ArrayList;
import java.util.List;

/** Decodes control flow ({@code bra, call, ret, exit}, fences) and warp and block collectives. */
final class SimFlowDecoder {
  private SimFlowDecoder() {}

  static SimInstruction flow(SimOpcode opcode, SimFunctionBuilder builder) {
    SimStatement statement = opcode.statement;
    switch (opcode.root) {
      case "bra" -> {
        opcode.take("uni");
        return new SimControlOps.Branch(statement, opcode.operands(1).get(0));
      }
      case "ret" -> {
        opcode.take("uni");
        opcode.operands(0);
        return new SimControlOps.Return(statement);
      }
      case "exit" -> {
        opcode.operands(0);
        return new SimControlOps.Exit(statement);
      }
      case "call" -> {
        opcode.take("uni");
        return call(statement, builder);
      }
      default -> {
        // membar.level and fence.sem.scope order memory, which is sequentially consistent here.
        opcode.takeAny("cta", "gl", "sys", "gpu");
        opcode.takeAny("sc", "acq_rel");
        opcode.takeAny("cta", "gpu", "sys");
        opcode.operands(0);
        return new SimControlOps.Fence(statement);
      }
    }
  }

  private static SimInstruction call(SimStatement statement, SimFunctionBuilder builder) {
    List<String> operands = statement.operands();
    int next = 0;
    SimParam result = null;
    if (!operands.isEmpty() && operands.get(0).startsWith("(")) {
      List<String> results = SimDecoder.parenthesized(operands.get(0), statement);
      if (results.size() != 1) {
        throw statement.fail("expected one return parameter");
      }
      result = scoped(results.get(0), builder, statement);
      next = 1;
    }
    if (next >= operands.size()) {
      throw statement.fail("call without a function name");
    }
    String function = operands.get(next++);
    List<SimParam> arguments = new ArrayList<>();
    if (next < operands.size()) {
      for (String argument : SimDecoder.parenthesized(operands.get(next++), statement)) {
        arguments.add(scoped(argument, builder, statement));
      }
    }
    if (next != operands.size()) {
      throw statement.fail("unexpected operands after the argument list");
    }
    return new SimCallInstruction(statement, function, result, arguments);
  }

  private static SimParam scoped(String name, SimFunctionBuilder builder, SimStatement statement) {
    SimParam param = builder.param(name);
    if (param == null) {
      throw statement.fail("call operand " + name + " is not a .param in scope");
    }
    return param;
  }

  static SimInstruction warp(SimOpcode opcode, SimFunctionBuilder builder) {
    SimStatement statement = opcode.statement;
    if (opcode.root.equals("bar") || opcode.root.equals("barrier")) {
      opcode.take("cta");
      if (!opcode.take("sync")) {
        throw opcode.fail("only bar.sync and barrier.sync are supported");
      }
      opcode.take("aligned");
      List<String> operands = opcode.operands(1);
      if (!operands.get(0).equals("0")) {
        throw opcode.fail("only barrier 0 of the whole block is supported");
      }
      return new SimBarrier(statement);
    }
    if (!opcode.take("sync")) {
      throw opcode.fail(opcode.root + " without .sync is not valid for sm_70 and later");
    }
    if (opcode.root.equals("vote")) {
      String mode = opcode.takeAny("ballot", "any", "all", "uni");
      if (mode == null) {
        throw opcode.fail("missing vote mode");
      }
      SimType type = opcode.takeType();
      if ((type == SimType.B32) != mode.equals("ballot") || type.bits > 32) {
        throw opcode.fail("vote." + mode + " does not take " + type);
      }
      List<String> operands = opcode.operands(3);
      return new SimWarpOps.Vote(
          statement,
          mode,
          builder.destination(operands.get(0), statement),
          builder.predicate(operands.get(1), statement),
          operands.get(1).startsWith("!"),
          builder.source(operands.get(2), SimType.B32, statement));
    }
    String mode = opcode.takeAny("idx", "up", "down", "bfly");
    if (mode == null) {
      throw opcode.fail("missing shfl mode");
    }
    if (opcode.takeType() != SimType.B32) {
      throw opcode.fail("shfl.sync is .b32 only");
    }
    List<String> operands = opcode.operands(5);
    String[] destinations = operands.get(0).split("\\|");
    int[] slots = new int[6];
    slots[0] = builder.destination(destinations[0].trim(), statement);
    slots[1] =
        destinations.length > 1 ? builder.destination(destinations[1].trim(), statement) : -1;
    for (int i = 1; i < 5; i++) {
      slots[i + 1] = builder.source(operands.get(i), SimType.B32, statement);
    }
    return new SimWarpOps.Shuffle(statement, mode, slots);
  }
}
