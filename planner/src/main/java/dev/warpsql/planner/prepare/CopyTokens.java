package dev.warpsql.planner.prepare;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import java.util.Locale;

/** Reads the tokens of a COPY statement: keywords, identifiers, string literals and symbols. */
final class CopyTokens {
  private final String text;
  private int position;

  CopyTokens(String text) {
    this.text = text;
  }

  boolean nextIsKeyword(String keyword) {
    skipSpace();
    int end = position;
    while (end < text.length() && isIdentifierPart(text.charAt(end))) {
      end++;
    }
    return text.substring(position, end).equalsIgnoreCase(keyword);
  }

  void keyword(String keyword) {
    if (!nextIsKeyword(keyword)) {
      throw error("expected " + keyword.toUpperCase(Locale.ROOT));
    }
    position += keyword.length();
  }

  boolean nextIs(char symbol) {
    skipSpace();
    return position < text.length() && text.charAt(position) == symbol;
  }

  boolean skip(char symbol) {
    if (nextIs(symbol)) {
      position++;
      return true;
    }
    return false;
  }

  void symbol(char symbol) {
    if (!skip(symbol)) {
      throw error("expected '" + symbol + "'");
    }
  }

  /** Reads an unquoted name, folded to lower case, or a double-quoted one, kept as written. */
  String identifier(String what) {
    skipSpace();
    if (position < text.length() && text.charAt(position) == '"') {
      return quoted('"', what);
    }
    int start = position;
    while (position < text.length() && isIdentifierPart(text.charAt(position))) {
      position++;
    }
    if (start == position) {
      throw error("expected " + what);
    }
    return text.substring(start, position).toLowerCase(Locale.ROOT);
  }

  String string(String what) {
    skipSpace();
    if (position >= text.length() || text.charAt(position) != '\'') {
      throw error("expected " + what);
    }
    return quoted('\'', what);
  }

  void end() {
    skipSpace();
    if (position < text.length()) {
      throw error("unexpected text after the statement");
    }
  }

  private String quoted(char quote, String what) {
    StringBuilder value = new StringBuilder();
    position++;
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c != quote) {
        value.append(c);
      } else if (position < text.length() && text.charAt(position) == quote) {
        value.append(quote);
        position++;
      } else {
        return value.toString();
      }
    }
    throw error("unterminated " + what);
  }

  private void skipSpace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (Character.isWhitespace(c)) {
        position++;
      } else if (text.startsWith("--", position)) {
        int end = text.indexOf('\n', position);
        position = end < 0 ? text.length() : end + 1;
      } else {
        return;
      }
    }
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private WarpException error(String problem) {
    return new WarpException(
        ErrorCode.SYNTAX_ERROR,
        "invalid COPY statement: " + problem + " at character " + (position + 1) + ".");
  }
}
