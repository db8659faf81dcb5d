package dev.warpsql.driver;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * JDBC 4.2's {@code ResultSet.getObject(int, Class)} over the typed getters, which Avatica's
 * accessors (1.27) lack, for both the embedded and the remote result sets.
 */
public final class ColumnValueConverter {
  private ColumnValueConverter() {}

  /**
   * Returns the value of a column as the requested class: the classes of {@code getObject(int)},
   * the boxed primitives, {@link String}, {@link BigDecimal}, {@code java.sql} and {@code
   * java.time} dates and times, or null for SQL NULL. Dates and times convert in the JVM's default
   * time zone, as {@link Date#toLocalDate()} does.
   *
   * @throws SQLException with SQLSTATE HY009 for a null type, and 07006 for a class that the
   *     column's value cannot convert to
   */
  public static <T> T getObject(ResultSet rows, int column, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException("type is null", "HY009");
    }
    Object value = convert(rows, column, type);
    return value == null || rows.wasNull() ? null : type.cast(value);
  }

  static Object convert(ResultSet rows, int column, Class<?> type) throws SQLException {
    if (type == LocalDate.class || type == LocalDateTime.class || type == LocalTime.class) {
      return convertToJavaTime(rows, column, type);
    }
    if (type == BigDecimal.class) {
      return rows.getBigDecimal(column);
    }
    if (type == String.class) {
      return rows.getString(column);
    }
    if (type == Date.class) {
      return rows.getDate(column);
    }
    if (type == Time.class) {
      return rows.getTime(column);
    }
    if (type == Timestamp.class) {
      return rows.getTimestamp(column);
    }
    if (type == byte[].class) {
      return rows.getBytes(column);
    }
    Object boxed = convertToBoxedPrimitive(rows, column, type);
    if (boxed != null) {
      return boxed;
    }

    Object value = rows.getObject(column);
    if (value == null || type.isInstance(value)) {
      return value;
    }
    // 07006 is the SQL standard's "restricted data type attribute violation".
    throw new SQLException(
        "cannot convert column "
            + column
            + " of type "
            + rows.getMetaData().getColumnTypeName(column)
            + " to "
            + type.getName(),
        "07006");
  }

  private static Object convertToJavaTime(ResultSet rows, int column, Class<?> type)
      throws SQLException {
    if (type == LocalDate.class) {
      Date date = rows.getDate(column);
      return date == null ? null : date.toLocalDate();
    }
    if (type == LocalDateTime.class
        && rows.getMetaData().getColumnType(column) == Types.TIMESTAMP) {
      // getLong returns the wall time's milliseconds read as UTC, as Avatica (1.27) keeps them,
      // embedded and remote. Through a Timestamp in the JVM's zone, a wall time that daylight
      // saving time skips, such as 02:30 on the day it starts, would come back an hour later.
      long millis = rows.getLong(column);
      if (rows.wasNull()) {
        return null;
      }
      long seconds = Math.floorDiv(millis, 1000L);
      int nanos = (int) Math.floorMod(millis, 1000L) * 1_000_000;
      return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }
    if (type == LocalDateTime.class) {
      Timestamp timestamp = rows.getTimestamp(column);
      return timestamp == null ? null : timestamp.toLocalDateTime();
    }
    if (type == LocalTime.class) {
      // Time.toLocalTime() drops the fraction of a second, so go through Timestamp.
      Time time = rows.getTime(column);
      return time == null ? null : new Timestamp(time.getTime()).toLocalDateTime().toLocalTime();
    }
    throw new IllegalArgumentException("not a java.time class: " + type.getName());
  }

  /** Returns the value as the requested boxed primitive, or null for any other class. */
  private static Object convertToBoxedPrimitive(ResultSet rows, int column, Class<?> type)
      throws SQLException {
    if (type == Long.class) {
      return rows.getLong(column);
    }
    if (type == Integer.class) {
      return rows.getInt(column);
    }
    if (type == Short.class) {
      return rows.getShort(column);
    }
    if (type == Byte.class) {
      return rows.getByte(column);
    }
    if (type == Double.class) {
      return rows.getDouble(column);
    }
    if (type == Float.class) {
      return rows.getFloat(column);
    }
    if (type == Boolean.class) {
      return rows.getBoolean(column);
    }
    return null;
  }
}
