package dev.warpsql.driver;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.planner.schema.SchemaSync;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteSchema;

/**
 * A WarpSQL connection: Calcite's JDBC connection with the behaviour that pools and SQL clients
 * expect from an auto-commit database.
 *
 * <p>WarpSQL has no transactions: every statement takes effect when it completes. So the connection
 * is always in auto-commit mode, {@link #commit()} and {@link #rollback()} do nothing, and {@code
 * setAutoCommit(false)} is accepted with a warning. Closing the connection closes its statements
 * and their result sets; any later call on them raises SQLSTATE 08003.
 *
 * <p>Statements and result sets are wrapped too, so that errors carry the engine's message and
 * {@code getConnection()} returns this object. {@link #getMetaData()} returns Calcite's own object,
 * whose {@code getConnection()} returns the Calcite connection underneath. Thread-safe to the
 * extent that Calcite's connection is.
 */
final class WarpConnection implements Connection {
  private final Connection delegate;
  private volatile CalciteSchema root;
  private volatile Catalog catalog;
  private volatile long syncedSchemaVersion = -1;
  private final Set<WarpStatement> statements = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private SQLWarning warnings;

  WarpConnection(Connection delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Returns Calcite's connection, or raises SQLSTATE 08003 when this connection is closed. */
  Connection open() throws SQLException {
    if (closed) {
      throw JdbcErrors.connectionClosed();
    }
    syncSchemas();
    return delegate;
  }

  /**
   * Adds the schemas that any connection created, and removes those it dropped, to this
   * connection's root schema. Calcite prepares each statement against a snapshot of that root, so
   * this runs before every statement. Result set reads call it too, so it compares the catalog's
   * schema version first and does the work only after a change.
   */
  private void syncSchemas() throws SQLException {
    if (root == null) {
      root = CalciteSchema.from(delegate.unwrap(CalciteConnection.class).getRootSchema());
      catalog = SchemaSync.catalog(root);
    }
    long version = catalog.schemaVersion();
    if (version != syncedSchemaVersion) {
      SchemaSync.sync(root);
      syncedSchemaVersion = version;
    }
  }

  void statementClosed(WarpStatement statement) {
    statements.remove(statement);
  }

  private <S extends WarpStatement> S register(S statement) {
    statements.add(statement);
    return statement;
  }

  @Override
  public Statement createStatement() throws SQLException {
    return register(new WarpStatement(this, open().createStatement()));
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return register(
        new WarpStatement(this, open().createStatement(resultSetType, resultSetConcurrency)));
  }

  @Override
  public Statement createStatement(
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    Statement statement =
        open().createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
    return register(new WarpStatement(this, statement));
  }

  // NOTE: a failed prepare reads "Error while preparing statement [SQL]", without the engine's
  // message, because Calcite's CalciteConnectionImpl (1.41) drops that message. Only the SQLSTATE
  // and the error code survive.
  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    JdbcErrors.checkSql(sql);
    try {
      return register(new WarpPreparedStatement(this, open().prepareStatement(sql)));
    } catch (SQLException e) {
      throw JdbcErrors.clean(e, sql);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    JdbcErrors.checkSql(sql);
    try {
      PreparedStatement statement =
          open().prepareStatement(sql, resultSetType, resultSetConcurrency);
      return register(new WarpPreparedStatement(this, statement));
    } catch (SQLException e) {
      throw JdbcErrors.clean(e, sql);
    }
  }

  @Override
  public PreparedStatement prepareStatement(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    JdbcErrors.checkSql(sql);
    try {
      PreparedStatement statement =
          open().prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
      return register(new WarpPreparedStatement(this, statement));
    } catch (SQLException e) {
      throw JdbcErrors.clean(e, sql);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    JdbcErrors.checkSql(sql);
    try {
      PreparedStatement statement = open().prepareStatement(sql, autoGeneratedKeys);
      return register(new WarpPreparedStatement(this, statement));
    } catch (SQLException e) {
      throw JdbcErrors.clean(e, sql);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    JdbcErrors.checkSql(sql);
    try {
      PreparedStatement statement = open().prepareStatement(sql, columnIndexes);
      return register(new WarpPreparedStatement(this, statement));
    } catch (SQLException e) {
      throw JdbcErrors.clean(e, sql);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    JdbcErrors.checkSql(sql);
    try {
      PreparedStatement statement = open().prepareStatement(sql, columnNames);
      return register(new WarpPreparedStatement(this, statement));
    } catch (SQLException e) {
      throw JdbcErrors.clean(e, sql);
    }
  }

  /** Returns true: every statement commits when it completes. */
  @Override
  public boolean getAutoCommit() throws SQLException {
    open();
    return true;
  }

  /** Accepts either value, and {@code false} adds a warning, because there are no transactions. */
  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    open();
    if (!autoCommit) {
      addWarning(JdbcErrors.autoCommitStaysOn());
    }
  }

  /** Does nothing, because every statement has already committed. */
  @Override
  public void commit() throws SQLException {
    open();
  }

  /** Does nothing: WarpSQL has no transactions, so there is nothing to undo. */
  @Override
  public void rollback() throws SQLException {
    open();
  }

  /** Closes this connection's open statements and result sets, then Calcite's connection. */
  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    SQLException failure = null;
    for (WarpStatement statement : new ArrayList<>(statements)) {
      try {
        statement.closeWithConnection();
      } catch (SQLException e) {
        failure = chain(failure, e);
      }
    }
    statements.clear();
    try {
      delegate.close();
    } catch (SQLException e) {
      failure = chain(failure, e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static SQLException chain(SQLException first, SQLException next) {
    if (first == null) {
      return next;
    }
    first.setNextException(next);
    return first;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw new SQLException("invalid timeout " + timeout + ": it must be 0 or more", "HY024");
    }
    return !closed && !delegate.isClosed();
  }

  @Override
  public synchronized SQLWarning getWarnings() throws SQLException {
    SQLWarning calcite = open().getWarnings();
    if (warnings == null) {
      return calcite;
    }
    if (calcite != null) {
      warnings.setNextWarning(calcite);
    }
    return warnings;
  }

  @Override
  public synchronized void clearWarnings() throws SQLException {
    open().clearWarnings();
    warnings = null;
  }

  private synchronized void addWarning(SQLWarning warning) {
    if (warnings == null) {
      warnings = warning;
    } else {
      warnings.setNextWarning(warning);
    }
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return open().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || open().isWrapperFor(iface);
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw new SQLException("executor is null", "HY009");
    }
    close();
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException(
          "connection is closed", JdbcErrors.CONNECTION_CLOSED, 0, Map.of());
    }
    delegate.setClientInfo(name, value);
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException(
          "connection is closed", JdbcErrors.CONNECTION_CLOSED, 0, Map.of());
    }
    delegate.setClientInfo(properties);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    return open().prepareCall(sql);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    return open().nativeSQL(sql);
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    return open().getMetaData();
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    open().setReadOnly(readOnly);
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return open().isReadOnly();
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    open().setCatalog(catalog);
  }

  @Override
  public String getCatalog() throws SQLException {
    return open().getCatalog();
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    open().setTransactionIsolation(level);
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    return open().getTransactionIsolation();
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return open().prepareCall(sql, resultSetType, resultSetConcurrency);
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    return open().getTypeMap();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    open().setTypeMap(map);
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    open().setHoldability(holdability);
  }

  @Override
  public int getHoldability() throws SQLException {
    return open().getHoldability();
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return open().setSavepoint();
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    return open().setSavepoint(name);
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    open().rollback(savepoint);
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    open().releaseSavepoint(savepoint);
  }

  @Override
  public CallableStatement prepareCall(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return open().prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public Clob createClob() throws SQLException {
    return open().createClob();
  }

  @Override
  public Blob createBlob() throws SQLException {
    return open().createBlob();
  }

  @Override
  public NClob createNClob() throws SQLException {
    return open().createNClob();
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    return open().createSQLXML();
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    return open().getClientInfo(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    return open().getClientInfo();
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    return open().createArrayOf(typeName, elements);
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    return open().createStruct(typeName, attributes);
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    open().setSchema(schema);
  }

  @Override
  public String getSchema() throws SQLException {
    return open().getSchema();
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    open().setNetworkTimeout(executor, milliseconds);
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    return open().getNetworkTimeout();
  }
}
