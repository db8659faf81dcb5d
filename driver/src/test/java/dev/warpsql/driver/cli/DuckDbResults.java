package dev.warpsql.driver.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs SQL on an in-memory DuckDB database and formats the result, so that formatters are tested on
 * result sets from a JDBC driver other than WarpSQL's.
 */
final class DuckDbResults {
  private DuckDbResults() {}

  static String format(ResultFormatter formatter, String sql) throws SQLException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql);
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      formatter.writeResult(resultSet, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
