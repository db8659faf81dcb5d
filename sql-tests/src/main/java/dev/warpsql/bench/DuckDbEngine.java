package dev.warpsql.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** An in-memory DuckDB database, loaded through DuckDB's appender. */
final class DuckDbEngine implements Engine {
  private final DuckDBConnection connection;

  private DuckDbEngine(DuckDBConnection connection) {
    this.connection = connection;
  }

  /** Opens a new in-memory database that runs queries on {@code threads} threads. */
  static DuckDbEngine load(List<TpchRows.Table> tables, int threads) throws SQLException {
    DuckDBConnection connection =
        DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
    try {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET threads TO " + threads);
      }
      for (TpchRows.Table table : tables) {
        createTable(connection, table);
        appendRows(connection, table);
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return new DuckDbEngine(connection);
  }

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public ResultRows execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      return ResultRows.read(resultSet);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  private static void createTable(Connection connection, TpchRows.Table table) throws SQLException {
    StringJoiner columns = new StringJoiner(", ", "CREATE TABLE " + table.name() + " (", ")");
    for (TpchRows.Column column : table.columns()) {
      columns.add(column.name() + " " + column.sqlType());
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(columns.toString());
    }
  }

  private static void appendRows(DuckDBConnection connection, TpchRows.Table table)
      throws SQLException {
    List<TpchRows.Column> columns = table.columns();
    try (DuckDBAppender appender = connection.createAppender("main", table.name())) {
      for (Object[] row : table.rows()) {
        appender.beginRow();
        for (int i = 0; i < row.length; i++) {
          appendValue(appender, columns.get(i), row[i]);
        }
        appender.endRow();
      }
    }
  }

  private static void appendValue(DuckDBAppender appender, TpchRows.Column column, Object value)
      throws SQLException {
    switch (column.type().getBase()) {
      case IDENTIFIER -> appender.append((long) (Long) value);
      case INTEGER -> appender.append((int) (Integer) value);
      case DOUBLE -> appender.append((BigDecimal) value);
      case DATE -> appender.appendEpochDays((Integer) value);
      case VARCHAR -> appender.append((String) value);
    }
  }
}
