package dev.warpsql.kernels.ptxsim;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits PTX module text into top-level items (module directives, variable declarations, function
 * definitions) and a function body into {@link SimStatement}s. Comments are blanked out first with
 * their newlines kept, so every statement keeps its line number.
 */
final class SimSourceReader {
  /** A top-level item: its header text up to {@code ;} or the body's brace, and the body. */
  record Item(int line, String header, String body, int bodyLine) {}

  private final String text;
  private int position;

  SimSourceReader(String text) {
    this.text = blankComments(text);
  }

  /** Returns the top-level items in source order. */
  List<Item> items() {
    List<Item> items = new ArrayList<>();
    while (true) {
      skipWhitespace();
      if (position >= text.length()) {
        return items;
      }
      int line = lineAt(position);
      if (startsWithAny(".version", ".target", ".address_size")) {
        int end = text.indexOf('\n', position);
        end = end < 0 ? text.length() : end;
        items.add(new Item(line, text.substring(position, end).trim(), null, 0));
        position = end;
        continue;
      }
      items.add(readItem(line));
    }
  }

  private Item readItem(int line) {
    int depth = 0;
    boolean initializer = false;
    for (int i = position; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '=') {
        initializer = true;
      } else if (c == ';' && depth == 0) {
        String header = text.substring(position, i).trim();
        position = i + 1;
        return new Item(line, header, null, 0);
      } else if (c == '{' && depth == 0 && !initializer) {
        String header = text.substring(position, i).trim();
        int close = matchingBrace(i);
        String body = text.substring(i + 1, close);
        int bodyLine = lineAt(i + 1);
        position = close + 1;
        return new Item(line, header, body, bodyLine);
      }
    }
    throw new SimException("line " + line + ": statement without ';' or body at end of module");
  }

  private int matchingBrace(int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    throw new SimException("line " + lineAt(open) + ": '{' without matching '}'");
  }

  /** Splits a function body, whose first character is on {@code firstLine}, into statements. */
  static List<SimStatement> statements(String body, int firstLine) {
    List<SimStatement> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int line = firstLine;
    int startLine = firstLine;
    int depth = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (current.length() == 0) {
        startLine = line;
      }
      if (c == '\n') {
        line++;
      }
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      }
      boolean blank = current.length() == 0;
      if (depth == 0 && blank && (c == '{' || c == '}')) {
        SimStatement.Kind kind =
            c == '{' ? SimStatement.Kind.SCOPE_OPEN : SimStatement.Kind.SCOPE_CLOSE;
        statements.add(new SimStatement(line, kind, null, String.valueOf(c), List.of(), "" + c));
        current.setLength(0);
      } else if (depth == 0 && c == ':' && isLabel(current.toString().trim())) {
        String label = current.toString().trim();
        statements.add(
            new SimStatement(
                startLine, SimStatement.Kind.LABEL, null, label, List.of(), label + ":"));
        current.setLength(0);
      } else if (depth == 0 && c == ';') {
        statements.add(parse(current.toString().trim(), startLine));
        current.setLength(0);
      } else if (!blank || !Character.isWhitespace(c)) {
        // leading whitespace is dropped, so an empty buffer means no statement started yet
        current.append(c);
      }
    }
    if (current.length() > 0 && !current.toString().isBlank()) {
      throw SimException.at(startLine, current.toString().trim(), "statement without ';'");
    }
    return statements;
  }

  private static SimStatement parse(String statement, int line) {
    String rest = statement;
    String guard = null;
    if (rest.startsWith("@")) {
      int space = firstWhitespace(rest);
      if (space < 0) {
        throw SimException.at(line, statement, "guard predicate without an instruction");
      }
      guard = rest.substring(1, space);
      rest = rest.substring(space).trim();
    }
    int space = firstWhitespace(rest);
    String opcode = space < 0 ? rest : rest.substring(0, space);
    String operandText = space < 0 ? "" : rest.substring(space).trim();
    SimStatement.Kind kind =
        opcode.startsWith(".") ? SimStatement.Kind.DIRECTIVE : SimStatement.Kind.INSTRUCTION;
    return new SimStatement(line, kind, guard, opcode, splitOperands(operandText), statement);
  }

  /** Splits at commas outside brackets, braces and parentheses. */
  static List<String> splitOperands(String text) {
    List<String> operands = new ArrayList<>();
    if (text.isBlank()) {
      return operands;
    }
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        operands.add(text.substring(start, i).trim());
        start = i + 1;
      }
    }
    operands.add(text.substring(start).trim());
    return operands;
  }

  private static boolean isLabel(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean identifier = Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '%';
      if (!identifier) {
        return false;
      }
    }
    return true;
  }

  private static int firstWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private boolean startsWithAny(String... prefixes) {
    for (String prefix : prefixes) {
      if (text.startsWith(prefix, position)) {
        return true;
      }
    }
    return false;
  }

  private void skipWhitespace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private int lineAt(int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Replaces the characters of line and block comments by spaces, keeping newlines. */
  private static String blankComments(String text) {
    StringBuilder out = new StringBuilder(text);
    int i = 0;
    while (i < out.length()) {
      if (out.charAt(i) == '/' && i + 1 < out.length() && out.charAt(i + 1) == '/') {
        while (i < out.length() && out.charAt(i) != '\n') {
          out.setCharAt(i++, ' ');
        }
      } else if (out.charAt(i) == '/' && i + 1 < out.length() && out.charAt(i + 1) == '*') {
        while (i < out.length() && !(out.charAt(i) == '*' && nextIs(out, i, '/'))) {
          if (out.charAt(i) != '\n') {
            out.setCharAt(i, ' ');
          }
          i++;
        }
        if (i < out.length()) {
          out.setCharAt(i++, ' ');
          out.setCharAt(i++, ' ');
        }
      } else {
        i++;
      }
    }
    return out.toString();
  }

  private static boolean nextIs(StringBuilder text, int i, char c) {
    return i + 1 < text.length() && text.charAt(i + 1) == c;
  }
}
