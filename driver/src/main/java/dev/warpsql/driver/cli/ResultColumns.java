package dev.warpsql.driver.cli;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Labels and kinds of a result set's columns, and the text of each value as all output formats
 * print it.
 */
final class ResultColumns {
  /** SQL literal form, with a fraction of a second only where it is not zero. */
  private static final DateTimeFormatter TIMESTAMP_FORMAT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .appendPattern("HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter(Locale.ROOT);

  private final List<String> labels;
  private final List<ColumnKind> kinds;

  private ResultColumns(List<String> labels, List<ColumnKind> kinds) {
    this.labels = List.copyOf(labels);
    this.kinds = List.copyOf(kinds);
  }

  static ResultColumns of(ResultSet resultSet) throws SQLException {
    ResultSetMetaData metaData = resultSet.getMetaData();
    List<String> labels = new ArrayList<>();
    List<ColumnKind> kinds = new ArrayList<>();
    for (int column = 1; column <= metaData.getColumnCount(); column++) {
      labels.add(metaData.getColumnLabel(column));
      kinds.add(ColumnKind.of(metaData.getColumnType(column)));
    }
    return new ResultColumns(labels, kinds);
  }

  int count() {
    return labels.size();
  }

  /** Returns the label of a column, counting from 0. */
  String label(int index) {
    return labels.get(index);
  }

  /** Returns the kind of a column, counting from 0. */
  ColumnKind kind(int index) {
    return kinds.get(index);
  }

  /**
   * Reads the value of a column, counting from 0, in the current row as text, or returns null for
   * SQL NULL.
   *
   * <p>DECIMAL values keep every digit of their scale ({@code 12.30}, never {@code 12.3} or {@code
   * 1.23E+1}). REAL values print at float precision ({@code 0.1}, not {@code 0.10000000149011612})
   * because JDBC returns REAL as {@link Float}. DATE, TIME and TIMESTAMP values are in SQL literal
   * form ({@code 1998-09-02}, {@code 10:15:00}, {@code 1998-09-02 10:15:00}). Binary values are
   * lower-case hex.
   */
  String readText(ResultSet resultSet, int index) throws SQLException {
    int column = index + 1;
    String text =
        switch (kinds.get(index)) {
          case DECIMAL -> decimalText(resultSet.getBigDecimal(column));
          case TIMESTAMP -> timestampText(resultSet.getTimestamp(column));
          case BOOLEAN -> resultSet.getBoolean(column) ? "true" : "false";
          case BINARY -> binaryText(resultSet.getBytes(column));
          case INTEGER, FLOATING_POINT, OTHER -> objectText(resultSet.getObject(column));
          default -> resultSet.getString(column);
        };
    return resultSet.wasNull() ? null : text;
  }

  private static String decimalText(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static String timestampText(Timestamp value) {
    return value == null ? null : TIMESTAMP_FORMAT.format(value.toLocalDateTime());
  }

  private static String binaryText(byte[] value) {
    return value == null ? null : HexFormat.of().formatHex(value);
  }

  private static String objectText(Object value) {
    return value == null ? null : value.toString();
  }
}
