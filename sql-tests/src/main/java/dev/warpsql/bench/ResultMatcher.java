package dev.warpsql.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Comparison of two engines' results for the same query on the same data.
 *
 * <p>DECIMALs must be equal as numbers, whatever their scales. A DECIMAL and a DOUBLE must be equal
 * after rounding the DOUBLE half-up to the DECIMAL's scale: engines disagree on AVG of a DECIMAL,
 * whose precision and scale the SQL standard leaves to the implementation (DuckDB returns DOUBLE).
 * A DECIMAL with more than 15 significant digits, more than a DOUBLE preserves, must be within a
 * relative 1e-14 of the DOUBLE instead. Two DOUBLEs may differ by a relative 1e-9, because engines
 * add floating-point values in different orders. Rows must come in the same order, except that rows
 * which are ties under the query's ORDER BY (equal on every sort column), or all rows of a query
 * without ORDER BY, may come in any order.
 */
final class ResultMatcher {
  private static final double DOUBLE_RELATIVE_TOLERANCE = 1e-9;

  /** Significant decimal digits that every IEEE 754 double preserves (C's DBL_DIG). */
  private static final int DOUBLE_DECIMAL_DIGITS = 15;

  /**
   * Relative difference allowed between a DOUBLE and a DECIMAL with more than {@link
   * #DOUBLE_DECIMAL_DIGITS} significant digits: one to ten units in the 15th significant digit, so
   * that two engines' roundings of the same quotient in the 16th or 17th digit agree.
   */
  private static final double DOUBLE_PRECISION_TOLERANCE = 1e-14;

  private ResultMatcher() {}

  /**
   * Returns the first difference between the expected and the actual result, or an empty Optional
   * when they agree.
   *
   * @param orderKeys the sort columns from {@link OrderKeys#of}; empty when they are unknown, and
   *     then rows must come in the same order
   */
  static Optional<String> difference(
      ResultRows expected, ResultRows actual, Optional<List<Integer>> orderKeys) {
    if (expected.columnCount() != actual.columnCount()) {
      return Optional.of(
          "column count " + actual.columnCount() + ", expected " + expected.columnCount());
    }
    if (expected.rows().size() != actual.rows().size()) {
      return Optional.of(
          "row count " + actual.rows().size() + ", expected " + expected.rows().size());
    }
    Optional<String> inOrder = rowsDifference(expected.rows(), actual.rows(), 0);
    if (inOrder.isEmpty() || orderKeys.isEmpty()) {
      return inOrder;
    }
    return tiesDifference(expected.rows(), actual.rows(), orderKeys.get()).isEmpty()
        ? Optional.empty()
        : inOrder;
  }

  /**
   * Compares the rows block by block, where a block is a run of consecutive expected rows with
   * equal sort columns, and the rows of a block may come in any order.
   */
  private static Optional<String> tiesDifference(
      List<List<Object>> expected, List<List<Object>> actual, List<Integer> orderKeys) {
    int start = 0;
    while (start < expected.size()) {
      int end = start + 1;
      while (end < expected.size() && sameKeys(expected.get(start), expected.get(end), orderKeys)) {
        end++;
      }
      List<List<Object>> expectedBlock = sorted(expected.subList(start, end));
      List<List<Object>> actualBlock = sorted(actual.subList(start, end));
      Optional<String> difference = rowsDifference(expectedBlock, actualBlock, start);
      if (difference.isPresent()) {
        return difference;
      }
      start = end;
    }
    return Optional.empty();
  }

  private static boolean sameKeys(List<Object> left, List<Object> right, List<Integer> orderKeys) {
    for (int column : orderKeys) {
      if (valueDifference(left.get(column), right.get(column)) != null) {
        return false;
      }
    }
    return true;
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(ResultMatcher::compareRows);
    return copy;
  }

  private static int compareRows(List<Object> left, List<Object> right) {
    for (int i = 0; i < left.size(); i++) {
      int order = compareValues(left.get(i), right.get(i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  /** Orders values for sorting tied rows: nulls first, numbers by value, others as text. */
  private static int compareValues(Object left, Object right) {
    if (left == null || right == null) {
      return Boolean.compare(left != null, right != null);
    }
    if (left instanceof Number leftNumber && right instanceof Number rightNumber) {
      return Double.compare(leftNumber.doubleValue(), rightNumber.doubleValue());
    }
    return left.toString().compareTo(right.toString());
  }

  private static Optional<String> rowsDifference(
      List<List<Object>> expected, List<List<Object>> actual, int firstRow) {
    for (int row = 0; row < expected.size(); row++) {
      List<Object> expectedRow = expected.get(row);
      for (int column = 0; column < expectedRow.size(); column++) {
        String difference = valueDifference(expectedRow.get(column), actual.get(row).get(column));
        if (difference != null) {
          return Optional.of(
              "row " + (firstRow + row + 1) + ", column " + (column + 1) + ": " + difference);
        }
      }
    }
    return Optional.empty();
  }

  /** Returns how two values differ, or null when they agree. */
  private static String valueDifference(Object expected, Object actual) {
    boolean same;
    if (expected == null || actual == null) {
      same = expected == actual;
    } else if (expected instanceof BigDecimal expectedDecimal
        && actual instanceof BigDecimal actualDecimal) {
      same = expectedDecimal.compareTo(actualDecimal) == 0;
    } else if (expected instanceof Double expectedDouble
        && actual instanceof BigDecimal actualDecimal) {
      same = roundedEquals(expectedDouble, actualDecimal);
    } else if (expected instanceof BigDecimal expectedDecimal
        && actual instanceof Double actualDouble) {
      same = roundedEquals(actualDouble, expectedDecimal);
    } else if (expected instanceof Double expectedDouble && actual instanceof Double actualDouble) {
      double tolerance = Math.abs(expectedDouble) * DOUBLE_RELATIVE_TOLERANCE;
      same = Math.abs(expectedDouble - actualDouble) <= tolerance;
    } else {
      same = expected.getClass() == actual.getClass() && Objects.equals(expected, actual);
    }
    return same ? null : describe(actual) + ", expected " + describe(expected);
  }

  private static boolean roundedEquals(double value, BigDecimal decimal) {
    if (!Double.isFinite(value)) {
      return false;
    }
    if (decimal.precision() > DOUBLE_DECIMAL_DIGITS) {
      return Math.abs(value - decimal.doubleValue())
          <= Math.abs(value) * DOUBLE_PRECISION_TOLERANCE;
    }
    BigDecimal rounded = new BigDecimal(value).setScale(decimal.scale(), RoundingMode.HALF_UP);
    return rounded.compareTo(decimal) == 0;
  }

  private static String describe(Object value) {
    return value == null ? "NULL" : value + " (" + value.getClass().getSimpleName() + ")";
  }
}
