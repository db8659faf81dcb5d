package dev.warpsql.sqltests.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.sqltests.QueryPlans;
import dev.warpsql.sqltests.SqlResources;
import dev.warpsql.sqltests.WarpTestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Join orders that follow from the distinct values of the join keys. A hash join builds a table of
 * one input and streams the other through it, so the pipeline that scans the largest table should
 * probe every join instead of being built into a hash table itself.
 */
class JoinOrderTest {
  private static WarpDatabase database;

  @BeforeAll
  static void loadTpch() {
    database = WarpTestDatabases.tpch(0.01);
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  /** Returns the pipeline lines of the plan that scan a table. */
  private static List<String> scanPipelines(String sql, String table) throws SQLException {
    try (Connection connection = WarpTestDatabases.connect(database)) {
      String plan = QueryPlans.explain(connection, sql);
      return plan.lines().filter(line -> line.contains(": scan " + table + " ")).toList();
    }
  }

  /**
   * TPC-H Q5 joins customers and suppliers on their nation key, which has 25 values. Joining them
   * first makes a product of the two tables, so lineitem should instead probe supplier, orders and
   * customer.
   */
  @Test
  void q5ProbesWithLineitem() throws SQLException {
    String q5 = SqlResources.readStatement("tpch/q5.sql");

    List<String> lineitem = scanPipelines(q5, "lineitem");

    assertThat(lineitem).hasSize(1);
    assertThat(lineitem.get(0)).doesNotContain("materialize");
    assertThat(lineitem.get(0).split("hash join probe", -1)).hasSize(4);
  }

  @Test
  void keyJoinProbesWithLargerTable() throws SQLException {
    String sql =
        "SELECT COUNT(*) FROM orders, customer, nation"
            + " WHERE o_custkey = c_custkey AND c_nationkey = n_nationkey";

    List<String> orders = scanPipelines(sql, "orders");

    assertThat(orders).hasSize(1);
    assertThat(orders.get(0)).doesNotContain("materialize");
  }
}
