package dev.warpsql.sqltests.edge;

import java.util.List;
import java.util.Objects;

/**
 * One statement of an edge-case script with the directives written on comment lines before it.
 *
 * @param script resource name of the script, such as {@code edge/nulls.sql}
 * @param line 1-based line of the statement's first character in the script
 * @param sql statement text for WarpSQL, without its semicolon
 * @param duckDbSql statement text for DuckDB, the same as {@code sql} unless a {@code -- duckdb:}
 *     line gives another
 * @param ordered whether rows are compared in order, from {@code -- ordered}; otherwise both
 *     results are sorted the same way first
 * @param errorState SQLState that WarpSQL must raise, from {@code -- error}, or null when the
 *     statement must succeed
 * @param fallback whether the plan must contain an Enumerable operator, from {@code -- fallback};
 *     otherwise it must contain none
 * @param knownBug reason from {@code -- known-bug}, or null. Such a statement is skipped while it
 *     fails and fails once it passes, so that the marker is removed with the fix.
 * @param expectedRows rows from {@code -- expect:} that WarpSQL must return besides matching
 *     DuckDB, or null when only DuckDB's rows are compared
 */
record EdgeStatement(
    String script,
    int line,
    String sql,
    String duckDbSql,
    boolean ordered,
    String errorState,
    boolean fallback,
    String knownBug,
    List<List<Object>> expectedRows) {
  EdgeStatement {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(duckDbSql, "duckDbSql");
  }

  /** Returns the script's file name and the line, such as {@code nulls.sql:12}. */
  String location() {
    return script.substring(script.lastIndexOf('/') + 1) + ":" + line;
  }

  /** Returns the location followed by the statement on one line, cut to about 100 characters. */
  String displayName() {
    String oneLine = sql.replaceAll("\\s+", " ");
    if (oneLine.length() > 100) {
      oneLine = oneLine.substring(0, 97) + "...";
    }
    return location() + " " + oneLine;
  }

  boolean expectsError() {
    return errorState != null;
  }
}
