package dev.warpsql.sqltests;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows and column labels of a query result, read into memory with values in comparable Java types:
 * every integer type becomes {@link BigDecimal}, REAL becomes {@link Double}, DATE becomes {@link
 * java.time.LocalDate} and TIMESTAMP becomes {@link java.time.LocalDateTime}.
 */
public record QueryResult(List<String> labels, List<List<Object>> rows) {
  public QueryResult {
    labels = List.copyOf(labels);
    rows = List.copyOf(rows);
  }

  /** Runs a query and reads its whole result. */
  public static QueryResult run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      return read(resultSet);
    }
  }

  public static QueryResult read(ResultSet resultSet) throws SQLException {
    ResultSetMetaData metaData = resultSet.getMetaData();
    int columnCount = metaData.getColumnCount();
    List<String> labels = new ArrayList<>();
    for (int column = 1; column <= columnCount; column++) {
      labels.add(metaData.getColumnLabel(column));
    }

    List<List<Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      // Arrays.asList, not List.of, because values may be null.
      Object[] row = new Object[columnCount];
      for (int column = 1; column <= columnCount; column++) {
        row[column - 1] = normalize(resultSet.getObject(column));
      }
      rows.add(Arrays.asList(row));
    }
    return new QueryResult(labels, rows);
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
    if (value instanceof java.sql.Time time) {
      return time.toLocalTime();
    }
    return value;
  }
}
