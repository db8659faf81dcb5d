package dev.warpsql.sqltests.slt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs the records of one sqllogictest file in order on one connection and counts what passed,
 * failed and was skipped.
 *
 * <p>A record is skipped when its conditions select other engines, when it follows a {@code halt},
 * when {@link SltKnownDifferences} lists it, or when Calcite's parser rejects its SQL (SQLSTATE
 * 42601), which the corpus's SQLite-only syntax causes; the report keeps each reason. A {@code
 * statement error} record passes when the statement raises a SQLException of any SQLSTATE, since
 * the corpus does not say which error it expects.
 *
 * <p>A wrong result after a statement that was skipped or failed may come from the data that the
 * statement should have changed, so such failures form a kind of their own.
 */
final class SltFileRunner {
  /** Seconds a statement may run before it counts as a hang. */
  static final int TIMEOUT_SECONDS = 60;

  private static final String SYNTAX_ERROR = "42601";
  private static final String INTERNAL_ERROR = "XX000";
  private static final String QUERY_CANCELED = "57014";

  private final SltFileReport report;
  private final Connection connection;
  private final SltKnownDifferences differences;
  private final SltIndexStatements indexes = new SltIndexStatements();
  private int lineOfFirstMissedStatement = -1;

  private SltFileRunner(
      SltFileReport report, Connection connection, SltKnownDifferences differences) {
    this.report = report;
    this.connection = connection;
    this.differences = differences;
  }

  /**
   * Runs a file's records on a connection to a database of its own.
   *
   * @param queryLimit the number of query records after which the file stops, or 0 for no limit
   */
  static SltFileReport run(
      String file,
      List<SltRecord> records,
      Connection connection,
      SltKnownDifferences differences,
      int queryLimit) {
    SltFileReport report = new SltFileReport(file);
    long start = System.nanoTime();
    List<SltRecord> selected = records;
    if (queryLimit > 0) {
      selected = firstQueries(records, queryLimit);
      report.queriesLeftOut = countQueries(records) - countQueries(selected);
    }
    new SltFileRunner(report, connection, differences).runAll(selected);
    report.elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    return report;
  }

