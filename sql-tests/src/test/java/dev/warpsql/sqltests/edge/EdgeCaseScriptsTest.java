package dev.warpsql.sqltests.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.sqltests.DuckDbTpch;
import dev.warpsql.sqltests.QueryPlans;
import dev.warpsql.sqltests.QueryResult;
import dev.warpsql.sqltests.ResultComparison;
import dev.warpsql.sqltests.SuiteSummary;
import dev.warpsql.sqltests.WarpTestDatabases;
import dev.warpsql.sqltests.ptx.PtxGate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Edge-case scripts under {@code edge/} run on WarpSQL and on DuckDB over identical data: TPC-H at
 * SF 0.01 and the {@link HandMadeTables}. See {@link EdgeScript} for the directives a statement may
 * carry.
 *
 * <p>Each statement is one test, named by its file and line. A query must return the same rows as
 * DuckDB and the rows of its {@code -- expect:} lines, if any, and its plan must use no Enumerable
 * operator unless it is marked {@code -- fallback}. A statement marked {@code -- error} must raise
 * that SQLState in WarpSQL and is not run on DuckDB, whose errors carry no standard SQLStates.
 */
class EdgeCaseScriptsTest {
  private static final double SCALE_FACTOR = 0.01;
  private static final String SCRIPT_FOLDER = "edge";

  /** Rows of each result shown in a failure message. */
  private static final int SHOWN_ROWS = 12;

  /** Parsed statements by script file name, for the summary printed after the run. */
  private static final Map<String, List<EdgeStatement>> SCRIPTS = new TreeMap<>();

  private static final SuiteSummary SUMMARY = new SuiteSummary();

  private static WarpDatabase warp;
  private static Connection warpConnection;
  private static Connection duckDb;

  @BeforeAll
  static void loadData() throws SQLException {
    duckDb = DuckDbTpch.open(SCALE_FACTOR);
    HandMadeTables.loadInto(duckDb);
    try (Statement statement = duckDb.createStatement()) {
      // The SQL standard leaves the place of NULLs in ORDER BY without NULLS FIRST or LAST to
      // the implementation. WarpSQL, like Calcite and PostgreSQL, sorts NULL above every value.
      statement.execute("SET default_null_order = 'nulls_last_on_asc_first_on_desc'");
    }
    warp = WarpTestDatabases.tpch(SCALE_FACTOR);
    HandMadeTables.loadInto(warp);
    warpConnection = WarpTestDatabases.connect(warp);
  }

  @AfterAll
  static void closeDatabases() throws SQLException {
    printSummary();
    try (Connection duckDbConnection = duckDb;
        WarpDatabase warpDatabase = warp;
        Connection connection = warpConnection) {
      // try-with-resources closes the connection, then WarpSQL's database, then DuckDB.
    }
  }

  @AfterAll
  static void printSuiteSummary() {
    System.out.println(SUMMARY.edgeCaseLine());
  }

  @AfterAll
  static void checkDeviceUse() {
    WarpTestDatabases.checkDeviceUse("EdgeCaseScriptsTest");
  }

  @AfterAll
  static void assembleCompiledKernels() {
    PtxGate.checkCompiledKernels("EdgeCaseScriptsTest");
  }

  @TestFactory
  Stream<DynamicContainer> edgeScripts() {
    List<Path> files = ScriptFiles.list(SCRIPT_FOLDER);
    assertThat(files).as("scripts under %s/", SCRIPT_FOLDER).isNotEmpty();
    return files.stream().map(EdgeCaseScriptsTest::scriptTests);
  }

  private static DynamicContainer scriptTests(Path file) {
    String name = file.getFileName().toString();
    List<EdgeStatement> statements =
        EdgeScript.parse(SCRIPT_FOLDER + "/" + name, ScriptFiles.read(file));
    SCRIPTS.put(name, statements);
    return DynamicContainer.dynamicContainer(
        name,
        statements.stream()
            .map(
                statement ->
                    DynamicTest.dynamicTest(statement.displayName(), () -> check(statement))));
  }

  private static void check(EdgeStatement statement) throws SQLException {
    SUMMARY.recordRun();
    if (statement.knownBug() == null) {
      verify(statement);
      SUMMARY.recordMatch();
      return;
    }
    try {
      verify(statement);
    } catch (AssertionError e) {
      SUMMARY.recordKnownBug();
      Assumptions.abort("known bug, " + statement.knownBug() + ": " + e.getMessage());
    }
    fail(
        "%s passes now but is marked '-- known-bug %s'. Remove the marker.",
        statement.location(), statement.knownBug());
  }

