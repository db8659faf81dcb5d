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
   * fractionDigits}, the length of its text with that many digits of a second, or {@code
   * fractionDigits} for any other type. A TIME or TIMESTAMP without a precision has six digits,
   * WarpSQL's microseconds, which gives the standard size of {@link ColumnSizes}.
   *
   * @param jdbcType a {@link Types} constant
   */
  static int jdbcPrecision(int jdbcType, int fractionDigits) {
    return switch (jdbcType) {
      case Types.DATE -> ColumnSizes.fixedSize(jdbcType);
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> textLength(TIME_LENGTH, fractionDigits);
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
          textLength(TIMESTAMP_LENGTH, fractionDigits);
      default -> fractionDigits;
    };
  }

  private static int textLength(int wholeSecondsLength, int fractionDigits) {
    return fractionDigits > 0 ? wholeSecondsLength + 1 + fractionDigits : wholeSecondsLength;
  }

  /**
   * Returns the fraction digits of a TIME or TIMESTAMP column whose JDBC precision is {@code
   * jdbcPrecision}, the inverse of {@link #jdbcPrecision}; 0 for any other type.
   */
  public static int fractionDigits(int jdbcType, int jdbcPrecision) {
    int length =
        switch (jdbcType) {
          case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME_LENGTH;
          case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_LENGTH;
          default -> -1;
        };
    if (length < 0) {
      return 0;
    }
    return Math.max(0, jdbcPrecision - length - 1);
  }
}
