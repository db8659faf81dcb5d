package dev.warpsql.bench;

import dev.warpsql.planner.schema.WarpTypeSystem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Calcite's own Enumerable engine through plain Calcite JDBC ({@code jdbc:calcite:}), over {@link
 * RowListTable}s in schema {@code main}.
 *
 * <p>The connection parses SQL as WarpSQL's does (unquoted identifiers to lower case, case
 * sensitive, double-quoted identifiers) and uses WarpSQL's type system, {@link WarpTypeSystem}, so
 * that SUM and AVG of a DECIMAL have the same result types in both engines.
 *
 * <p>Each query runs on a separate thread with a time limit. At the limit, the tables' cancel flag
 * stops the query at its next table scan and {@link #execute} throws {@link SQLTimeoutException}.
 */
final class CalciteEngine implements Engine {
  /** Time that a canceled query gets to stop before the engine is marked unusable. */
  private static final long CANCEL_GRACE_SECONDS = 60;

  private final Connection connection;
  private final AtomicBoolean cancelRequested;
  private final long timeoutSeconds;
  private final ExecutorService queryThread;
  private String unusableReason;

  private CalciteEngine(Connection connection, AtomicBoolean cancelRequested, long timeoutSeconds) {
    this.connection = connection;
    this.cancelRequested = cancelRequested;
    this.timeoutSeconds = timeoutSeconds;
    this.queryThread =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "calcite-query");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Opens a Calcite connection whose schema {@code main} contains the generated tables. */
  static CalciteEngine load(List<TpchRows.Table> tables, long timeoutSeconds) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("unquotedCasing", "TO_LOWER");
    properties.setProperty("quotedCasing", "UNCHANGED");
    properties.setProperty("caseSensitive", "true");
    properties.setProperty("quoting", "DOUBLE_QUOTE");
    properties.setProperty("typeSystem", WarpTypeSystem.class.getName() + "#INSTANCE");
    Connection connection = DriverManager.getConnection("jdbc:calcite:", properties);

    AtomicBoolean cancelRequested = new AtomicBoolean();
    Map<String, Table> tableMap = new HashMap<>();
    for (TpchRows.Table table : tables) {
      tableMap.put(table.name(), new RowListTable(table, cancelRequested));
    }
    try {
      CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
      SchemaPlus root = calcite.getRootSchema();
      root.add(
          "main",
          new AbstractSchema() {
            @Override
            protected Map<String, Table> getTableMap() {
              return tableMap;
            }
          });
      calcite.setSchema("main");
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return new CalciteEngine(connection, cancelRequested, timeoutSeconds);
  }

  @Override
  public String name() {
    return "calcite";
  }

  @Override
  public ResultRows execute(String sql) throws SQLException {
    if (unusableReason != null) {
      throw new SQLException(unusableReason);
    }
    cancelRequested.set(false);
    Future<ResultRows> result = queryThread.submit(() -> run(sql));
    try {
      return result.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      cancel(result);
      throw new SQLTimeoutException("Calcite query timed out after " + timeoutSeconds + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel(result);
      throw new SQLException("interrupted while waiting for a Calcite query", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException cause) {
        throw cause;
      }
      throw new SQLException("Calcite query failed: " + e.getCause(), e.getCause());
    }
  }

  private ResultRows run(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      return ResultRows.read(resultSet);
    }
  }

  /** Sets the cancel flag and waits for the query to stop, so that it does not skew later runs. */
  private void cancel(Future<ResultRows> result) {
    cancelRequested.set(true);
    try {
      result.get(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // The expected end: the scan threw CancellationException.
    } catch (TimeoutException e) {
      unusableReason =
          "Calcite is not run any more: a timed-out query did not stop within "
              + CANCEL_GRACE_SECONDS
              + " s of being canceled";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unusableReason = "Calcite is not run any more: interrupted while canceling a query";
    }
  }

  @Override
  public void close() throws SQLException {
    queryThread.shutdownNow();
    connection.close();
  }
}
