package dev.warpsql.sqltests.slt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A query's result written as sqllogictest values, in row order, and its comparison with the
 * expected result of a {@link SltQuery}.
 */
final class SltResult {
  private final int columnCount;
  private final List<String> values;

  private SltResult(int columnCount, List<String> values) {
    this.columnCount = columnCount;
    this.values = values;
  }

  /**
   * Reads a result set, writing each value by the type letter of its column.
   *
   * @return the result, or null when the result set's column count differs from the number of type
   *     letters
   */
  static SltResult read(ResultSet resultSet, String columnTypes) throws SQLException {
    int columnCount = resultSet.getMetaData().getColumnCount();
    if (columnCount != columnTypes.length()) {
      return null;
    }
    List<String> values = new ArrayList<>();
    while (resultSet.next()) {
      for (int column = 1; column <= columnCount; column++) {
        values.add(
            SltValueFormat.format(resultSet.getObject(column), columnTypes.charAt(column - 1)));
      }
    }
    return new SltResult(columnCount, values);
  }

  /**
   * Compares this result with a query's expected result after sorting it by the query's sort mode.
   *
   * @return null when they match, else a description of the first difference
   */
  String mismatch(SltQuery query) {
    List<String> sorted = sorted(query.sortMode());
    if (query.expectedHash() != null) {
      String hash = md5(sorted);
      if (sorted.size() != query.expectedCount() || !hash.equals(query.expectedHash())) {
        return "expected "
            + query.expectedCount()
            + " values hashing to "
            + query.expectedHash()
            + ", got "
            + sorted.size()
            + " values hashing to "
            + hash
            + firstValues(sorted);
      }
      return null;
    }
    List<String> expected = query.expectedValues();
    for (int i = 0; i < Math.min(expected.size(), sorted.size()); i++) {
      if (!expected.get(i).equals(sorted.get(i))) {
        return "value "
            + (i + 1)
            + ": expected "
            + expected.get(i)
            + ", got "
            + sorted.get(i)
            + firstValues(sorted);
      }
    }
    if (expected.size() != sorted.size()) {
      return "expected " + expected.size() + " values, got " + sorted.size() + firstValues(sorted);
    }
    return null;
  }

  /** Returns the values sorted by a sort mode, comparing strings as C's strcmp does. */
  private List<String> sorted(SltQuery.SortMode sortMode) {
    return switch (sortMode) {
      case NOSORT -> values;
      case VALUESORT -> values.stream().sorted().toList();
      case ROWSORT -> sortedRows();
    };
  }

  private List<String> sortedRows() {
    List<List<String>> rows = new ArrayList<>();
    for (int start = 0; start < values.size(); start += columnCount) {
      rows.add(values.subList(start, start + columnCount));
    }
    rows.sort(SltResult::compareRows);
    List<String> sorted = new ArrayList<>(values.size());
    rows.forEach(sorted::addAll);
    return sorted;
  }

  private static int compareRows(List<String> left, List<String> right) {
    for (int i = 0; i < left.size(); i++) {
      int order = left.get(i).compareTo(right.get(i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  /** Returns sqllogictest's hash: the MD5 of every value followed by a newline. */
  static String md5(List<String> values) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides MD5", e);
    }
    for (String value : values) {
      digest.update(value.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Returns up to the first 10 values, for a failure message. */
  private static String firstValues(List<String> values) {
    List<String> first = values.subList(0, Math.min(10, values.size()));
    return "; first values " + Arrays.toString(first.toArray()) + (values.size() > 10 ? "..." : "");
  }
}
