package dev.warpsql.sqltests.edge;

import dev.warpsql.sqltests.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Canonical order of result rows, so that two results compared as multisets line up row by row.
 *
 * <p>Rows compare column by column with NULL first. Numbers compare by value whatever their Java
 * type, because one engine may return DOUBLE where the other returns DECIMAL. Values of other types
 * compare naturally, and values of different types by class name.
 */
final class RowOrder {
  private static final Comparator<List<Object>> ROWS = RowOrder::compareRows;

  private RowOrder() {}

  /** Returns a result with the same labels and its rows sorted canonically. */
  static QueryResult sorted(QueryResult result) {
    List<List<Object>> rows = new ArrayList<>(result.rows());
    rows.sort(ROWS);
    return new QueryResult(result.labels(), rows);
  }

  private static int compareRows(List<Object> left, List<Object> right) {
    int columns = Math.min(left.size(), right.size());
    for (int column = 0; column < columns; column++) {
      int order = compareValues(left.get(column), right.get(column));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.size(), right.size());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object left, Object right) {
    if (left == null && right == null) {
      return 0;
    }
    if (left == null) {
      return -1;
    }
    if (right == null) {
      return 1;
    }
    if (left instanceof BigDecimal leftDecimal && right instanceof BigDecimal rightDecimal) {
      return leftDecimal.compareTo(rightDecimal);
    }
    if (left instanceof Number leftNumber && right instanceof Number rightNumber) {
      return Double.compare(leftNumber.doubleValue(), rightNumber.doubleValue());
    }
    if (left.getClass() == right.getClass() && left instanceof Comparable comparable) {
      return comparable.compareTo(right);
    }
    return left.getClass().getName().compareTo(right.getClass().getName());
  }
}
