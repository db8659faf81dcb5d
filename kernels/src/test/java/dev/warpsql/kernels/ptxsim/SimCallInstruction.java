package dev.warpsql.kernels.ptxsim;

import java.util.List;

/**
 * {@code call[.uni] (ret), function, (arguments)}: copies the argument parameters of the caller's
 * call scope into a new frame of the callee, and on return copies the callee's result parameter
 * back into the caller's {@code ret} parameter.
 */
final class SimCallInstruction extends SimInstruction {
  private final String functionName;
  private final SimParam result;
  private final List<SimParam> arguments;
  private SimFunction callee;

  SimCallInstruction(
      SimStatement statement, String functionName, SimParam result, List<SimParam> arguments) {
    super(statement);
    this.functionName = functionName;
    this.result = result;
    this.arguments = List.copyOf(arguments);
  }

  @Override
  void link(SimModule module, SimFunctionBuilder builder) {
    callee = module.function(functionName);
    if (callee == null || callee.isEntry()) {
      throw fail("no .func called " + functionName);
    }
    if (callee.params().size() != arguments.size()) {
      throw fail(
          functionName
              + " takes "
              + callee.params().size()
              + " parameters, the call passes "
              + arguments.size());
    }
    for (int i = 0; i < arguments.size(); i++) {
      if (callee.params().get(i).size() != arguments.get(i).size()) {
        throw fail(
            "argument "
                + arguments.get(i).name()
                + " has "
                + arguments.get(i).size()
                + " bytes, parameter "
                + callee.params().get(i).name()
                + " has "
                + callee.params().get(i).size());
      }
    }
    SimParam declared = callee.result();
    boolean resultsMatch =
        declared == null ? result == null : result != null && result.size() == declared.size();
    if (!resultsMatch) {
      throw fail("the return parameter does not match the one of " + functionName);
    }
  }

  @Override
  int execute(SimThread thread, long[] r, int pc) {
    SimFrame caller = thread.frame();
    SimFrame frame = new SimFrame(callee, thread, this);
    for (int i = 0; i < arguments.size(); i++) {
      SimParam argument = arguments.get(i);
      SimParam param = callee.params().get(i);
      System.arraycopy(
          caller.params, argument.offset(), frame.params, param.offset(), param.size());
    }
    thread.push(frame);
    return FRAME_CHANGED;
  }

  /** Copies the callee's result into the caller's return parameter. */
  void returnTo(SimFrame calleeFrame, SimFrame caller) {
    if (result != null) {
      SimParam declared = callee.result();
      System.arraycopy(
          calleeFrame.params, declared.offset(), caller.params, result.offset(), result.size());
    }
  }
}
