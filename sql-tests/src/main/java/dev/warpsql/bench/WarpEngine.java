package dev.warpsql.bench;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.load.TpchLoader;
import dev.warpsql.planner.exec.WarpRuntime;
import dev.warpsql.planner.prepare.PlanCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A WarpSQL in-memory database loaded by WarpSQL's own TPC-H loader, and two connections to it: one
 * with the default plan cache, which runs the timed statements as a client that repeats its queries
 * would, and one without, whose {@link #prepare} measures planning.
 */
final class WarpEngine implements Engine {
  private final WarpDatabase database;
  private final Connection connection;
  private final Connection planningConnection;

  private WarpEngine(WarpDatabase database, Connection connection, Connection planningConnection) {
    this.database = database;
    this.connection = connection;
    this.planningConnection = planningConnection;
  }

  /**
   * Creates the database, generates the TPC-H tables into it and connects.
   *
   * @param device the {@code device} connection property: auto, cpu or gpu
   */
  static WarpEngine load(double scaleFactor, String device) throws SQLException {
    WarpDatabase database = WarpDatabase.inMemory();
    try {
      TpchLoader.load(
          database.catalog().schema(Catalog.DEFAULT_SCHEMA), scaleFactor, database.allocator());
      Properties info = new Properties();
      info.setProperty("device", device);
      Connection connection = database.connect(info);
      info.setProperty(PlanCache.PROPERTY, "0");
      try {
        return new WarpEngine(database, connection, database.connect(info));
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "warp";
  }

  @Override
  public ResultRows execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      return ResultRows.read(resultSet);
    }
  }

  /**
   * Parses, validates and plans a query on the connection without a plan cache, so that every call
   * plans; the caller closes the statement.
   */
  PreparedStatement prepare(String sql) throws SQLException {
    return planningConnection.prepareStatement(sql);
  }

  /** Prepares a query on the connection with the plan cache; the caller closes the statement. */
  PreparedStatement prepareCached(String sql) throws SQLException {
    return connection.prepareStatement(sql);
  }

  /** Executes a prepared query and reads its whole result. */
  static ResultRows execute(PreparedStatement statement) throws SQLException {
    try (ResultSet resultSet = statement.executeQuery()) {
      return ResultRows.read(resultSet);
    }
  }

  /** Returns the number of workers that run WarpSQL's pipelines on the CPU. */
  static int workerCount() {
    return WarpRuntime.scheduler().parallelism();
  }

  /**
   * Returns the peak Arrow memory of the tables' allocator and of the process-wide allocator of
   * query results and execution state, in bytes. Each is the allocator's own peak, so the sum may
   * exceed the memory in use at any one time.
   */
  long peakArrowBytes() {
    return database.allocator().getPeakMemoryAllocation()
        + WarpRuntime.resultAllocator().getPeakMemoryAllocation();
  }

  /** Returns the Arrow memory that the tables take now, in bytes. */
  long tableArrowBytes() {
    return database.allocator().getAllocatedMemory();
  }

  @Override
  public void close() throws SQLException {
    try (database;
        connection;
        planningConnection) {
      // try-with-resources closes the connections, then the database.
    }
  }
}
