package dev.warpsql.driver;

import java.sql.Types;

/**
 * Standard JDBC column sizes: the maximum number of digits of a numeric type and the length of the
 * character form of a date or time type, as {@code DatabaseMetaData.getColumns} reports them in
 * COLUMN_SIZE.
 */
final class ColumnSizes {
  private ColumnSizes() {}

  /**
   * Returns the column size of a type whose size does not depend on its declaration, or null for a
   * type with a declared precision or length (DECIMAL, CHAR, VARCHAR...) or without a size.
   *
   * <p>TIME and TIMESTAMP have WarpSQL's microsecond precision: {@code HH:MM:SS.ffffff} and {@code
   * YYYY-MM-DD HH:MM:SS.ffffff}.
   *
   * @param jdbcType a {@link Types} constant
   */
  static Integer fixedSize(int jdbcType) {
    return switch (jdbcType) {
      case Types.BOOLEAN, Types.BIT -> 1;
      case Types.TINYINT -> 3;
      case Types.SMALLINT -> 5;
      case Types.INTEGER -> 10;
      case Types.BIGINT -> 19;
      case Types.REAL -> 7;
      case Types.FLOAT, Types.DOUBLE -> 15;
      case Types.DATE -> 10;
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> 15;
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> 26;
      default -> null;
    };
  }
}
