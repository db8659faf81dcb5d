package dev.warpsql.driver.server;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.driver.remote.CancelRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.remote.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avatica's {@link JdbcMeta} over one WarpSQL database, with what a shared server adds: a maximum
 * query time for every statement, cancel by connection and statement id, logs of connections
 * opened, closed and expired, and no client control over the engine's connection properties.
 *
 * <p>Connections and statements that stay idle longer than JdbcMeta's cache settings expire; {@link
 * #expireIdleSessions()} must run periodically, because the caches only evict on access.
 * Thread-safe.
 */
public final class WarpMeta extends JdbcMeta {
  private static final Logger LOG = LoggerFactory.getLogger(WarpMeta.class);

  /**
   * Maximum rows in one frame, so that a large result leaves the server in pieces as the client
   * fetches, even for a client that asks for everything at once. Avatica's JdbcResultSet (1.27)
   * already puts at most 100 rows in the first frame; later frames have the client's fetch size.
   */
  static final int MAX_FRAME_ROWS = 5_000;

  private final WarpDatabase database;
  private final LongAdder fetches = new LongAdder();
  private final int maxQueryTimeSeconds;
  private final Set<String> openConnections = ConcurrentHashMap.newKeySet();
  private final Set<Integer> canceledByClient = ConcurrentHashMap.newKeySet();
  private final Map<Integer, String> runningStatements = new ConcurrentHashMap<>();

  /**
   * @param url the JDBC URL of {@code database}, which JdbcMeta reports
   * @param cacheSettings JdbcMeta's connection and statement cache settings
   * @param maxQueryTimeSeconds the longest any statement may run, in seconds; 0 for no limit
   */
  WarpMeta(WarpDatabase database, String url, Properties cacheSettings, int maxQueryTimeSeconds)
      throws SQLException {
    super(url, cacheSettings);
    this.database = database;
    this.maxQueryTimeSeconds = maxQueryTimeSeconds;
  }

  /**
   * Opens an engine connection with the server's settings. The client's properties are dropped on
   * purpose: Calcite properties such as {@code model} or {@code schemaFactory} would let a client
   * read the server's files or load classes.
   */
  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    return database.connect(new Properties());
  }

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    super.openConnection(ch, info);
    openConnections.add(ch.id);
    LOG.info("connection {} opened; {} open", ch.id, openConnections.size());
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    boolean known = openConnections.remove(ch.id);
    try {
      super.closeConnection(ch);
    } finally {
      if (known) {
        LOG.info("connection {} closed; {} open", ch.id, openConnections.size());
      }
    }
  }

  /**
   * Applies and returns a connection's properties, with auto-commit always on. WarpSQL has no
   * transactions, and JdbcMeta (1.27) returns the values that clients set rather than the engine
   * connection's, so without this a client that set auto-commit off would read back false.
   */
  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties connProps) {
    if (Boolean.FALSE.equals(connProps.isAutoCommit())) {
      connProps.setAutoCommit(true);
    }
    return super.connectionSync(ch, connProps);
  }

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    StatementHandle handle = super.createStatement(ch);
    limitQueryTime(handle);
    return handle;
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    StatementHandle handle = super.prepare(ch, sql, maxRowCount);
    limitQueryTime(handle);
    return handle;
  }

  @Override
  public ExecuteResult prepareAndExecute(
      StatementHandle h,
      String sql,
      long maxRowCount,
      int maxRowsInFirstFrame,
      PrepareCallback callback)
      throws NoSuchStatementException {
    long started = beginExecution(h);
    try {
      return super.prepareAndExecute(h, sql, maxRowCount, frameRows(maxRowsInFirstFrame), callback);
    } catch (RuntimeException e) {
      throw explainFailure(e, h, started);
    } finally {
      endExecution(h);
    }
  }

  @Override
  public ExecuteResult execute(
      StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    long started = beginExecution(h);
    try {
      return super.execute(h, parameterValues, frameRows(maxRowsInFirstFrame));
    } catch (RuntimeException e) {
      throw explainFailure(e, h, started);
    } finally {
      endExecution(h);
    }
  }

  /**
   * Marks a statement as running and returns the start time in nanoseconds. A running statement and
   * its connection never expire, because {@link #expireIdleSessions()} counts them as used, however
   * long the query runs.
   */
  private long beginExecution(StatementHandle h) {
    canceledByClient.remove(h.id);
    runningStatements.put(h.id, h.connectionId);
    markUsed(h.id, h.connectionId);
    return System.nanoTime();
  }

  private void endExecution(StatementHandle h) {
    runningStatements.remove(h.id);
    markUsed(h.id, h.connectionId);
  }

  /** Reads a statement and its connection from the caches, which counts as using them. */
  private void markUsed(int statementId, String connectionId) {
    getStatementCache().getIfPresent(statementId);
    getConnectionCache().getIfPresent(connectionId);
  }

  private RuntimeException explainFailure(RuntimeException e, StatementHandle h, long started) {
    return QueryTimeLimit.explain(
        e, maxQueryTimeSeconds, System.nanoTime() - started, canceledByClient.contains(h.id));
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    fetches.increment();
    // JdbcMeta's fetch (1.27) reads only the statement, so a long fetch would let its connection
    // expire.
    markUsed(h.id, h.connectionId);
    return super.fetch(h, offset, frameRows(fetchMaxRowCount));
  }

  /** Returns the rows to put in a frame when the client asks for {@code requested}. */
  private static int frameRows(int requested) {
    return requested > 0 ? Math.min(requested, MAX_FRAME_ROWS) : MAX_FRAME_ROWS;
  }

  /**
   * Cancels the running query of a statement, if the statement belongs to the connection.
   *
   * @return whether the statement was found on that connection
   */
  boolean cancel(CancelRequest request) throws SQLException {
    Connection connection = getConnectionCache().asMap().get(request.connectionId());
    StatementInfo info = getStatementCache().asMap().get(request.statementId());
    if (connection == null || info == null) {
      return false;
    }
    Statement statement = StatementAccess.statement(info);
    if (statement.isClosed() || statement.getConnection() != connection) {
      return false;
    }
    canceledByClient.add(request.statementId());
    statement.cancel();
    return true;
  }

  /**
   * Closes the connections and statements that have been idle for longer than the cache settings
   * allow, and logs each expired connection.
   */
  void expireIdleSessions() {
    runningStatements.forEach(this::markUsed);
    getConnectionCache().cleanUp();
    getStatementCache().cleanUp();
    Set<String> live = Set.copyOf(getConnectionCache().asMap().keySet());
    for (String id : openConnections) {
      if (!live.contains(id) && openConnections.remove(id)) {
        LOG.info("connection {} expired after being idle; {} open", id, openConnections.size());
      }
    }
  }

  /** Closes every client connection, as the server stops. */
  void closeAll() {
    getConnectionCache().invalidateAll();
    openConnections.clear();
  }

  /** Returns the number of fetch requests served, each of which returned one frame. */
  long fetchCount() {
    return fetches.sum();
  }

  /** Returns the number of open connections. */
  int connectionCount() {
    return openConnections.size();
  }

  /** Returns the number of statements that the server keeps, open or not yet expired. */
  long statementCount() {
    return getStatementCache().size();
  }

  private void limitQueryTime(StatementHandle handle) {
    if (maxQueryTimeSeconds == 0) {
      return;
    }
    StatementInfo info = getStatementCache().getIfPresent(handle.id);
    if (info == null) {
      return;
    }
    try {
      StatementAccess.statement(info).setQueryTimeout(maxQueryTimeSeconds);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot set the maximum query time on statement " + handle.id, e);
    }
  }
}
