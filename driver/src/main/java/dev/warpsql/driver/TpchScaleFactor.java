package dev.warpsql.driver;

import io.trino.tpch.GenerateUtils;
import io.trino.tpch.SupplierGenerator;
import java.math.BigDecimal;
import java.sql.SQLException;

/** Validation of the {@code tpch} connection property, the TPC-H scale factor to load. */
final class TpchScaleFactor {
  /**
   * Largest accepted scale factor. At 1000, TPC-H has 6 billion lineitem rows, about 1 TB as text.
   *
   * <p>NOTE: this bound catches typos, it is not a memory check. A smaller scale factor can still
   * exceed the memory limit, which the loader reports with SQLSTATE 53200.
   */
  static final double MAX = 1000;

  private static final String SQL_STATE = "22023";

  private TpchScaleFactor() {}

  /**
   * Parses a scale factor and checks that the TPC-H generator can load it.
   *
   * @throws SQLException with SQLSTATE 22023 for text that is not a finite number, for a value of 0
   *     or less or above {@link #MAX}, and for a value so small that the supplier table, the
   *     smallest scaled table, would have no rows
   */
  static double parse(String text) throws SQLException {
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw invalid(text, "it is not a number", e);
    }
    if (!Double.isFinite(value) || value <= 0) {
      throw invalid(text, "it must be a positive finite number", null);
    }
    if (value > MAX) {
      throw invalid(text, "the maximum is " + (long) MAX, null);
    }
    long suppliers = GenerateUtils.calculateRowCount(SupplierGenerator.SCALE_BASE, value, 1, 1);
    if (suppliers < 1) {
      throw invalid(
          text,
          "it is too small for the supplier table ("
              + SupplierGenerator.SCALE_BASE
              + " rows at scale factor 1) to have a row, so the smallest is "
              + BigDecimal.ONE
                  .divide(BigDecimal.valueOf(SupplierGenerator.SCALE_BASE))
                  .toPlainString(),
          null);
    }
    return value;
  }

  private static SQLException invalid(String text, String reason, Exception cause) {
    return new SQLException(
        "invalid tpch scale factor '" + text + "': " + reason + ". Use a number such as 0.01 or 1",
        SQL_STATE,
        cause);
  }
}
