package dev.warpsql.kernels.ptxsim;

/**
 * The state of one function activation: registers, parameter bytes (the function's own parameters
 * and the arguments of calls it makes) and program counter.
 */
final class SimFrame {
  final SimFunction function;
  final long[] registers;
  final byte[] params;
  final SimCallInstruction callSite;
  int pc;

  SimFrame(SimFunction function, SimThread thread, SimCallInstruction callSite) {
    this.function = function;
    this.registers = function.newRegisters(thread);
    this.params = new byte[function.paramBytes()];
    this.callSite = callSite;
  }
}
