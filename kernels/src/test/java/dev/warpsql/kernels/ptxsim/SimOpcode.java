package dev.warpsql.kernels.ptxsim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dot-separated parts of an opcode such as {@code ld.global.nc.u8}. A decoder takes the
 * modifiers it understands, and {@link #done()} fails on any left, so an unknown modifier is never
 * silently ignored.
 */
final class SimOpcode {
  final String root;
  final SimStatement statement;
  private final List<String> modifiers;

  SimOpcode(SimStatement statement) {
    this.statement = statement;
    String[] parts = statement.opcode().split("\\.");
    this.root = parts[0];
    this.modifiers = new ArrayList<>(Arrays.asList(parts).subList(1, parts.length));
  }

  /** Removes {@code modifier} and returns whether it was present. */
  boolean take(String modifier) {
    return modifiers.remove(modifier);
  }

  /** Removes and returns the first of {@code options} present, or null. */
  String takeAny(String... options) {
    for (String option : options) {
      if (modifiers.remove(option)) {
        return option;
      }
    }
    return null;
  }

  /** Removes and returns the type modifiers, in order. */
  List<SimType> takeTypes() {
    List<SimType> types = new ArrayList<>();
    for (String modifier : List.copyOf(modifiers)) {
      SimType type = SimType.of(modifier);
      if (type != null) {
        types.add(type);
        modifiers.remove(modifier);
      }
    }
    return types;
  }

  /** Removes and returns the single type modifier; fails when there is not exactly one. */
  SimType takeType() {
    List<SimType> types = takeTypes();
    if (types.size() != 1) {
      throw statement.fail("expected one type modifier on " + root + ", found " + types);
    }
    return types.get(0);
  }

  /** Fails when a modifier was not taken. */
  void done() {
    if (!modifiers.isEmpty()) {
      throw statement.fail("unsupported modifier ." + modifiers.get(0) + " of " + root);
    }
  }

  SimException fail(String message) {
    return statement.fail(message);
  }

  /** Fails unless the statement has exactly {@code count} operands; returns them. */
  List<String> operands(int count) {
    List<String> operands = statement.operands();
    if (operands.size() != count) {
      throw statement.fail(root + " expects " + count + " operands, got " + operands.size());
    }
    return operands;
  }
}
