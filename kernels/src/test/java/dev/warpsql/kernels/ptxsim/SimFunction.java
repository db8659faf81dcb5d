package dev.warpsql.kernels.ptxsim;

import java.util.List;

/**
 * A decoded {@code .entry} or {@code .func}: its parameters, code and register file layout. The
 * register file template holds the immediates; special registers are filled per thread.
 */
final class SimFunction {
  private final String name;
  private final boolean entry;
  private final List<SimParam> params;
  private final SimParam result;
  private final int paramBytes;
  private final SimInstruction[] code;
  private final long[] template;
  private final int[] specialSlots;
  private final SimSpecialRegister[] specials;

  SimFunction(
      String name,
      boolean entry,
      List<SimParam> params,
      SimParam result,
      int paramBytes,
      SimInstruction[] code,
      long[] template,
      int[] specialSlots,
      SimSpecialRegister[] specials) {
    this.name = name;
    this.entry = entry;
    this.params = List.copyOf(params);
    this.result = result;
    this.paramBytes = paramBytes;
    this.code = code;
    this.template = template;
    this.specialSlots = specialSlots;
    this.specials = specials;
  }

  String name() {
    return name;
  }

  boolean isEntry() {
    return entry;
  }

  /** Returns the declared parameters in order; for an entry, the kernel parameters. */
  List<SimParam> params() {
    return params;
  }

  /** Returns the return-value parameter of a {@code .func}, or null. */
  SimParam result() {
    return result;
  }

  int paramBytes() {
    return paramBytes;
  }

  SimInstruction[] code() {
    return code;
  }

  /** Returns a fresh register file for a frame of this function in {@code thread}. */
  long[] newRegisters(SimThread thread) {
    long[] registers = template.clone();
    for (int i = 0; i < specialSlots.length; i++) {
      registers[specialSlots[i]] = specials[i].valueFor(thread);
    }
    return registers;
  }
}
