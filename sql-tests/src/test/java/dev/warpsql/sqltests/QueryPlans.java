package dev.warpsql.sqltests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Physical plans of WarpSQL queries, read with {@code EXPLAIN PLAN FOR}.
 *
 * <p>A fallback shows as an operator of Calcite's Enumerable engine, whose names start with {@code
 * Enumerable}, joined to WARP operators by {@code WarpToEnumerableConverter} or {@code
 * WarpFromEnumerable}.
 */
public final class QueryPlans {
  /** The line that starts the list of pipelines after the operator tree. */
  private static final String PIPELINES_HEADING = "Pipelines";

  private QueryPlans() {}

  /** Returns the text of a query's plan, one operator a line, indented by depth. */
  public static String explain(Connection connection, String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      while (resultSet.next()) {
        plan.append(resultSet.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  /**
   * Returns the operator names of a plan text, such as {@code WarpFilter}, top down; the list of
   * pipelines that follows the operator tree is not part of it.
   */
  public static List<String> operators(String plan) {
    return plan.lines()
        .takeWhile(line -> !line.startsWith(PIPELINES_HEADING))
        .map(line -> line.strip().split("\\(", 2)[0])
        .filter(operator -> !operator.isEmpty())
        .toList();
  }

  /** Returns whether a plan text contains an operator of Calcite's Enumerable engine. */
  public static boolean hasEnumerableOperator(String plan) {
    return operators(plan).stream().anyMatch(operator -> operator.startsWith("Enumerable"));
  }
}
