package dev.warpsql.driver;

import java.sql.Types;

/**
 * Conversion between the precision of a TIME or TIMESTAMP column that Calcite reports, the digits
 * of the fraction of a second, and the one that JDBC's {@code getPrecision} reports, the length of
 * the character form.
 *
 * <p>The remote driver needs the way back: the server sends JDBC's precision, and Avatica's client
 * (1.27) formats {@code getString} with as many fraction digits as the precision it receives.
 */
public final class TemporalPrecision {
  /** Length of {@code HH:MM:SS}. */
  private static final int TIME_LENGTH = 8;

  /** Length of {@code YYYY-MM-DD HH:MM:SS}. */
  private static final int TIMESTAMP_LENGTH = 19;

  private TemporalPrecision() {}

  /**
   * Returns JDBC's precision of a DATE, TIME or TIMESTAMP column whose Calcite precision is {@code
   * fractionDigits}, or {@code fractionDigits} for any other type. A fraction of 0, which is also
   * the default of a TIME or TIMESTAMP without a precision, gives the standard size for WarpSQL's
   * microseconds.
   *
   * @param jdbcType a {@link Types} constant
   */
  static int jdbcPrecision(int jdbcType, int fractionDigits) {
    return switch (jdbcType) {
      case Types.DATE -> ColumnSizes.fixedSize(jdbcType);
      case Types.TIME, Types.TIME_WITH_TIMEZONE ->
          fractionDigits > 0 ? TIME_LENGTH + 1 + fractionDigits : ColumnSizes.fixedSize(jdbcType);
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
          fractionDigits > 0
              ? TIMESTAMP_LENGTH + 1 + fractionDigits
              : ColumnSizes.fixedSize(jdbcType);
      default -> fractionDigits;
    };
  }

  /**
   * Returns the fraction digits of a TIME or TIMESTAMP column whose JDBC precision is {@code
   * jdbcPrecision}, the inverse of {@link #jdbcPrecision}; 0 for any other type.
   *
   * <p>NOTE: the standard size is also the length for 6 fraction digits, and it is read as 0. That
   * is right as long as Calcite's maximum TIME and TIMESTAMP precision stays 3, the default of its
   * type system, which WarpSQL's keeps.
   */
  public static int fractionDigits(int jdbcType, int jdbcPrecision) {
    int length =
        switch (jdbcType) {
          case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME_LENGTH;
          case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_LENGTH;
          default -> -1;
        };
    if (length < 0 || jdbcPrecision == ColumnSizes.fixedSize(jdbcType)) {
      return 0;
    }
    return Math.max(0, jdbcPrecision - length - 1);
  }
}
