package dev.warpsql.sqltests.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.warpsql.sqltests.QueryPlans;
import dev.warpsql.sqltests.QueryResult;
import dev.warpsql.sqltests.ResultComparison;
import dev.warpsql.sqltests.WarpTestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Scripts under {@code dml/} that create, fill, change and drop tables, run statement by statement
 * on a fresh in-memory WarpSQL database and a fresh DuckDB database side by side.
 *
 * <p>Statements use the directives of {@link EdgeScript}. A query must return DuckDB's rows and
 * plan without Enumerable operators unless marked {@code -- fallback}. An INSERT, UPDATE or DELETE
 * must report DuckDB's row count. A statement marked {@code -- error} must raise that SQLState in
 * WarpSQL and is not run on DuckDB; the queries after it check that the failed statement left the
 * tables as they were.
 */
class DataChangeScriptsTest {
  private static final String SCRIPT_FOLDER = "dml";

  @AfterAll
  static void checkDeviceUse() {
    WarpTestDatabases.checkDeviceUse("DataChangeScriptsTest");
  }

  @TestFactory
  Stream<DynamicTest> dataChangeScripts() {
    List<Path> files = ScriptFiles.list(SCRIPT_FOLDER);
    assertThat(files).as("scripts under %s/", SCRIPT_FOLDER).isNotEmpty();
    return files.stream().map(DataChangeScriptsTest::scriptTest);
  }

  private static DynamicTest scriptTest(Path file) {
    String name = file.getFileName().toString();
    List<EdgeStatement> statements =
        EdgeScript.parse(SCRIPT_FOLDER + "/" + name, ScriptFiles.read(file));
    return DynamicTest.dynamicTest(name, () -> runScript(statements));
  }

  /** Runs a script in order; the first statement that differs from DuckDB fails it. */
  private static void runScript(List<EdgeStatement> statements) throws SQLException {
    // The device that -Dwarp.device names, so that the scripts also run on a device.
    Properties info = new Properties();
    info.setProperty("device", System.getProperty(WarpTestDatabases.DEVICE_PROPERTY, "auto"));
    try (Connection warp = DriverManager.getConnection("jdbc:warp:mem:", info);
        Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = duckDb.createStatement()) {
        statement.execute("SET default_null_order = 'nulls_last_on_asc_first_on_desc'");
      }
      for (EdgeStatement statement : statements) {
        if (statement.expectsError()) {
          assertError(warp, statement);
        } else if (isQuery(statement.sql())) {
          assertSameRows(warp, duckDb, statement);
        } else {
          assertSameCount(warp, duckDb, statement);
        }
      }
    }
  }

  private static boolean isQuery(String sql) {
    String head = sql.stripLeading().toUpperCase(Locale.ROOT);
    return head.startsWith("SELECT") || head.startsWith("WITH") || head.startsWith("VALUES");
  }

  private static void assertSameRows(Connection warp, Connection duckDb, EdgeStatement statement)
      throws SQLException {
    QueryResult expected = QueryResult.run(duckDb, statement.duckDbSql());
    QueryResult actual;
    try {
      actual = QueryResult.run(warp, statement.sql());
    } catch (SQLException e) {
      throw new AssertionError(
          statement.location() + ": WarpSQL raised SQLState " + e.getSQLState() + ": " + e, e);
    }
    if (!statement.ordered()) {
      expected = RowOrder.sorted(expected);
      actual = RowOrder.sorted(actual);
    }
    try {
      ResultComparison.assertSameRows(statement.location() + ": ", expected, actual);
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "\nDuckDB returned:\n"
              + EdgeCaseScriptsTest.show(expected)
              + "WarpSQL returned:\n"
              + EdgeCaseScriptsTest.show(actual),
          e);
    }
    if (statement.expectedRows() != null) {
      ExpectedRows.assertReturned(statement, actual);
    }
    String plan = QueryPlans.explain(warp, statement.sql());
    assertThat(QueryPlans.hasEnumerableOperator(plan))
        .as("%s: Enumerable operators in the plan%n%s", statement.location(), plan)
        .isEqualTo(statement.fallback());
  }

  private static void assertSameCount(Connection warp, Connection duckDb, EdgeStatement statement)
      throws SQLException {
    long expected;
    try (Statement jdbc = duckDb.createStatement()) {
      expected = jdbc.executeLargeUpdate(statement.duckDbSql());
    }
    long actual;
    try (Statement jdbc = warp.createStatement()) {
      actual = jdbc.executeLargeUpdate(statement.sql());
    } catch (SQLException e) {
      throw new AssertionError(
          statement.location() + ": WarpSQL raised SQLState " + e.getSQLState() + ": " + e, e);
    }
    String head = statement.sql().stripLeading().toUpperCase(Locale.ROOT);
    if (head.startsWith("INSERT") || head.startsWith("UPDATE") || head.startsWith("DELETE")) {
      assertThat(actual).as("%s: row count", statement.location()).isEqualTo(expected);
    }
  }

  private static void assertError(Connection warp, EdgeStatement statement) {
    try (Statement jdbc = warp.createStatement()) {
      jdbc.execute(statement.sql());
      fail(
          "%s: expected SQLState %s, but the statement ran",
          statement.location(), statement.errorState());
    } catch (SQLException e) {
      assertThat(e.getSQLState())
          .as("%s: SQLState of %s", statement.location(), e.getMessage())
          .isEqualTo(statement.errorState());
    }
  }
}
