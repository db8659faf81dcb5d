package dev.warpsql.driver.remote;

import dev.warpsql.driver.JdbcErrors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.avatica.remote.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to a WarpSQL server over Avatica's remote protocol, whose cancel, query timeouts and
 * {@link #isValid} reach the server.
 *
 * <p>How a cancel reaches the server: Avatica's protocol (1.27) has no cancel message, and
 * Avatica's client {@code cancel()} only sets a local flag, after waiting for the statement's
 * monitor, which the executing thread keeps locked until the server replies. So this connection
 * does this instead:
 *
 * <ol>
 *   <li>Each execution marks its statement as running for as long as its request to the server is
 *       in flight, and clears the statement's cancel flag first, so that a statement stays usable
 *       after a cancel.
 *   <li>{@code cancel()} sets the statement's local cancel flag, which stops Avatica from reading
 *       more rows, and when the statement is running, sends a {@link CancelRequest} with the
 *       connection and statement ids to the server's cancel endpoint, as a second HTTP request.
 *   <li>The server sets the cancel flag of the embedded statement, which the engine checks between
 *       morsels. The query stops, and its execute request fails with SQLSTATE 57014.
 *   <li>A query timeout ({@code setQueryTimeout}) is a timer on this side that sends the same
 *       cancel when it expires. The execution then fails with {@link SQLTimeoutException}.
 * </ol>
 *
 * <p>Thread-safe: {@code cancel()} is meant to be called from another thread than the one that
 * executes.
 */
final class RemoteConnection extends AvaticaConnection {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteConnection.class);

  private static final ScheduledExecutorService TIMERS =
      Executors.newSingleThreadScheduledExecutor(daemonThreads("warpsql-query-timeout"));
  private static final ExecutorService VALIDATION =
      Executors.newCachedThreadPool(daemonThreads("warpsql-connection-check"));

  private final ConcurrentMap<Integer, Execution> running = new ConcurrentHashMap<>();
  private CancelClient cancelClient;
  private SQLWarning warnings;
  private final String serverUrl;

  RemoteConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    super(driver, factory, url, info);
    this.serverUrl = info.getProperty(BuiltInConnectionProperty.URL.camelName());
  }

  /**
   * Returns the URL that {@code DatabaseMetaData.getURL} reports: the server's address in WarpSQL's
   * remote form, without credentials or other properties.
   */
  String displayUrl() {
    return RemoteUrl.WARP_PREFIX + "url=" + serverUrl;
  }

  @Override
  protected Meta.ExecuteResult prepareAndExecuteInternal(
      AvaticaStatement statement, String sql, long maxRowCount)
      throws SQLException, NoSuchStatementException {
    return track(statement, () -> super.prepareAndExecuteInternal(statement, sql, maxRowCount));
  }

  @Override
  protected ResultSet executeQueryInternal(
      AvaticaStatement statement,
      Meta.Signature signature,
      Meta.Frame firstFrame,
      QueryState state,
      boolean isUpdate)
      throws SQLException {
    return track(
        statement,
        () -> super.executeQueryInternal(statement, signature, firstFrame, state, isUpdate));
  }

  @Override
  protected long[] executeBatchUpdateInternal(AvaticaPreparedStatement statement)
      throws SQLException {
    return track(statement, () -> super.executeBatchUpdateInternal(statement));
  }

  @Override
  protected Meta.ExecuteBatchResult prepareAndUpdateBatch(
      AvaticaStatement statement, List<String> queries)
      throws NoSuchStatementException, SQLException {
    return track(statement, () -> super.prepareAndUpdateBatch(statement, queries));
  }

  /**
   * Accepts either value, and {@code false} adds a warning, as the embedded driver does: WarpSQL
   * has no transactions, so auto-commit stays on. Pools set it when they reset a connection.
   */
  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    if (!autoCommit) {
      addWarning(JdbcErrors.autoCommitStaysOn());
    }
  }

  /** Returns true without a request: every statement commits when it completes. */
  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public synchronized SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings;
  }

  @Override
  public synchronized void clearWarnings() throws SQLException {
    checkOpen();
    warnings = null;
  }

  private synchronized void addWarning(SQLWarning warning) {
    if (warnings == null) {
      warnings = warning;
    } else {
      warnings.setNextWarning(warning);
    }
  }

  // Each call below sends a request, whose failure Avatica lets out unchecked (see RemoteErrors).
  // Avatica's property setters send nothing, because they record the value for the next getter.

  @Override
  public void commit() throws SQLException {
    RemoteErrors.run(id, super::commit);
  }

  @Override
  public void rollback() throws SQLException {
    RemoteErrors.run(id, super::rollback);
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return RemoteErrors.call(id, super::isReadOnly);
  }

  @Override
  public String getCatalog() throws SQLException {
    return RemoteErrors.call(id, super::getCatalog);
  }

  @Override
  public String getSchema() throws SQLException {
    return RemoteErrors.call(id, super::getSchema);
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    return RemoteErrors.call(id, super::getTransactionIsolation);
  }

  /**
   * Prepares a statement. Avatica's {@code prepareStatement} wraps a failed request without the
   * server's message, so a lost connection gets {@link RemoteErrors}'s message here.
   */
  @Override
  public PreparedStatement prepareStatement(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    try {
      return super.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    } catch (SQLException e) {
      throw RemoteErrors.translate(id, e);
    }
  }

  /** A request to the server that runs a statement. */
  @FunctionalInterface
  private interface ServerCall<T, E extends Exception> {
    T call() throws SQLException, E;
  }

  /**
   * Runs a call to the server as an execution of {@code statement}: a cancel can reach it, and its
   * query timeout cancels it.
   */
  private <T, E extends Exception> T track(AvaticaStatement statement, ServerCall<T, E> call)
      throws SQLException, E {
    Execution execution = begin(statement);
    try {
      return call.call();
    } catch (RuntimeException | SQLException e) {
      if (execution.timedOut) {
        throw execution.timeout(e);
      }
      throw e;
    } finally {
      end(execution);
    }
  }

  /** Cancels the statement's running query on the server, or its next read when none runs. */
  void cancel(AvaticaStatement statement) throws SQLException {
    cancelFlag(statement).set(true);
    if (running.containsKey(statement.getId())) {
      sendCancel(statement.getId());
    }
  }

  /**
   * Returns whether the server still has this connection, checked with a connection-sync request.
   * False when the connection is closed, the server has forgotten it (closed or expired after being
   * idle), the server cannot be reached, or no reply comes within {@code timeout} seconds (0 waits
   * as long as the HTTP client does).
   */
  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw new SQLException("invalid timeout " + timeout + ": it must be 0 or more", "HY024");
    }
    if (isClosed()) {
      return false;
    }
    Future<Boolean> check = VALIDATION.submit(this::serverKnowsConnection);
    try {
      return timeout == 0 ? check.get() : check.get(timeout, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      check.cancel(true);
      return false;
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean serverKnowsConnection() {
    try {
      // A request straight to the service, because Avatica's RemoteMeta answers connectionSync
      // from its local copy of the properties without asking the server.
      getService().apply(new Service.ConnectionSyncRequest(id, new ConnectionPropertiesImpl()));
      return true;
    } catch (RuntimeException e) {
      LOG.debug("connection {} failed its validity check: {}", id, e.getMessage());
      return false;
    }
  }

  private Execution begin(AvaticaStatement statement) throws SQLException {
    cancelFlag(statement).set(false);
    Execution execution = new Execution(statement.getId(), statement.getQueryTimeout());
    running.put(execution.statementId, execution);
    if (execution.timeoutSeconds > 0) {
      execution.timer =
          TIMERS.schedule(() -> timeOut(execution), execution.timeoutSeconds, TimeUnit.SECONDS);
    }
    return execution;
  }

  private void end(Execution execution) {
    if (execution.timer != null) {
      execution.timer.cancel(false);
    }
    running.remove(execution.statementId, execution);
  }

  private void timeOut(Execution execution) {
    execution.timedOut = true;
    try {
      sendCancel(execution.statementId);
    } catch (SQLException e) {
      LOG.warn(
          "query timeout of statement {} on connection {}: {}",
          execution.statementId,
          id,
          e.getMessage());
    }
  }

  private void sendCancel(int statementId) throws SQLException {
    cancelClient().send(new CancelRequest(id, statementId));
  }

  private synchronized CancelClient cancelClient() throws SQLException {
    if (cancelClient == null) {
      cancelClient = new CancelClient(config(), getKerberosConnection());
    }
    return cancelClient;
  }

  private AtomicBoolean cancelFlag(AvaticaStatement statement) {
    try {
      return getCancelFlag(statement.handle);
    } catch (NoSuchStatementException e) {
      // AvaticaConnection creates a missing flag instead of throwing (1.27).
      throw new IllegalStateException("no cancel flag for statement " + statement.getId(), e);
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** One execution of a statement, from its request to the server's reply. */
  private static final class Execution {
    final int statementId;
    final int timeoutSeconds;
    volatile boolean timedOut;
    ScheduledFuture<?> timer;

    Execution(int statementId, int timeoutSeconds) {
      this.statementId = statementId;
      this.timeoutSeconds = timeoutSeconds;
    }

    /** Returns the error that replaces the failure that the timeout's cancel caused. */
    SQLTimeoutException timeout(Exception failure) {
      return new SQLTimeoutException(
          "query timed out after "
              + timeoutSeconds
              + " s, the statement's query timeout; raise it with setQueryTimeout",
          "57014",
          failure);
    }
  }
}
