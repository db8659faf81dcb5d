package dev.warpsql.kernels.ptx;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The {@link PtxRoutine}s that one kernel calls, and the emission of calls to them. */
final class PtxRoutines {
  /** One argument of a call: its PTX parameter type (such as {@code .b64}) and operand. */
  record Argument(String type, String operand) {
    static Argument b64(String operand) {
      return new Argument(".b64", operand);
    }

    static Argument b32(String operand) {
      return new Argument(".b32", operand);
    }

    static Argument f64(String operand) {
      return new Argument(".f64", operand);
    }
  }

  private final Set<PtxRoutine> used = EnumSet.noneOf(PtxRoutine.class);

  /** Marks a routine and its dependencies as part of the module. */
  void use(PtxRoutine routine) {
    if (used.add(routine)) {
      routine.dependencies().forEach(this::use);
    }
  }

  /**
   * Emits a call of {@code routine} and returns one register per result field: {@code results}
   * gives each field's register class, and fields lie at consecutive 8-byte offsets.
   */
  List<String> call(
      PtxWriter out,
      PtxRoutine routine,
      List<Argument> arguments,
      List<PtxWriter.RegisterClass> results) {
    use(routine);
    List<String> argumentRegisters = new ArrayList<>();
    for (Argument argument : arguments) {
      argumentRegisters.add(inRegister(out, argument));
    }
    List<String> resultRegisters = new ArrayList<>();
    for (PtxWriter.RegisterClass registerClass : results) {
      resultRegisters.add(out.register(registerClass));
    }
    out.raw("{");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      String name = "arg" + i;
      names.add(name);
      out.op(".param " + arguments.get(i).type() + " " + name);
      out.op("st.param" + arguments.get(i).type() + " [" + name + "], " + argumentRegisters.get(i));
    }
    out.op(".param " + String.format(routine.resultDeclaration(), "ret"));
    out.op("call (ret), " + routine.ptxName() + ", (" + String.join(", ", names) + ")");
    for (int i = 0; i < results.size(); i++) {
      String type =
          results.get(i) == PtxWriter.RegisterClass.F64 ? ".f64" : bitType(results.get(i));
      out.op("ld.param" + type + " " + resultRegisters.get(i) + ", [ret+" + (8 * i) + "]");
    }
    out.raw("}");
    return resultRegisters;
  }

  /** Returns the definitions of the used routines, each before its first caller. */
  String definitions() {
    StringBuilder text = new StringBuilder();
    for (PtxRoutine routine : used) {
      text.append(routine.text()).append('\n');
    }
    return text.toString();
  }

  private static String inRegister(PtxWriter out, Argument argument) {
    if (argument.operand().startsWith("%")) {
      return argument.operand();
    }
    PtxWriter.RegisterClass registerClass =
        switch (argument.type()) {
          case ".b32" -> PtxWriter.RegisterClass.B32;
          case ".f64" -> PtxWriter.RegisterClass.F64;
          default -> PtxWriter.RegisterClass.B64;
        };
    String register = out.register(registerClass);
    out.op("mov" + argument.type() + " " + register + ", " + argument.operand());
    return register;
  }

  private static String bitType(PtxWriter.RegisterClass registerClass) {
    return registerClass == PtxWriter.RegisterClass.B32 ? ".b32" : ".b64";
  }
}
