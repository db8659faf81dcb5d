package dev.warpsql.planner.ddl;

import java.util.List;

/** Builds the stored SQL text of views. */
final class ViewQueries {
  private ViewQueries() {}

  /** Returns a query that returns the rows of {@code sql} under the given column names. */
  static String renameColumns(String sql, List<String> names) {
    StringBuilder text = new StringBuilder("SELECT * FROM (").append(sql).append(") AS \"v\" (");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append('"').append(names.get(i).replace("\"", "\"\"")).append('"');
    }
    return text.append(')').toString();
  }
}
