package dev.warpsql.sqltests.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.sqltests.DuckDbTpch;
import dev.warpsql.sqltests.QueryPlans;
import dev.warpsql.sqltests.QueryResult;
import dev.warpsql.sqltests.ResultComparison;
import dev.warpsql.sqltests.SqlResources;
import dev.warpsql.sqltests.SuiteSummary;
import dev.warpsql.sqltests.WarpTestDatabases;
import dev.warpsql.sqltests.ptx.PtxGate;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TPC-H queries run through WarpSQL's JDBC driver and through DuckDB on the same generated data,
 * compared row by row.
 */
class TpchQueriesTest {
  /**
   * Scale factors compared with DuckDB: 0.01 and 0.1 always, and 1 when the build runs with {@code
   * -Dwarp.tpch.sf1=true} (it adds minutes of data generation and memory to the run).
   */
  private static final double[] SCALE_FACTORS =
      Boolean.getBoolean("warp.tpch.sf1") ? new double[] {0.01, 0.1, 1} : new double[] {0.01, 0.1};

  /** The 22 TPC-H queries, q1 to q22. */
  private static final List<String> QUERIES =
      java.util.stream.IntStream.rangeClosed(1, 22).mapToObj(i -> "q" + i).toList();

  /**
   * Queries whose plans still contain Enumerable operators, with the constructs that fall back. A
   * query that stops falling back fails its plan test until it is removed from this map.
   */
  private static final Map<String, String> KNOWN_FALLBACKS = Map.of();

  /** Both engines' databases, by scale factor, loaded once for the whole class. */
  private static final Map<Double, Databases> DATABASES = new LinkedHashMap<>();

  private static final SuiteSummary SUMMARY = new SuiteSummary();

  private record Databases(WarpDatabase warp, Connection warpConnection, Connection duckDb)
      implements AutoCloseable {
    static Databases load(double scaleFactor) throws SQLException {
      Connection duckDb = DuckDbTpch.open(scaleFactor);
      WarpDatabase warp = null;
      try {
        warp = WarpTestDatabases.tpch(scaleFactor);
        return new Databases(warp, WarpTestDatabases.connect(warp), duckDb);
      } catch (SQLException | RuntimeException e) {
        if (warp != null) {
          warp.close();
        }
        duckDb.close();
        throw e;
      }
    }

    @Override
    public void close() throws SQLException {
      try (duckDb;
          warp;
          warpConnection) {
        // try-with-resources closes the connection, then WarpSQL's database, then DuckDB.
      }
    }
  }

  @BeforeAll
  static void loadData() throws SQLException {
    for (double scaleFactor : SCALE_FACTORS) {
      DATABASES.put(scaleFactor, Databases.load(scaleFactor));
    }
  }

  @AfterAll
  static void closeDatabases() throws SQLException {
    for (Databases databases : DATABASES.values()) {
      databases.close();
    }
    DATABASES.clear();
  }

  @AfterAll
  static void printSuiteSummary() {
    System.out.println(SUMMARY.tpchLine());
  }

  @AfterAll
  static void checkDeviceUse() {
    WarpTestDatabases.checkDeviceUse("TpchQueriesTest");
  }

  @AfterAll
  static void assembleCompiledKernels() {
    PtxGate.checkCompiledKernels("TpchQueriesTest");
  }

  static Stream<Arguments> queriesAndScaleFactors() {
    return QUERIES.stream()
        .flatMap(
            query ->
                Arrays.stream(SCALE_FACTORS)
                    .mapToObj(scaleFactor -> Arguments.of(query, scaleFactor)));
  }

  @ParameterizedTest(name = "{0} at SF {1}")
  @MethodSource("queriesAndScaleFactors")
  void queryMatchesDuckDb(String query, double scaleFactor) throws SQLException {
    String sql = SqlResources.readStatement("tpch/" + query + ".sql");
    Databases databases = DATABASES.get(scaleFactor);
    SUMMARY.recordRun();

    QueryResult expected = QueryResult.run(databases.duckDb(), sql);
    QueryResult actual = QueryResult.run(databases.warpConnection(), sql);

    assertThat(expected.rows()).as("DuckDB rows of %s", query).isNotEmpty();
    // Labels are not compared: q18 selects an unaliased SUM, which each engine names its own way.
    ResultComparison.assertSameRows(query + " at SF " + scaleFactor + ": ", expected, actual);
    SUMMARY.recordMatch();
  }

  static List<String> queries() {
    return QUERIES;
  }

  @ParameterizedTest
  @MethodSource("queries")
  void planUsesOnlyWarpOperators(String query) throws SQLException {
    String sql = SqlResources.readStatement("tpch/" + query + ".sql");
    Connection connection = DATABASES.get(SCALE_FACTORS[0]).warpConnection();

    String plan = QueryPlans.explain(connection, sql);
    List<String> operators = QueryPlans.operators(plan);
    SUMMARY.recordPlan(QueryPlans.hasEnumerableOperator(plan));

    assertThat(operators).as("operators of %s:%n%s", query, plan).isNotEmpty();
    if (KNOWN_FALLBACKS.containsKey(query)) {
      assertThat(operators)
          .as(
              "%s is listed as falling back (%s), but its plan is all WARP; remove it from the "
                  + "list:%n%s",
              query, KNOWN_FALLBACKS.get(query), plan)
          .anyMatch(operator -> operator.startsWith("Enumerable"));
      return;
    }
    assertThat(operators)
        .as("operators of %s:%n%s", query, plan)
        .allMatch(operator -> operator.startsWith("Warp"));
  }

  @Test
  void lineitemCountAtSmallestScaleFactor() throws SQLException {
    String sql = "SELECT COUNT(*) FROM lineitem";
    Databases databases = DATABASES.get(0.01);

    QueryResult warp = QueryResult.run(databases.warpConnection(), sql);
    QueryResult duckDb = QueryResult.run(databases.duckDb(), sql);

    assertThat(warp.rows()).hasSize(1);
    assertThat((BigDecimal) warp.rows().get(0).get(0)).isEqualByComparingTo("60175");
    assertThat((BigDecimal) duckDb.rows().get(0).get(0)).isEqualByComparingTo("60175");
  }
}