  /** Returns the records up to and including the {@code limit}-th query record. */
  private static List<SltRecord> firstQueries(List<SltRecord> records, int limit) {
    int queries = 0;
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i) instanceof SltQuery && ++queries == limit) {
        return records.subList(0, i + 1);
      }
    }
    return records;
  }

  private static int countQueries(List<SltRecord> records) {
    return (int) records.stream().filter(record -> record instanceof SltQuery).count();
  }

  private void runAll(List<SltRecord> records) {
    SltHalt halt = null;
    for (SltRecord record : records) {
      if (halt != null) {
        if (!(record instanceof SltHalt)) {
          report.skip(record, "after a halt");
        }
        continue;
      }
      String reason = record.conditions().skipReason();
      if (reason == null) {
        reason = differences.reason(report.file, record);
      }
      if (reason != null) {
        if (!(record instanceof SltHalt)) {
          skip(record, reason);
        }
        continue;
      }
      if (record instanceof SltHalt h) {
        halt = h;
      } else if (record instanceof SltStatement statement) {
        runStatement(statement);
      } else {
        runQuery((SltQuery) record);
      }
    }
  }

  private void runStatement(SltStatement record) {
    String sql = SltStatementAdapter.withoutSemicolon(record.sql());
    String error;
    try {
      error = SltIndexStatements.matches(sql) ? indexes.run(sql, connection) : execute(sql);
    } catch (SQLException e) {
      failOnSqlException(record, e);
      return;
    } catch (RuntimeException | Error e) {
      fail(record, "exception " + e.getClass().getName(), describe(e, sql), true);
      return;
    }
    if (error == null) {
      indexes.afterStatement(sql);
    }
    if (record.expectsError() == (error != null)) {
      report.pass(record);
    } else if (record.expectsError()) {
      fail(record, "statement ran, but the file expects an error", sql, false);
    } else {
      fail(record, "index statement failed", sql + "\n" + error, false);
    }
  }

  /** Runs a statement that is no index statement; returns null because failures raise. */
  private String execute(String sql) throws SQLException {
    String adapted = SltStatementAdapter.adaptCreateTable(sql);
    if (!adapted.equals(sql)) {
      report.adaptedStatements++;
    }
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
      statement.execute(adapted);
    }
    return null;
  }

  /**
   * Handles a SQLException of a statement: a statement that must fail passes, a syntax error is a
   * skip, and others are failures.
   */
  private void failOnSqlException(SltStatement record, SQLException e) {
    if (isCrash(e)) {
      fail(record, crashKind(e), describe(e, record.sql()), true);
    } else if (record.expectsError()) {
      report.pass(record);
    } else if (SYNTAX_ERROR.equals(e.getSQLState())) {
      skip(record, syntaxReason(e));
    } else {
      fail(record, failureKind(e), describe(e, record.sql()), false);
    }
  }

  private void skip(SltRecord record, String reason) {
    noteMissedStatement(record);
    report.skip(record, reason);
  }

  private void fail(SltRecord record, String kind, String detail, boolean crash) {
    noteMissedStatement(record);
    report.fail(record, kind, detail, crash);
  }

  /** Remembers the first statement that should have run but did not. */
  private void noteMissedStatement(SltRecord record) {
    if (record instanceof SltStatement statement
        && !statement.expectsError()
        && lineOfFirstMissedStatement < 0) {
      lineOfFirstMissedStatement = record.line();
    }
  }

  private void runQuery(SltQuery query) {
    String sql = SltStatementAdapter.withoutSemicolon(query.sql());
    SltResult result;
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
      try (ResultSet resultSet = statement.executeQuery(sql)) {
        result = SltResult.read(resultSet, query.columnTypes());
      }
    } catch (SQLException e) {
      if (isCrash(e)) {
        report.fail(query, crashKind(e), describe(e, sql), true);
      } else if (SYNTAX_ERROR.equals(e.getSQLState())) {
        report.skip(query, syntaxReason(e));
      } else {
        report.fail(query, failureKind(e), describe(e, sql), false);
      }
      return;
    } catch (RuntimeException | Error e) {
      report.fail(query, "exception " + e.getClass().getName(), describe(e, sql), true);
      return;
    }
    if (result == null) {
      report.fail(query, "wrong column count", sql, false);
      return;
    }
    String mismatch = result.mismatch(query);
    if (mismatch == null) {
      report.pass(query);
    } else if (lineOfFirstMissedStatement >= 0) {
      report.fail(
          query,
          "wrong result after a skipped or failed statement",
          sql
              + "\n"
              + mismatch
              + "\nthe first such statement is at line "
              + lineOfFirstMissedStatement,
          false);
    } else {
      report.fail(query, "wrong result", sql + "\n" + mismatch, false);
    }
  }

  /** Returns whether a SQLException is a bug rather than a rejected statement. */
  private static boolean isCrash(SQLException e) {
    String state = e.getSQLState();
    return state == null || state.equals(INTERNAL_ERROR) || state.equals(QUERY_CANCELED);
  }

  private static String crashKind(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      return "SQLException without SQLSTATE";
    }
    return state.equals(QUERY_CANCELED)
        ? "timed out after " + TIMEOUT_SECONDS + " s (57014)"
        : "internal error (XX000)";
  }

  /** Returns the SQLSTATE and the message's first line without positions, to group failures. */
  private static String failureKind(SQLException e) {
    return "SQLSTATE " + e.getSQLState() + ": " + shortMessage(e);
  }

  private static String syntaxReason(SQLException e) {
    return "Calcite's parser rejects it: " + shortMessage(e);
  }

  /**
   * Returns a message's first line without positions and quoted names, cut to 100 characters, so
   * that failures of one cause group together.
   */
  static String shortMessage(Throwable e) {
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    message =
        message
            .replaceAll("[Ff]rom line \\d+, column \\d+ to line \\d+, column \\d+: ", "")
            .replaceAll(" at line \\d+, column \\d+", "")
            .replaceAll("'[^']*'", "'…'");
    return message.length() > 100 ? message.substring(0, 100) + "…" : message;
  }

  private static String describe(Throwable e, String sql) {
    StringBuilder text = new StringBuilder(sql).append("\n").append(e);
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
      text.append("\ncaused by ").append(cause);
    }
    return text.toString();
  }
}
