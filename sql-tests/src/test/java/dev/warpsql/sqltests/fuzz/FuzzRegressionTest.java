package dev.warpsql.sqltests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.sqltests.QueryResult;
import dev.warpsql.sqltests.ResultComparison;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
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

  @Test
  void caseComparedWithCoalesceIsNull() throws SQLException {
    assertPartitionsMatchDuckDb(
        List.of(
            "CREATE TABLE t (c TIMESTAMP, d DATE)",
            "INSERT INTO t VALUES (NULL, DATE '2024-02-29'), (TIMESTAMP '2024-01-01 10:00:00', NULL)"),
        "SELECT c, d FROM t",
        "(CASE WHEN 'a%b' NOT LIKE 'a\\%%' ESCAPE '\\' THEN c"
            + " ELSE TIMESTAMP '1969-12-31 23:59:59' END)"
            + " = COALESCE(c, TIMESTAMP '1969-12-31 23:59:59')");
  }

  @Test
  void constantCaseBranchComparedWithCoalesce() throws SQLException {
    assertPartitionsMatchDuckDb(
        List.of(
            "CREATE TABLE t (n BIGINT, c TIME)",
            "INSERT INTO t VALUES (1, NULL), (2, TIME '12:30:00'), (NULL, TIME '23:59:59')"),
        "SELECT n, c FROM t",
        "(CASE WHEN TRUE THEN TIME '23:59:59' ELSE c END) > COALESCE(c, TIME '23:59:59')");
  }

  @Test
  void negatedConstantCaseBranch() throws SQLException {
    String predicate = "-(CASE WHEN TRUE THEN 99999999.99 ELSE c END) <> 0.00 - 1";
    assertPartitionsMatchDuckDb(
        List.of("CREATE TABLE t (c DECIMAL(10, 2))", "INSERT INTO t VALUES (1.25), (NULL)"),
        "SELECT c FROM t",
        predicate);
    assertPartitionsMatchDuckDb(
        List.of("CREATE TABLE t (c TINYINT)", "INSERT INTO t VALUES (-128), (NULL)"),
        "SELECT c FROM t",
        predicate);
  }

  @Test
  void notDistinctFromConstantCase() throws SQLException {
    assertPartitionsMatchDuckDb(
        List.of(
            "CREATE TABLE t0 (a BIGINT)",
            "CREATE TABLE t1 (b VARCHAR(8))",
            "INSERT INTO t0 VALUES (1), (NULL)",
            "INSERT INTO t1 VALUES ('x')"),
        "SELECT DISTINCT a, b FROM t0 LEFT JOIN t1 ON '' NOT LIKE ''",
        "300 IS NOT DISTINCT FROM CAST(EXTRACT(DAY FROM"
            + " (CASE WHEN FALSE THEN CAST(NULL AS DATE) ELSE DATE '1999-12-31' END)) AS SMALLINT)");
  }

  @Test
  void notDistinctFromConstantCoalesce() throws SQLException {
    assertPartitionsMatchDuckDb(
        List.of(
            "CREATE TABLE t0 (d DATE)",
            "CREATE TABLE t1 (n TINYINT)",
            "INSERT INTO t0 VALUES (NULL), (DATE '2000-01-01')",
            "INSERT INTO t1 VALUES (4)"),
        "SELECT d, n FROM t0 CROSS JOIN t1",
        "CAST(EXTRACT(YEAR FROM COALESCE(DATE '2024-02-29', d)) AS SMALLINT)"
            + " IS NOT DISTINCT FROM 1");
  }

  @Test
  void betweenWithNullDecimalBound() throws SQLException {
    assertPartitionsMatchDuckDb(
        List.of(
            "CREATE TABLE t0 (a DATE)",
            "CREATE TABLE t1 (b VARCHAR(8), c DECIMAL(10, 2))",
            "INSERT INTO t0 VALUES (DATE '2024-02-29')",
            "INSERT INTO t1 VALUES ('x', 1.50), (NULL, NULL)"),
        "SELECT DISTINCT a, b, c FROM t0 FULL JOIN t1 ON FALSE",
        "1.50 NOT BETWEEN CAST(3e0 / CAST(NULL AS REAL) AS DECIMAL(10, 2)) AND 0.00");
  }

  @Test
  void betweenWithNullTimeBounds() throws SQLException {
    assertPartitionsMatchDuckDb(
        List.of("CREATE TABLE t (c TIME, n INTEGER)", "INSERT INTO t VALUES (TIME '01:02:03', 1)"),
        "SELECT c, n FROM t",
        "TIME '23:59:59' NOT BETWEEN CAST(NULL AS TIME)"
            + " AND (CASE WHEN CAST(NULL AS BOOLEAN) THEN c ELSE CAST(NULL AS TIME) END)");
  }

  @Test
  void nullProductComparedWithAbs() throws SQLException {
    assertPartitionsMatchDuckDb(
        List.of(
            "CREATE TABLE t0 (a SMALLINT)",
            "CREATE TABLE t1 (b TINYINT)",
            "INSERT INTO t0 VALUES (-7), (NULL)",
            "INSERT INTO t1 VALUES (3)"),
        "SELECT a FROM t0 RIGHT JOIN t1 ON TRUE",
        "CAST(1.5e0 AS SMALLINT) * CAST(NULL AS DOUBLE) < ABS(a)");
  }

  @Test
  void filterOnColumnThatJoinMakesNull() throws SQLException {
    // The join condition makes a column NULL, so the planner replaces it by NULL in the filter.
    assertPartitionsMatchDuckDb(
        List.of(
            "CREATE TABLE t0 (a INTEGER)",
            "CREATE TABLE t1 (b INTEGER)",
            "INSERT INTO t0 VALUES (1), (NULL)",
            "INSERT INTO t1 VALUES (2), (NULL)"),
        "SELECT DISTINCT a FROM t0 RIGHT JOIN t1 ON a IS NULL",
        "a >= CAST(EXTRACT(DAY FROM DATE '1999-12-31') AS TINYINT)");
  }

  @Test
  void overflowBelowEnumerableAggregateIsDataError() throws SQLException {
    String part =
        "SELECT COUNT(*) AS n, MIN(c) AS lo FROM t"
            + " WHERE 'a%b' > c OR CAST(2147483647 AS TINYINT) >= CAST(300 AS TINYINT)";
    String query = "SELECT SUM(n), MIN(lo) FROM (" + part + " UNION ALL " + part + ") AS parts";
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (c VARCHAR(8))");
      statement.execute("INSERT INTO t VALUES ('zz')");

      assertThatThrownBy(() -> statement.executeQuery(query).close())
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22003");
    }
  }

  @Test
  void doubleOverflowInPredicateIsDataError() throws SQLException {
    // IEEE arithmetic gave infinity and then NaN, so the row was in none of the partitions.
    String query =
        "SELECT a FROM t WHERE t_c1 * (2147483647 * t_c2) BETWEEN t_c2 AND 0"
            + " UNION ALL SELECT a FROM t WHERE NOT (t_c1 * (2147483647 * t_c2) BETWEEN t_c2 AND 0)";
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (a INTEGER, t_c1 DOUBLE, t_c2 DOUBLE)");
      statement.execute("INSERT INTO t VALUES (1, -0.5, 1e300)");

      assertThatThrownBy(() -> statement.executeQuery(query).close())
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22003");
    }
  }

  @Test
  void enumerableJoinConditionOnBooleanRuns() throws SQLException {
    String select = "SELECT DISTINCT a, k, s FROM t0 JOIN t1 ON k0 = k WHERE ";
    String predicate =
        "a OR SUBSTRING(CAST(NULL AS VARCHAR(8)) FROM 1 FOR 1) NOT BETWEEN s AND 'a'";
    String query =
        select
            + predicate
            + " UNION "
            + select
            + "NOT ("
            + predicate
            + ") UNION "
            + select
            + "("
            + predicate
            + ") IS NULL";
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t0 (a BOOLEAN, k0 SMALLINT)");
      statement.execute("CREATE TABLE t1 (s VARCHAR(8), k SMALLINT)");

      // The hash join on the empty tables is Enumerable, and Janino rejected its condition.
      try (ResultSet rows = statement.executeQuery(query)) {
        assertThat(rows.next()).isFalse();
      }
    }
  }

  @Test
  void enumerableJoinConditionOnBooleanRows() throws SQLException {
    assertPartitionsMatchDuckDb(
        List.of(
            "CREATE TABLE t0 (a BOOLEAN, k0 SMALLINT)",
            "CREATE TABLE t1 (s VARCHAR(8), k SMALLINT)",
            "INSERT INTO t0 VALUES (TRUE, 1), (FALSE, 1), (NULL, 1), (NULL, 2)",
            "INSERT INTO t1 VALUES ('x', 1), (NULL, 2), ('b', 3)"),
        "SELECT a, k, s FROM t0 JOIN t1 ON k0 = k",
        "NOT a OR SUBSTRING(CAST(NULL AS VARCHAR(8)) FROM 1 FOR 1) NOT BETWEEN s AND 'a'");
  }

  @Test
  void extractTwiceInEnumerableCalcRuns() throws SQLException {
    String predicate =
        "CAST(EXTRACT(YEAR FROM DATE '1999-12-31') AS TINYINT) NOT BETWEEN"
            + " (CASE WHEN 'a%b' LIKE '' THEN CAST(EXTRACT(YEAR FROM DATE '2024-03-01') AS TINYINT)"
            + " ELSE c END) AND 7";
    String part = "SELECT COUNT(*) AS n FROM t WHERE ";
    String query =
        "SELECT SUM(n) FROM ("
            + part
            + predicate
            + " UNION ALL "
            + part
            + "NOT ("
            + predicate
            + ")) AS parts";
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (c TINYINT)");

      // The CASTs to TINYINT overflow, so the EXTRACTs are not folded, and the empty table makes
      // the Calc Enumerable.
      try (ResultSet rows = statement.executeQuery(query)) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isZero();
      }
    }
  }

  @Test
  void extractInCaseBranchOfEnumerableCalc() throws SQLException {
    // SIGN has no kernel form, so the Calc is Enumerable, and EXTRACT of MONTH is in and out of
    // the CASE branch.
    assertPartitionsMatchDuckDb(
        List.of(
            "CREATE TABLE t (c TINYINT, d DATE, e DATE)",
            "INSERT INTO t VALUES (1, DATE '2020-05-06', DATE '2021-07-08'), (NULL, NULL, NULL),"
                + " (-3, DATE '1999-01-31', DATE '1998-11-30')"),
        "SELECT c, EXTRACT(MONTH FROM d), CASE WHEN SIGN(c) > 0 THEN EXTRACT(MONTH FROM e) END"
            + " FROM t",
        "c > 0");
  }

  @Test
  void booleanComparisonThatFoldsNotNull() throws SQLException {
    // The rewrite of the IN into logic folds to a NOT NULL result, which a cast made nullable
    // again, and a filter rejects a cast of its condition that changes only nullability.
    assertPartitionsMatchDuckDb(
        List.of(
            "CREATE TABLE t0 (a DOUBLE, b BOOLEAN)",
            "INSERT INTO t0 VALUES (1.5, TRUE), (NULL, NULL), (-2e0, FALSE)"),
        "SELECT a FROM t0",
        "((NOT (TRUE)) AND (a <= a)) NOT IN (TRUE)");
  }

  @Test
  void booleanLessThanInJoinCondition() throws SQLException {
    // The join condition becomes b AND NOT b, which RexSimplify turns into AND(NULL, b IS NULL).
    // A projection computed it under a cast that changes only nullability. Pushing the filter past
    // the projection removed the cast and left that AND directly under the filter's AND.
    assertPartitionsMatchDuckDb(
        List.of(
            "CREATE TABLE t0 (b BOOLEAN)",
            "CREATE TABLE t1 (c SMALLINT, d SMALLINT)",
            "INSERT INTO t0 VALUES (TRUE), (FALSE), (NULL)",
            "INSERT INTO t1 VALUES (1, 2), (NULL, 3), (5, NULL)"),
        "SELECT b, c FROM t0 RIGHT JOIN t1 ON b < FALSE",
        "b OR (c IS NOT DISTINCT FROM 1)");
  }

  @Test
  void distinctFromInStringLookup() throws SQLException {
    // A filter on one string column runs as a lookup table, which Calcite's code generator
    // computes, and simplification turns NOT (c IS NOT DISTINCT FROM 'a') into IS DISTINCT FROM.
    assertPartitionsMatchDuckDb(
        List.of(
            "CREATE TABLE t0 (c VARCHAR(8), b BOOLEAN)",
            "CREATE TABLE t1 (d BOOLEAN)",
            "INSERT INTO t0 VALUES ('a', TRUE), ('b', TRUE), (NULL, FALSE), ('a', NULL)",
            "INSERT INTO t1 VALUES (TRUE), (FALSE), (NULL)"),
        "SELECT DISTINCT c, b, d FROM t0 JOIN t1 ON b = d",
        "c IS NOT DISTINCT FROM 'a'");
  }

  /**
   * Creates the same tables in WarpSQL and DuckDB, then asserts that the union of {@code select}
   * restricted to the rows where {@code predicate} is TRUE, FALSE and NULL returns DuckDB's rows,
   * in any order, and every row of {@code select}.
   */
  private static void assertPartitionsMatchDuckDb(
      List<String> setup, String select, String predicate) throws SQLException {
    String partitions =
        select
            + " WHERE "
            + predicate
            + " UNION ALL "
            + select
            + " WHERE NOT ("
            + predicate
            + ") UNION ALL "
            + select
            + " WHERE ("
            + predicate
            + ") IS NULL";
    try (Connection warp = DriverManager.getConnection("jdbc:warp:mem:");
        Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
        Statement warpStatement = warp.createStatement();
        Statement duckDbStatement = duckDb.createStatement()) {
      for (String statement : setup) {
        warpStatement.execute(statement);
        duckDbStatement.execute(statement);
      }

      QueryResult expected = sorted(QueryResult.run(duckDb, partitions));
      QueryResult actual = sorted(QueryResult.run(warp, partitions));
      ResultComparison.assertSameRows(partitions + ": ", expected, actual);
      assertThat(actual.rows())
          .as("rows of the partitions of %s", select)
          .hasSameSizeAs(QueryResult.run(warp, select).rows());
    }
  }

  private static QueryResult sorted(QueryResult result) {
    List<List<Object>> rows = new ArrayList<>(result.rows());
    rows.sort(Comparator.comparing(Object::toString));
    return new QueryResult(result.labels(), rows);
  }
}
