package dev.warpsql.sqltests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Row-by-row, in-order comparison of a WarpSQL result with an oracle's result for the same query on
 * the same data.
 *
 * <p>DECIMALs must be equal as numbers, whatever their scales ({@code 1.50} equals {@code 1.5}).
 * Where the oracle returns DOUBLE and WarpSQL returns DECIMAL, the DECIMAL must equal the DOUBLE
 * rounded half-up to the DECIMAL's scale. That case is AVG over DECIMAL: the SQL standard leaves
 * the precision and scale of AVG's result implementation-defined, and DuckDB returns DOUBLE while
 * WarpSQL returns a DECIMAL of fixed scale. Two DOUBLEs may differ by a relative 1e-9, because the
 * engines add floating-point values in different orders.
 */
public final class ResultComparison {
  private static final double DOUBLE_RELATIVE_TOLERANCE = 1e-9;

  private ResultComparison() {}

  /** Asserts that both results have the same labels, ignoring case, and the same rows in order. */
  public static void assertSameResult(QueryResult expected, QueryResult actual) {
    assertThat(actual.labels())
        .as("column labels")
        .usingElementComparator(String.CASE_INSENSITIVE_ORDER)
        .containsExactlyElementsOf(expected.labels());
    assertSameRows("", expected, actual);
  }

  /**
   * Asserts that both results have the same number of columns and the same rows in order, whatever
   * their labels, because the engines name unaliased expressions differently.
   *
   * @param context text that starts every failure message, such as the query's file and line
   */
  public static void assertSameRows(String context, QueryResult expected, QueryResult actual) {
    assertThat(actual.labels()).as("%scolumn count", context).hasSameSizeAs(expected.labels());
    assertThat(actual.rows()).as("%srow count", context).hasSameSizeAs(expected.rows());

    for (int row = 0; row < expected.rows().size(); row++) {
      for (int column = 0; column < expected.labels().size(); column++) {
        String where = context + "row " + (row + 1) + ", column " + expected.labels().get(column);
        assertSameValue(
            where, expected.rows().get(row).get(column), actual.rows().get(row).get(column));
      }
    }
  }

  static void assertSameValue(String where, Object expected, Object actual) {
    if (expected == null || actual == null) {
      assertThat(actual).as(where).isEqualTo(expected);
    } else if (expected instanceof BigDecimal expectedDecimal
        && actual instanceof BigDecimal actualDecimal) {
      assertThat(actualDecimal).as(where).isEqualByComparingTo(expectedDecimal);
    } else if (expected instanceof Double expectedDouble
        && actual instanceof BigDecimal actualDecimal) {
      BigDecimal rounded =
          new BigDecimal(expectedDouble).setScale(actualDecimal.scale(), RoundingMode.HALF_UP);
      assertThat(actualDecimal)
          .as(
              "%s: DECIMAL against DOUBLE %s rounded half-up to scale %d",
              where, expectedDouble, actualDecimal.scale())
          .isEqualByComparingTo(rounded);
    } else if (expected instanceof Double expectedDouble && actual instanceof Double actualDouble) {
      if (expectedDouble.isNaN() || expectedDouble.isInfinite()) {
        // No tolerance around NaN or an infinity: Double.equals takes NaN as equal to NaN.
        assertThat(actualDouble).as(where).isEqualTo(expectedDouble);
      } else {
        double tolerance = Math.abs(expectedDouble) * DOUBLE_RELATIVE_TOLERANCE;
        assertThat(actualDouble).as(where).isCloseTo(expectedDouble, within(tolerance));
      }
    } else if (expected.getClass() != actual.getClass()) {
      // A DOUBLE from WarpSQL where the oracle computed an exact DECIMAL would hide lost digits.
      fail(
          "%s: expected %s (%s) but WarpSQL returned %s (%s)",
          where, expected, expected.getClass().getName(), actual, actual.getClass().getName());
    } else {
      assertThat(actual).as(where).isEqualTo(expected);
    }
  }
}
