package dev.warpsql.bench;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A query result read as text: each value as {@link ResultSet#getString} returns it, so that two
 * backends agree only when they return the same type, scale and digits, and NULL as null.
 *
 * @param approximate for each column, whether it is REAL, FLOAT or DOUBLE, whose last digits may
 *     differ between backends that add values in different orders
 * @param rows the rows in the order the result set returned them
 */
record AnswerText(List<Boolean> approximate, List<List<String>> rows) {
  AnswerText {
    approximate = List.copyOf(approximate);
    rows = List.copyOf(rows);
  }

  int columnCount() {
    return approximate.size();
  }

  /** Reads every row of a result set; the caller closes it. */
  static AnswerText read(ResultSet resultSet) throws SQLException {
    ResultSetMetaData metaData = resultSet.getMetaData();
    List<Boolean> approximate = new ArrayList<>();
    for (int column = 1; column <= metaData.getColumnCount(); column++) {
      int type = metaData.getColumnType(column);
      approximate.add(type == Types.REAL || type == Types.FLOAT || type == Types.DOUBLE);
    }
    List<List<String>> rows = new ArrayList<>();
    while (resultSet.next()) {
      // Arrays.asList, not List.of, because values may be null.
      String[] row = new String[approximate.size()];
      for (int column = 0; column < row.length; column++) {
        row[column] = resultSet.getString(column + 1);
      }
      rows.add(Arrays.asList(row));
    }
    return new AnswerText(approximate, rows);
  }
}
