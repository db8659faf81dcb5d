package dev.warpsql.sqltests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void unionWithNullComparisonRuns() throws SQLException {
    String predicate = "c + CAST(NULL AS INTEGER) <= MOD(-128, 2)";
    String query =
        "SELECT DISTINCT a FROM t WHERE "
            + predicate
            + " UNION SELECT DISTINCT a FROM t WHERE NOT ("
            + predicate
            + ") UNION SELECT DISTINCT a FROM t WHERE ("
            + predicate
            + ") IS NULL";
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (a INTEGER, c DOUBLE, unused INTEGER)");
      statement.execute("INSERT INTO t VALUES (1, 1.5, 0), (NULL, NULL, 0)");

      List<Object> keys = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(query)) {
        while (rows.next()) {
          keys.add(rows.getObject(1));
        }
      }
      assertThat(keys).containsExactlyInAnyOrder(1, null);
    }
  }

  @Test
  void constantDistinctFromInUnionRuns() throws SQLException {
    String select = "SELECT DISTINCT a, b, c FROM t0 RIGHT JOIN t1 ON b AND TRUE WHERE ";
    String predicate = "1 IS NOT DISTINCT FROM 0";
    String query = select + predicate + " UNION " + select + "NOT (" + predicate + ")";
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t0 (a DATE, b BOOLEAN)");
      statement.execute("CREATE TABLE t1 (c TINYINT)");

      // Both tables are empty, which is what makes the planner run this filter as Enumerable.
      try (ResultSet rows = statement.executeQuery(query)) {
        assertThat(rows.next()).isFalse();
      }
    }
  }

  @Test
  void mixedApproximateValuesInsert() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (d DOUBLE)");

      assertThat(statement.executeUpdate("INSERT INTO t (d) VALUES (1e300), (0.1)")).isEqualTo(2);
    }
  }
}
