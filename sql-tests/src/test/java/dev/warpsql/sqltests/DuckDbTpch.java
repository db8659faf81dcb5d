package dev.warpsql.sqltests;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * TPC-H data in an in-memory DuckDB database: the oracle that WarpSQL's answers are checked
 * against.
 *
 * <p>Rows come straight from the io.trino.tpch generator and go in through DuckDB's appender, so
 * nothing of WarpSQL's own loader is involved. Column types are those WarpSQL's loader uses: keys
 * BIGINT, other integers INTEGER, money, quantities, discounts and taxes DECIMAL(15,2), dates DATE
 * and text VARCHAR(n). DECIMAL values are built from the generator's integer hundredths, not from
 * its doubles, so they are exact.
 */
public final class DuckDbTpch {
  private DuckDbTpch() {}

  /** Opens a new in-memory DuckDB database with all 8 TPC-H tables at a scale factor. */
  public static Connection open(double scaleFactor) throws SQLException {
    DuckDBConnection connection =
        DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
    try {
      for (TpchTable<?> table : TpchTable.getTables()) {
        createTable(connection, table);
        appendRows(connection, table, scaleFactor);
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private static void createTable(Connection connection, TpchTable<?> table) throws SQLException {
    StringJoiner columns =
        new StringJoiner(", ", "CREATE TABLE " + table.getTableName() + " (", ")");
    for (TpchColumn<?> column : table.getColumns()) {
      columns.add(column.getColumnName() + " " + sqlType(column.getType()));
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(columns.toString());
    }
  }

  private static String sqlType(TpchColumnType type) {
    return switch (type.getBase()) {
      case IDENTIFIER -> "BIGINT";
      case INTEGER -> "INTEGER";
      case DOUBLE -> "DECIMAL(15,2)";
      case DATE -> "DATE";
      case VARCHAR -> "VARCHAR(" + type.getPrecision().orElseThrow() + ")";
    };
  }

  private static <E extends TpchEntity> void appendRows(
      DuckDBConnection connection, TpchTable<E> table, double scaleFactor) throws SQLException {
    try (DuckDBAppender appender = connection.createAppender("main", table.getTableName())) {
      // Part 1 of 1: the whole table.
      for (E row : table.createGenerator(scaleFactor, 1, 1)) {
        appender.beginRow();
        for (TpchColumn<E> column : table.getColumns()) {
          appendValue(appender, column, row);
        }
        appender.endRow();
      }
    }
  }

  private static <E extends TpchEntity> void appendValue(
      DuckDBAppender appender, TpchColumn<E> column, E row) throws SQLException {
    switch (column.getType().getBase()) {
      case IDENTIFIER -> appender.append(column.getIdentifier(row));
      case INTEGER -> appender.append(column.getInteger(row));
      // For its DOUBLE columns the generator's getIdentifier returns the value in hundredths.
      case DOUBLE -> appender.append(BigDecimal.valueOf(column.getIdentifier(row), 2));
      case DATE -> appender.appendEpochDays(column.getDate(row));
      case VARCHAR -> appender.append(column.getString(row));
    }
  }
}
