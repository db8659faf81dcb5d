package dev.warpsql.sqltests.slt;

import java.util.List;
import java.util.Objects;

/**
 * A {@code query} record with its expected result.
 *
 * <p>The expected result is either the values written out, one per line in row order ({@code
 * expectedValues}), or, for results with more values than the file's hash threshold, their count
 * and the MD5 hash of the values ({@code expectedHash}).
 *
 * @param sql the query text, its lines joined by newlines
 * @param columnTypes one letter per result column: {@code I} integer, {@code R} real, {@code T}
 *     text; the letter sets how the column's values are written
 * @param sortMode how values are sorted before they are compared
 * @param label the optional label after the sort mode, or null
 * @param expectedValues the values written out, or null when the result is given as a hash
 * @param expectedCount the number of values in the result
 * @param expectedHash the lower-case hex MD5 hash of the values, or null when they are written out
 */
record SltQuery(
    int line,
    SltConditions conditions,
    String sql,
    String columnTypes,
    SortMode sortMode,
    String label,
    List<String> expectedValues,
    int expectedCount,
    String expectedHash)
    implements SltRecord {
  SltQuery {
    Objects.requireNonNull(conditions, "conditions");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(columnTypes, "columnTypes");
    Objects.requireNonNull(sortMode, "sortMode");
    if ((expectedValues == null) == (expectedHash == null)) {
      throw new IllegalArgumentException("a query expects either values or a hash");
    }
    expectedValues = expectedValues == null ? null : List.copyOf(expectedValues);
  }

  /** The sort modes of sqllogictest. */
  enum SortMode {
    /** Values are compared in the order the query returns them. */
    NOSORT,
    /** Rows are sorted, comparing their written values column by column, before comparing. */
    ROWSORT,
    /** All values are sorted as one list, regardless of rows, before comparing. */
    VALUESORT
  }
}
