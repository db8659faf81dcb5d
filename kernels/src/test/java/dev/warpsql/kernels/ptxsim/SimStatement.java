package dev.warpsql.kernels.ptxsim;

import java.util.List;

/**
 * One statement of a PTX function body as written: an instruction with its optional guard
 * predicate, a label, a directive such as {@code .reg}, or the opening or closing brace of a scope.
 *
 * @param line 1-based line of the statement's first character in the module text
 * @param kind what the statement is
 * @param guard the guard predicate register with an optional leading {@code !}, or null
 * @param opcode the instruction or directive name with its modifiers ({@code ld.global.nc.u8}), or
 *     the label name
 * @param operands the comma-separated operands, trimmed; brackets and parentheses kept
 * @param text the statement as written, for messages
 */
record SimStatement(
    int line, Kind kind, String guard, String opcode, List<String> operands, String text) {
  /** Statement kinds. */
  enum Kind {
    INSTRUCTION,
    DIRECTIVE,
    LABEL,
    SCOPE_OPEN,
    SCOPE_CLOSE
  }

  SimException fail(String message) {
    return SimException.at(line, text, message);
  }
}
