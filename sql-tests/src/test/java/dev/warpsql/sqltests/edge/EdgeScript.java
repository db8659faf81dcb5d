package dev.warpsql.sqltests.edge;

import java.util.ArrayList;
import java.util.List;

/**
 * Parser of edge-case scripts: SQL statements ended by semicolons, each optionally preceded by
 * comment lines with directives.
 *
 * <p>Directives, one a line, apply to the next statement only:
 *
 * <ul>
 *   <li>{@code -- ordered}: compare rows in order.
 *   <li>{@code -- error SQLSTATE}: WarpSQL must raise this five-character SQLState.
 *   <li>{@code -- fallback}: the plan must use an Enumerable operator.
 *   <li>{@code -- known-bug REASON}: WarpSQL returns a wrong result or error, so the statement is
 *       skipped while it fails.
 *   <li>{@code -- duckdb: SQL}: the statement text to run on DuckDB instead.
 *   <li>{@code -- expect: ROWS}: WarpSQL must also return these rows, written by hand as {@link
 *       ExpectedRows} parses them, such as {@code (1, 'a'), (2, NULL)} or {@code no rows}. Several
 *       {@code -- expect:} lines before one statement continue one another.
 * </ul>
 *
 * <p>Other comment lines are free text. A semicolon inside a string literal, a quoted identifier or
 * a comment does not end a statement. Comments inside a statement are dropped from its text.
 */
final class EdgeScript {
  private EdgeScript() {}

  /** Parses a script's text; {@code script} names it in statements and errors. */
  static List<EdgeStatement> parse(String script, String text) {
    List<EdgeStatement> statements = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    int statementLine = -1;
    int line = 1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (text.startsWith("--", i)) {
        int end = lineEnd(text, i);
        if (statementLine < 0) {
          comments.add(text.substring(i + 2, end).strip());
        }
        i = end;
      } else if (statementLine < 0 && Character.isWhitespace(c)) {
        i++;
      } else if (c == ';') {
        if (statementLine < 0) {
          throw invalid(script, line, "empty statement");
        }
        statements.add(statement(script, statementLine, sql.toString().strip(), comments));
        comments.clear();
        sql.setLength(0);
        statementLine = -1;
        i++;
      } else if (c == '\'' || c == '"') {
        if (statementLine < 0) {
          statementLine = line;
        }
        int end = quotedEnd(text, i, c);
        sql.append(text, i, end);
        line += (int) text.substring(i, end).chars().filter(ch -> ch == '\n').count();
        i = end;
        continue;
      } else {
        if (statementLine < 0) {
          statementLine = line;
        }
        sql.append(c);
        i++;
      }
      if (c == '\n') {
        line++;
      }
    }
    if (statementLine >= 0) {
      throw invalid(script, statementLine, "statement without a terminating semicolon");
    }
    if (comments.stream().anyMatch(EdgeScript::isDirective)) {
      throw invalid(script, line, "directive after the last statement");
    }
    return statements;
  }

  private static EdgeStatement statement(
      String script, int line, String sql, List<String> comments) {
    String duckDbSql = sql;
    boolean ordered = false;
    String errorState = null;
    boolean fallback = false;
    String knownBug = null;
    StringBuilder expected = null;
    for (String comment : comments) {
      String directive = directive(comment);
      String argument = comment.substring(directive.length()).strip();
      switch (directive) {
        case "ordered" -> ordered = true;
        case "fallback" -> fallback = true;
        case "error" -> {
          if (!argument.matches("[0-9A-Z]{5}")) {
            throw invalid(script, line, "'-- error' needs a five-character SQLState: " + comment);
          }
          errorState = argument;
        }
        case "known-bug" -> {
          if (argument.isEmpty()) {
            throw invalid(script, line, "'-- known-bug' needs a reason");
          }
          knownBug = argument;
        }
        case "duckdb:" -> {
          duckDbSql =
              argument.endsWith(";") ? argument.substring(0, argument.length() - 1) : argument;
        }
        case "expect:" -> {
          expected = expected == null ? new StringBuilder() : expected.append(' ');
          expected.append(argument);
        }
        default -> {
          // Free text that explains the statement.
        }
      }
    }
    if (errorState != null && (ordered || fallback || expected != null)) {
      throw invalid(
          script, line, "'-- error' excludes '-- ordered', '-- fallback' and '-- expect:'");
    }
    List<List<Object>> expectedRows = null;
    if (expected != null) {
      try {
        expectedRows = ExpectedRows.parse(expected.toString());
      } catch (IllegalArgumentException e) {
        throw invalid(script, line, e.getMessage());
      }
    }
    return new EdgeStatement(
        script, line, sql, duckDbSql, ordered, errorState, fallback, knownBug, expectedRows);
  }

  private static boolean isDirective(String comment) {
    return !directive(comment).isEmpty();
  }

  /** Returns the directive word that starts a comment, or "" for free text. */
  private static String directive(String comment) {
    String word = comment.split("\\s+", 2)[0];
    if (word.startsWith("duckdb:")) {
      return "duckdb:";
    }
    if (word.startsWith("expect:")) {
      return "expect:";
    }
    return switch (word) {
      case "ordered", "fallback", "error", "known-bug" -> word;
      default -> "";
    };
  }

  private static int lineEnd(String text, int start) {
    int end = text.indexOf('\n', start);
    return end < 0 ? text.length() : end;
  }

  /** Returns the index after the closing quote; a doubled quote is an escaped quote. */
  private static int quotedEnd(String text, int openQuote, char quote) {
    int i = openQuote + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
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

  private static IllegalArgumentException invalid(String script, int line, String problem) {
    return new IllegalArgumentException(script + ":" + line + ": " + problem);
  }
}
