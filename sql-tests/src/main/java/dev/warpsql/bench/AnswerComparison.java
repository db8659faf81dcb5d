package dev.warpsql.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Comparison of the answers of two backends to the same query, value by value as text.
 *
 * <p>Text must be equal, except in REAL, FLOAT and DOUBLE columns, where the values may differ by a
 * relative {@value #RELATIVE_TOLERANCE} because backends add floating-point values in different
 * orders. Rows must come in the same order when the query has an ORDER BY, except that ties (rows
 * equal on every ORDER BY column) may come in any order among themselves; a query without ORDER BY
 * may return its rows in any order. When the ORDER BY columns are unknown, every row must come in
 * the same place.
 */
final class AnswerComparison {
  static final double RELATIVE_TOLERANCE = 1e-9;

  private static final Comparator<List<String>> ROW_ORDER = AnswerComparison::compareRows;

  private AnswerComparison() {}

  /**
   * Returns the first difference between the expected and the actual answer, or an empty Optional
   * when they agree.
   *
   * @param orderKeys the 0-based ORDER BY columns from {@link OrderKeys#of}: an empty list for a
   *     query without ORDER BY, an empty Optional when they are unknown
   */
  static Optional<String> difference(
      AnswerText expected, AnswerText actual, Optional<List<Integer>> orderKeys) {
    if (expected.columnCount() != actual.columnCount()) {
      return Optional.of(
          "column count " + actual.columnCount() + ", expected " + expected.columnCount());
    }
    if (expected.rows().size() != actual.rows().size()) {
      return Optional.of(
          "row count " + actual.rows().size() + ", expected " + expected.rows().size());
    }
    for (int[] block : unorderedBlocks(expected, orderKeys)) {
      Optional<String> difference = blockDifference(expected, actual, block[0], block[1]);
      if (difference.isPresent()) {
        return difference;
      }
    }
    return Optional.empty();
  }

  /**
   * Splits the expected rows into runs, as {start, end} pairs, inside which the order is free: one
   * run for a query without ORDER BY, one run per group of ties under a known ORDER BY, and one run
   * per row when the ORDER BY columns are unknown.
   */
  private static List<int[]> unorderedBlocks(AnswerText expected, Optional<List<Integer>> keys) {
    List<List<String>> rows = expected.rows();
    List<int[]> blocks = new ArrayList<>();
    if (keys.isPresent() && keys.get().isEmpty()) {
      blocks.add(new int[] {0, rows.size()});
      return blocks;
    }
    int start = 0;
    for (int row = 1; row <= rows.size(); row++) {
      boolean tie =
          row < rows.size()
              && keys.isPresent()
              && sameKeys(rows.get(start), rows.get(row), keys.get());
      if (!tie) {
        blocks.add(new int[] {start, row});
        start = row;
      }
    }
    return blocks;
  }

  private static boolean sameKeys(List<String> left, List<String> right, List<Integer> keys) {
    for (int key : keys) {
      if (!Objects.equals(left.get(key), right.get(key))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Compares rows start (inclusive) to end (exclusive) of both answers, sorted as text.
   *
   * <p>NOTE: tied rows that differ only in the last digits of a DOUBLE column can sort into
   * different places on the two sides, and are then reported as a difference.
   */
  private static Optional<String> blockDifference(
      AnswerText expected, AnswerText actual, int start, int end) {
    List<List<String>> expectedRows = new ArrayList<>(expected.rows().subList(start, end));
    List<List<String>> actualRows = new ArrayList<>(actual.rows().subList(start, end));
    if (end - start > 1) {
      expectedRows.sort(ROW_ORDER);
      actualRows.sort(ROW_ORDER);
    }
    for (int row = 0; row < expectedRows.size(); row++) {
      for (int column = 0; column < expected.columnCount(); column++) {
        String want = expectedRows.get(row).get(column);
        String got = actualRows.get(row).get(column);
        if (!sameValue(want, got, expected.approximate().get(column))) {
          String place = end - start > 1 ? " (rows " + (start + 1) + " to " + end + " sorted)" : "";
          return Optional.of(
              String.format(
                  "row %d, column %d%s: %s, expected %s",
                  start + row + 1, column + 1, place, quote(got), quote(want)));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean sameValue(String expected, String actual, boolean approximate) {
    if (Objects.equals(expected, actual)) {
      return true;
    }
    if (!approximate || expected == null || actual == null) {
      return false;
    }
    try {
      double want = Double.parseDouble(expected);
      double got = Double.parseDouble(actual);
      return Math.abs(want - got) <= Math.abs(want) * RELATIVE_TOLERANCE;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Orders rows by their text, column by column, with NULL first. */
  private static int compareRows(List<String> left, List<String> right) {
    for (int column = 0; column < left.size(); column++) {
      int order =
          Comparator.nullsFirst(Comparator.<String>naturalOrder())
              .compare(left.get(column), right.get(column));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  private static String quote(String value) {
    return value == null ? "NULL" : "'" + value + "'";
  }
}
