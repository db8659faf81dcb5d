package dev.warpsql.driver.remote;

import java.io.IOException;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;

/**
 * Translation of the unchecked exceptions of Avatica's remote client into SQLExceptions.
 *
 * <p>Avatica's client (1.27) sends every request through {@code
 * AvaticaConnection.invokeWithRetries} and lets a failed request out as an {@link
 * AvaticaClientRuntimeException}, or as a plain RuntimeException when the HTTP request itself
 * fails. Avatica wraps these for execute and prepare, but not for result set fetches, database
 * metadata, commit, rollback or connection properties. The remote classes pass those calls through
 * {@link #call}, so that JDBC callers only get SQLExceptions.
 */
final class RemoteErrors {
  /** SQLSTATE of a connection that does not exist, which pools read to evict it. */
  static final String CONNECTION_DOES_NOT_EXIST = "08003";

  /** SQLSTATE of a connection that failed while in use. */
  private static final String CONNECTION_FAILURE = "08006";

  private RemoteErrors() {}

  /** A call that reaches the server and may fail with an unchecked exception. */
  @FunctionalInterface
  interface RemoteCall<T> {
    T call() throws SQLException;
  }

  /** A call without a result that reaches the server. */
  @FunctionalInterface
  interface RemoteAction {
    void run() throws SQLException;
  }

  /**
   * Runs a call on connection {@code connectionId} and raises its unchecked failure as an
   * SQLException; see {@link #translate}.
   */
  static <T> T call(String connectionId, RemoteCall<T> call) throws SQLException {
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw translate(connectionId, e);
    }
  }

  /** Runs an action as {@link #call} runs a call. */
  static void run(String connectionId, RemoteAction action) throws SQLException {
    call(
        connectionId,
        () -> {
          action.run();
          return null;
        });
  }

  /**
   * Returns the SQLException for an unchecked failure of a request on connection {@code
   * connectionId}: SQLSTATE 08003 when the server no longer has the connection, the server's
   * SQLSTATE and error code for another error that the server reported, 08006 when the HTTP request
   * failed, and no SQLSTATE for any other failure.
   */
  static SQLException translate(String connectionId, RuntimeException e) {
    if (e instanceof AvaticaClientRuntimeException server) {
      if (isMissingConnection(server.getErrorCode(), server.getSqlState())) {
        return lostConnection(connectionId, e);
      }
      if (server.getErrorCode() != ErrorResponse.UNKNOWN_ERROR_CODE
          || !ErrorResponse.UNKNOWN_SQL_STATE.equals(server.getSqlState())) {
        return new SQLException(e.getMessage(), server.getSqlState(), server.getErrorCode(), e);
      }
    }
    if (hasIoCause(e)) {
      return new SQLException(
          "request to the server on connection " + connectionId + " failed: " + e.getMessage(),
          CONNECTION_FAILURE,
          e);
    }
    return new SQLException(String.valueOf(e.getMessage()), e);
  }

  /**
   * Returns {@code e}, or the lost-connection error of {@link #translate} when {@code e} is one
   * that Avatica made from the server's missing-connection error.
   */
  static SQLException translate(String connectionId, SQLException e) {
    return isMissingConnection(e.getErrorCode(), e.getSQLState())
        ? lostConnection(connectionId, e)
        : e;
  }

  private static boolean isMissingConnection(int errorCode, String sqlState) {
    return errorCode == ErrorResponse.MISSING_CONNECTION_ERROR_CODE
        || CONNECTION_DOES_NOT_EXIST.equals(sqlState);
  }

  private static SQLException lostConnection(String connectionId, Exception cause) {
    return new SQLException(
        "the server no longer has connection "
            + connectionId
            + ", because the server restarted or the connection expired after being idle. "
            + "Open a new connection.",
        CONNECTION_DOES_NOT_EXIST,
        cause);
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
