package dev.warpsql.driver.server;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Rewording of the engine's error when the server's maximum query time stopped a query.
 *
 * <p>The server sets that maximum as the query timeout of every engine statement. The engine then
 * fails the query with SQLSTATE 57014, as it does for a cancel, and with either "query canceled" or
 * "query timed out", depending on which worker noticed first. A client cannot raise the server's
 * limit, so the message has to name the limit instead. A 57014 failure counts as the server's limit
 * when the execution ran for at least the limit and no client cancel arrived during it. A remote
 * client's own query timeout arrives as a cancel.
 */
final class QueryTimeLimit {
  private static final String CANCELED = "57014";

  private QueryTimeLimit() {}

  /**
   * Returns the exception to throw in place of {@code failure}.
   *
   * @param elapsedNanos how long the execution ran before it failed
   * @param canceledByClient whether a client cancel arrived during the execution
   */
  static RuntimeException explain(
      RuntimeException failure,
      int maxQueryTimeSeconds,
      long elapsedNanos,
      boolean canceledByClient) {
    if (maxQueryTimeSeconds == 0
        || canceledByClient
        || elapsedNanos < TimeUnit.SECONDS.toNanos(maxQueryTimeSeconds)) {
      return failure;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && CANCELED.equals(sql.getSQLState())) {
        SQLException limit =
            new SQLException(
                "query stopped after the server's maximum query time of "
                    + maxQueryTimeSeconds
                    + " s; make the query cheaper or ask the server's operator to raise "
                    + "--max-query-time",
                CANCELED,
                sql);
        return new RuntimeException(limit);
      }
    }
    return failure;
  }
}
