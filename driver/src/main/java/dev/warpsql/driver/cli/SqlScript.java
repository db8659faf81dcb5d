package dev.warpsql.driver.cli;

import java.util.ArrayList;
import java.util.List;

/** Splitter of SQL text into statements at semicolons. */
final class SqlScript {
  private SqlScript() {}

  /**
   * Splits SQL text into statements, without their terminating semicolons.
   *
   * <p>A semicolon inside a string literal ({@code 'a;b'}, with {@code ''} as an escaped quote), a
   * quoted identifier ({@code "a;b"}), a {@code --} line comment or a {@code /* *}{@code /} block
   * comment does not end a statement. A piece that contains only blanks and comments is dropped, so
   * a trailing semicolon or a closing comment adds no empty statement.
   */
  static List<String> split(String text) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    boolean hasCode = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(text, i, c);
        hasCode = true;
      } else if (text.startsWith("--", i)) {
        i = skipLineComment(text, i);
      } else if (text.startsWith("/*", i)) {
        i = skipBlockComment(text, i);
      } else if (c == ';') {
        addStatement(statements, text.substring(start, i), hasCode);
        i++;
        start = i;
        hasCode = false;
      } else {
        hasCode |= !Character.isWhitespace(c);
        i++;
      }
    }
    addStatement(statements, text.substring(start), hasCode);
    return statements;
  }

  private static void addStatement(List<String> statements, String statement, boolean hasCode) {
    if (hasCode) {
      statements.add(statement.strip());
    }
  }

  /** Returns the index after the closing quote, or the text length when the quote is open. */
  private static int skipQuoted(String text, int openQuote, char quote) {
    int i = openQuote + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        // A doubled quote is an escaped quote inside the literal or identifier.
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return text.length();
  }

  private static int skipLineComment(String text, int start) {
    int end = text.indexOf('\n', start);
    return end < 0 ? text.length() : end + 1;
  }

  private static int skipBlockComment(String text, int start) {
    int end = text.indexOf("*/", start + 2);
    return end < 0 ? text.length() : end + 2;
  }
}
