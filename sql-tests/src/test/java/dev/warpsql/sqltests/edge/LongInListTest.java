package dev.warpsql.sqltests.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.sqltests.DuckDbTpch;
import dev.warpsql.sqltests.QueryPlans;
import dev.warpsql.sqltests.QueryResult;
import dev.warpsql.sqltests.ResultComparison;
import dev.warpsql.sqltests.WarpTestDatabases;
import dev.warpsql.sqltests.ptx.PtxGate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IN and NOT IN lists of 10, 1,000 and 10,000 literals over every key type, compared with DuckDB. A
 * long list must become a set test in the kernel, not one comparison per item, so that it neither
 * nests the kernel's code nor overflows a stack. Calcite turns a list of 20 or more items into a
 * join with VALUES as well, which for strings is a join on VARCHAR keys.
 *
 * <p>By the SQL standard {@code x IN (1, NULL)} is TRUE when x is 1 and NULL otherwise, and {@code
 * x NOT IN (1, NULL)} is FALSE when x is 1 and NULL otherwise, so no row passes a NOT IN filter
 * whose list contains a NULL.
 */
class LongInListTest {
  private static final double SCALE_FACTOR = 0.01;

  private static WarpDatabase warp;
  private static Connection warpConnection;
  private static Connection duckDb;

  @BeforeAll
  static void loadData() throws SQLException {
    duckDb = DuckDbTpch.open(SCALE_FACTOR);
    HandMadeTables.loadInto(duckDb);
    warp = WarpTestDatabases.tpch(SCALE_FACTOR);
    HandMadeTables.loadInto(warp);
    warpConnection = WarpTestDatabases.connect(warp);
  }

  @AfterAll
  static void closeDatabases() throws SQLException {
    try (Connection duckDbConnection = duckDb;
        WarpDatabase warpDatabase = warp;
        Connection connection = warpConnection) {
      PtxGate.checkCompiledKernels("LongInListTest");
    }
  }

  static Stream<Arguments> filters() {
    List<Arguments> cases = new ArrayList<>();
    for (int size : new int[] {10, 1000, 10_000}) {
      cases.add(Arguments.of("l_orderkey", size, (IntFunction<String>) Integer::toString));
      cases.add(Arguments.of("l_quantity", size, (IntFunction<String>) i -> i + ".00"));
      cases.add(Arguments.of("l_extendedprice", size, (IntFunction<String>) i -> 900 + i + ".00"));
      cases.add(Arguments.of("l_shipdate", size, (IntFunction<String>) LongInListTest::date));
      cases.add(
          Arguments.of(
              "CAST(l_extendedprice AS DOUBLE)", size, (IntFunction<String>) i -> 900 + i + ".0"));
      cases.add(Arguments.of("l_shipmode", size, (IntFunction<String>) i -> "'MODE" + i + "'"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} IN {1} items")
  @MethodSource("filters")
  void inListFilterMatchesDuckDb(String column, int size, IntFunction<String> item)
      throws SQLException {
    String list = list(size, item, "");
    String known = column.equals("l_shipmode") ? ", 'MAIL'" : "";
    for (String test : new String[] {"IN", "NOT IN"}) {
      String sql =
          "SELECT COUNT(*), SUM(l_orderkey) FROM lineitem WHERE "
              + column
              + " "
              + test
              + " ("
              + list
              + known
              + ")";
      compare(sql, true);
    }
  }

  static Stream<Arguments> nullableColumns() {
    return Stream.of(
        Arguments.of("int_v", (IntFunction<String>) i -> Integer.toString(i - 500)),
        Arguments.of("big_v", (IntFunction<String>) i -> Integer.toString(10 * i - 5000)),
        Arguments.of("dec_v", (IntFunction<String>) i -> (i - 500) + ".00"),
        Arguments.of("dbl_v", (IntFunction<String>) i -> (i - 500) + ".5"),
        Arguments.of("date_v", (IntFunction<String>) LongInListTest::date),
        Arguments.of("str_v", (IntFunction<String>) LongInListTest::string));
  }

  @ParameterizedTest(name = "{0} with NULL item")
  @MethodSource("nullableColumns")
  void inListWithNullMatchesDuckDb(String column, IntFunction<String> item) throws SQLException {
    for (int size : new int[] {10, 1000}) {
      String list = list(size, item, ", NULL");
      compare(
          "SELECT id, "
              + column
              + " IN ("
              + list
              + ") AS is_in, "
              + column
              + " NOT IN ("
              + list
              + ") AS not_in FROM nullable_types ORDER BY id",
          false);
      compare(
          "SELECT COUNT(*) FROM nullable_types WHERE " + column + " NOT IN (" + list + ")", true);
      compare("SELECT COUNT(*) FROM nullable_types WHERE " + column + " IN (" + list + ")", true);
    }
  }

  private static void compare(String sql, boolean warpOnly) throws SQLException {
    String shown = sql.length() > 160 ? sql.substring(0, 160) + "..." : sql;
    QueryResult expected = QueryResult.run(duckDb, sql);
    QueryResult actual = QueryResult.run(warpConnection, sql);
    ResultComparison.assertSameRows(shown + ": ", expected, actual);
    if (warpOnly) {
      String plan = QueryPlans.explain(warpConnection, sql);
      assertThat(QueryPlans.hasEnumerableOperator(plan))
          .as("fallback in plan of %s", shown)
          .isFalse();
    }
  }

  private static String list(int size, IntFunction<String> item, String suffix) {
    StringJoiner items = new StringJoiner(", ");
    for (int i = 0; i < size; i++) {
      items.add(item.apply(i));
    }
    return items + suffix;
  }

  /** Returns strings of nullable_types first, then strings that it does not contain. */
  private static String string(int index) {
    String[] present = {"'abc'", "''", "'zeta'", "'é'", "'abc '"};
    return index < present.length ? present[index] : "'s" + index + "'";
  }

  private static String date(int day) {
    return "DATE '" + LocalDate.of(1992, 1, 1).plusDays(day) + "'";
  }
}
