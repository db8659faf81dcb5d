package dev.warpsql.kernels.ptxsim;

/**
 * A {@code .param} variable: a kernel or function parameter, a function's return value, or an
 * argument declared in a call scope. It lives at {@code offset} in its frame's parameter bytes.
 */
record SimParam(String name, SimType type, int count, int align, int offset) {
  int size() {
    return type.bytes() * count;
  }
}
