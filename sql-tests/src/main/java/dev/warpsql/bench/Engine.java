package dev.warpsql.bench;

import java.sql.SQLException;

/** A SQL engine under measurement, loaded with the TPC-H tables. */
interface Engine extends AutoCloseable {
  /** Returns the engine's name in the report. */
  String name();

  /**
   * Runs one query through a new JDBC statement and reads its whole result, so the time includes
   * parsing, planning, execution and fetching the rows.
   *
   * @throws java.sql.SQLTimeoutException when the engine stopped the query at its time limit
   */
  ResultRows execute(String sql) throws SQLException;

  @Override
  void close() throws SQLException;
}
