package dev.warpsql.sqltests.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Creates a fresh private in-memory database holding a round's tables. */
final class FuzzDatabase {
  private FuzzDatabase() {}

  /**
   * Opens a connection to a new {@code jdbc:warp:mem:} database and creates the tables in it
   * through CREATE TABLE and INSERT; the caller closes the connection.
   */
  static Connection open(List<FuzzTable> tables) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
    try (Statement statement = connection.createStatement()) {
      for (FuzzTable table : tables) {
        for (String sql : table.createStatements()) {
          statement.execute(sql);
        }
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
