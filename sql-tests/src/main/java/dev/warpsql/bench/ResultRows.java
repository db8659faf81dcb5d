package dev.warpsql.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a query result, read into memory with values in comparable Java types: every integer
 * type becomes {@link BigDecimal}, REAL becomes {@link Double}, DATE becomes {@link
 * java.time.LocalDate} and TIMESTAMP becomes {@link java.time.LocalDateTime}.
 */
record ResultRows(int columnCount, List<List<Object>> rows) {
  ResultRows {
    rows = List.copyOf(rows);
  }

  /** Reads every row of a result set; the caller closes it. */
  static ResultRows read(ResultSet resultSet) throws SQLException {
    ResultSetMetaData metaData = resultSet.getMetaData();
    int columnCount = metaData.getColumnCount();
    List<List<Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      // Arrays.asList, not List.of, because values may be null.
      Object[] row = new Object[columnCount];
      for (int column = 1; column <= columnCount; column++) {
        row[column - 1] = normalize(resultSet.getObject(column));
      }
      rows.add(Arrays.asList(row));
    }
    return new ResultRows(columnCount, rows);
  }

  private static Object normalize(Object value) {
    if (value instanceof Byte
        || value instanceof Short
        || value instanceof Integer
        || value instanceof Long) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Float real) {
      return real.doubleValue();
    }
    if (value instanceof Character character) {
      return character.toString();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    }
    return value;
  }
}
