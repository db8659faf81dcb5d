package dev.warpsql.driver;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.avatica.AvaticaSqlException;

/** SQLExceptions of the JDBC layer, and removal of the wording Avatica adds to statement errors. */
public final class JdbcErrors {
  /** SQLSTATE of a call on a closed connection. */
  static final String CONNECTION_CLOSED = "08003";

  /** SQLSTATE of a call on a closed statement or result set (PostgreSQL's object_not_in_state). */
  static final String OBJECT_CLOSED = "55000";

  private static final String EXECUTE_PREFIX = "Error while executing SQL \"";
  private static final String QUERY_PREFIX = "exception while executing query: ";
  private static final String PREPARE_PREFIX = "Error while preparing statement [";

  /** Avatica's message (1.27), without SQLSTATE, for a statement run with a parameter not set. */
  private static final String UNBOUND_PARAMETER = "unbound parameter";

  /** Avatica's message (1.27), without SQLSTATE, for executeQuery of a statement without rows. */
  private static final String NO_RESULT_SET = "Statement did not return a result set";

  private JdbcErrors() {}

  /**
   * Returns the warning of {@code setAutoCommit(false)}, which both drivers accept and ignore,
   * because WarpSQL has no transactions.
   */
  public static SQLWarning autoCommitStaysOn() {
    return new SQLWarning(
        "auto-commit stays on: WarpSQL has no transactions, so every statement takes "
            + "effect when it completes and commit and rollback do nothing",
        "01000");
  }

  static SQLException connectionClosed() {
    return new SQLException("connection is closed", CONNECTION_CLOSED);
  }

  static SQLException statementClosed() {
    return new SQLException("statement is closed", OBJECT_CLOSED);
  }

  static SQLException resultSetClosed() {
    return new SQLException("result set is closed", OBJECT_CLOSED);
  }

  /** Rejects a null or blank statement before it reaches the parser. */
  static void checkSql(String sql) throws SQLException {
    if (sql == null) {
      // HY009 is the SQL/CLI SQLSTATE for an invalid null argument.
      throw new SQLException("SQL statement is null", "HY009");
    }
    if (sql.isBlank()) {
      throw new SQLException("empty statement: the SQL text is blank", "42601");
    }
  }

  /**
   * Returns the exception to throw for a failed statement: the engine's own message, SQLSTATE and
   * error code, without the "Error N (SQLSTATE) : Error while executing SQL "..."" framing that
   * Avatica's {@code AvaticaStatement} and {@code AvaticaConnection} (1.27) put around it.
   *
   * <p>The Avatica exception stays attached as the cause, so its stack trace is not lost.
   */
  public static SQLException clean(SQLException e, String sql) {
    boolean avatica = e instanceof AvaticaSqlException;
    String original = avatica ? ((AvaticaSqlException) e).getErrorMessage() : e.getMessage();
    String message = withoutPrefix(original, sql);
    if (avatica && message.startsWith(PREPARE_PREFIX)) {
      // Calcite replaces the engine's message when a prepare fails, but the engine put it first
      // among the server-side texts, which survive.
      List<String> texts = ((AvaticaSqlException) e).getStackTraces();
      if (texts != null && !texts.isEmpty() && texts.get(0) != null) {
        message = texts.get(0);
      }
    }
    String state = e.getSQLState();
    if (state == null && message.equals(UNBOUND_PARAMETER)) {
      message = "a parameter has no value; bind every ? with a setter such as setInt or setNull";
      state = "07001";
    } else if (state == null && message.equals(NO_RESULT_SET)) {
      message = "the statement returns no rows; run it with executeUpdate or execute";
      state = "02000";
    }
    if (!avatica && message.equals(original) && Objects.equals(state, e.getSQLState())) {
      return e;
    }
    SQLException cleaned = new SQLException(message, state, e.getErrorCode());
    cleaned.initCause(avatica || e.getCause() == null ? e : e.getCause());
    return cleaned;
  }

  private static String withoutPrefix(String message, String sql) {
    if (message == null) {
      return "";
    }
    String executePrefix = EXECUTE_PREFIX + sql + "\": ";
    if (sql != null && message.startsWith(executePrefix)) {
      return message.substring(executePrefix.length());
    }
    // Calcite's own error can carry the prefix too, so Avatica's makes it appear twice.
    String stripped = message;
    while (stripped.startsWith(QUERY_PREFIX)) {
      stripped = stripped.substring(QUERY_PREFIX.length());
    }
    return stripped;
  }
}
