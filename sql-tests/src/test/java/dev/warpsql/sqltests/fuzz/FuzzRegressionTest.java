package dev.warpsql.sqltests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Cases that the TLP fuzzer shrank, kept with their own tables and types. The SQL scripts under
 * {@code edge/} and {@code dml/} cover the class of inputs around each of them.
 */
class FuzzRegressionTest {
  @Test
  void emptyRangeFilterUnderGroupByDropsNulls() throws SQLException {
    String query =
        "SELECT g, COUNT(*), COUNT(c) FROM t"
            + " WHERE COALESCE(c, c) NOT BETWEEN 3.0 AND -5.0 GROUP BY g";
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (c REAL, g TIMESTAMP)");
      statement.execute("INSERT INTO t VALUES (NULL, NULL)");

      try (ResultSet rows = statement.executeQuery(query)) {
        assertThat(rows.next()).as("a row of %s", query).isFalse();
      }
    }
  }
}