  private static void verify(EdgeStatement statement) throws SQLException {
    if (statement.expectsError()) {
      assertWarpError(statement);
      return;
    }
    QueryResult actual = assertSameRowsAsDuckDb(statement);
    if (statement.expectedRows() != null) {
      ExpectedRows.assertReturned(statement, actual);
    }
    assertPlan(statement);
  }

  /** Returns WarpSQL's result once it matches DuckDB's. */
  private static QueryResult assertSameRowsAsDuckDb(EdgeStatement statement) throws SQLException {
    String context = statement.location() + ": ";
    QueryResult expected;
    try {
      expected = QueryResult.run(duckDb, statement.duckDbSql());
    } catch (SQLException e) {
      throw new SQLException(
          context
              + "DuckDB rejected the script's SQL; fix the statement or its -- duckdb: line: "
              + statement.duckDbSql(),
          e);
    }
    QueryResult actual;
    try {
      actual = QueryResult.run(warpConnection, statement.sql());
    } catch (SQLException e) {
      throw new AssertionError(
          context
              + "WarpSQL raised SQLState "
              + e.getSQLState()
              + ": "
              + e.getMessage()
              + "\nDuckDB returned:\n"
              + show(expected),
          e);
    }
    if (!statement.ordered()) {
      expected = RowOrder.sorted(expected);
      actual = RowOrder.sorted(actual);
    }
    try {
      ResultComparison.assertSameRows(context, expected, actual);
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "\nDuckDB returned:\n"
              + show(expected)
              + "WarpSQL returned:\n"
              + show(actual),
          e);
    }
    return actual;
  }

  private static void assertPlan(EdgeStatement statement) throws SQLException {
    String plan = QueryPlans.explain(warpConnection, statement.sql());
    boolean enumerable = QueryPlans.hasEnumerableOperator(plan);
    if (statement.fallback()) {
      assertThat(enumerable)
          .as(
              "%s is marked '-- fallback' but runs on WARP operators only; remove the marker."
                  + "%nPlan:%n%s",
              statement.location(), plan)
          .isTrue();
    } else {
      assertThat(enumerable)
          .as(
              "%s falls back to Enumerable operators; mark it '-- fallback' or lower them."
                  + "%nPlan:%n%s",
              statement.location(), plan)
          .isFalse();
    }
    SUMMARY.recordPlan(enumerable);
  }

  private static void assertWarpError(EdgeStatement statement) {
    try (Statement jdbcStatement = warpConnection.createStatement();
        ResultSet resultSet = jdbcStatement.executeQuery(statement.sql())) {
      QueryResult result = QueryResult.read(resultSet);
      fail(
          "%s: expected SQLState %s but WarpSQL returned:%n%s",
          statement.location(), statement.errorState(), show(result));
    } catch (SQLException e) {
      assertThat(e.getSQLState())
          .as("%s: SQLState of %s", statement.location(), e.getMessage())
          .isEqualTo(statement.errorState());
    }
  }

  static String show(QueryResult result) {
    String rows =
        result.rows().stream()
            .limit(SHOWN_ROWS)
            .map(row -> "  " + row)
            .collect(Collectors.joining("\n", "", "\n"));
    int hidden = result.rows().size() - SHOWN_ROWS;
    return "  " + result.labels() + "\n" + rows + (hidden > 0 ? "  ... " + hidden + " more\n" : "");
  }

  private static void printSummary() {
    int total = 0;
    int fallbacks = 0;
    int knownBugs = 0;
    StringBuilder summary = new StringBuilder("Edge-case scripts:\n");
    for (Map.Entry<String, List<EdgeStatement>> script : SCRIPTS.entrySet()) {
      List<EdgeStatement> statements = script.getValue();
      long scriptFallbacks = statements.stream().filter(EdgeStatement::fallback).count();
      long scriptKnownBugs = statements.stream().filter(s -> s.knownBug() != null).count();
      summary.append(
          String.format(
              "  %-20s %4d statements, %3d Enumerable fallbacks, %3d known bugs%n",
              script.getKey(), statements.size(), scriptFallbacks, scriptKnownBugs));
      total += statements.size();
      fallbacks += (int) scriptFallbacks;
      knownBugs += (int) scriptKnownBugs;
    }
    summary.append(
        String.format(
            "  %-20s %4d statements, %3d Enumerable fallbacks, %3d known bugs",
            "total", total, fallbacks, knownBugs));
    System.out.println(summary);
  }
}
