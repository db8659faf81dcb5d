package dev.warpsql.sqltests.fuzz;

import dev.warpsql.sqltests.QueryResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.AvaticaSqlException;

/**
 * Runs a TLP check on a connection: Q, then the query that combines its three partitions, and
 * compares their rows as multisets. Exact values must be equal; REAL and DOUBLE values computed by
 * SUM may differ by a relative 1e-6, because the partitions add the same values in other orders.
 */
final class TlpOracle {
  /** Seconds a query may run before the check counts it as a hang. */
  static final int TIMEOUT_SECONDS = 30;

  private static final double RELATIVE_TOLERANCE = 1e-6;

  /**
   * The heading of a cause in a printed stack trace. Calcite's {@code
   * EnumerableRelImplementor.implementRoot} (1.41) keeps the failure it wraps as a suppressed
   * exception, not as the cause.
   */
  private static final Pattern CAUSE_HEADING = Pattern.compile("\\s*(Caused by|Suppressed): ");

  /** Stack frames of a crash's innermost cause that its detail shows. */
  private static final int ORIGIN_FRAMES = 8;

  private TlpOracle() {}

  static TlpOutcome check(Connection connection, TlpQuery query) {
    QueryResult original;
    QueryResult combined;
    try {
      original = run(connection, query.original());
      combined = run(connection, query.combined());
    } catch (SQLException e) {
      return failure(e);
    } catch (RuntimeException | Error e) {
      return new TlpOutcome(TlpOutcome.Verdict.CRASH, e + origin(e));
    }

    List<List<Object>> expected = sorted(original.rows());
    List<List<Object>> actual = sorted(combined.rows());
    if (sameRows(expected, actual)) {
      return new TlpOutcome(TlpOutcome.Verdict.PASSED, "");
    }
    return new TlpOutcome(
        TlpOutcome.Verdict.MISMATCH, "Q returned " + expected + "\npartitions returned " + actual);
  }

  private static QueryResult run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
      try (ResultSet resultSet = statement.executeQuery(sql)) {
        return QueryResult.read(resultSet);
      }
    }
  }

  private static TlpOutcome failure(SQLException e) {
    String state = e.getSQLState();
    String detail = "SQLSTATE " + state + ": " + e.getMessage();
    if (state == null || state.equals("XX000") || state.equals("57014")) {
      return new TlpOutcome(TlpOutcome.Verdict.CRASH, detail + origin(e));
    }
    if (state.startsWith("22")) {
      return new TlpOutcome(TlpOutcome.Verdict.DATA_ERROR, detail);
    }
    return new TlpOutcome(TlpOutcome.Verdict.REJECTED, detail);
  }

  /**
   * Returns the innermost cause of a crash, or the last suppressed one, and its first stack frames,
   * which tell the crashes of one class apart from others when their messages are alike, such as a
   * bare AssertionError. An internal error's SQLException carries the engine's stack trace as text,
   * not as a cause.
   */
  private static String origin(Throwable crash) {
    StringWriter text = new StringWriter();
    crash.printStackTrace(new PrintWriter(text));
    String trace = text.toString();
    for (Throwable cause = crash; cause != null; cause = cause.getCause()) {
      if (cause instanceof AvaticaSqlException avatica && !avatica.getStackTraces().isEmpty()) {
        trace = avatica.getStackTraces().get(0);
      }
    }

    String[] lines = trace.split("\\R");
    int cause = 0;
    for (int i = 0; i < lines.length; i++) {
      if (CAUSE_HEADING.matcher(lines[i]).lookingAt()) {
        cause = i;
      }
    }
    StringBuilder origin = new StringBuilder("\ncaused by ");
    origin.append(CAUSE_HEADING.matcher(lines[cause]).replaceFirst(""));
    int frames = 0;
    for (int i = cause + 1; i < lines.length && frames < ORIGIN_FRAMES; i++) {
      String line = lines[i].strip();
      if (line.startsWith("at ")) {
        origin.append("\n  ").append(line);
        frames++;
      }
    }
    return origin.toString();
  }

  /** Returns the rows sorted by their text, with DECIMALs written without trailing zeros. */
  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(TlpOracle::sortKey));
    return copy;
  }

  private static String sortKey(List<Object> row) {
    StringBuilder key = new StringBuilder();
    for (Object value : row) {
      if (value instanceof BigDecimal decimal) {
        key.append(decimal.stripTrailingZeros().toPlainString());
      } else {
        key.append(value);
      }
      key.append('\u0001');
    }
    return key.toString();
  }

  private static boolean sameRows(List<List<Object>> expected, List<List<Object>> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int row = 0; row < expected.size(); row++) {
      List<Object> left = expected.get(row);
      List<Object> right = actual.get(row);
      if (left.size() != right.size()) {
        return false;
      }
      for (int column = 0; column < left.size(); column++) {
        if (!sameValue(left.get(column), right.get(column))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean sameValue(Object left, Object right) {
    if (left == null || right == null) {
      return left == right;
    }
    if (left instanceof BigDecimal leftDecimal && right instanceof BigDecimal rightDecimal) {
      return leftDecimal.compareTo(rightDecimal) == 0;
    }
    if (left instanceof Double leftDouble && right instanceof Double rightDouble) {
      double scale = Math.max(Math.abs(leftDouble), Math.abs(rightDouble));
      return leftDouble.equals(rightDouble)
          || Math.abs(leftDouble - rightDouble) <= RELATIVE_TOLERANCE * scale;
    }
    return left.equals(right);
  }
}
