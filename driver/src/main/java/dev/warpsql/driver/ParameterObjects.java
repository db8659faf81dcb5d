package dev.warpsql.driver;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Conversions of the objects that {@code PreparedStatement.setObject} receives into the classes
 * that Avatica binds.
 *
 * <p>Avatica (1.27) binds {@code java.sql.Date}, {@code Time} and {@code Timestamp} but passes the
 * JDBC 4.2 types {@code LocalDate}, {@code LocalTime} and {@code LocalDateTime} on unconverted,
 * which no statement then accepts. JDBC also lets a client bind a string to a DATE, TIME,
 * TIMESTAMP, numeric or BOOLEAN parameter, which Avatica does not convert either. A string that
 * does not parse raises a SQLException that names the parameter, the value and the format.
 */
public final class ParameterObjects {
  private ParameterObjects() {}

  /**
   * Returns the object to bind for {@code value} at parameter {@code index} (1-based), whose JDBC
   * type, from {@code ParameterMetaData} or the caller's target type, is {@code sqlType}.
   */
  public static Object bindable(int index, Object value, int sqlType) throws SQLException {
    if (sqlType == Types.VARCHAR || sqlType == Types.CHAR) {
      String text = temporalText(value);
      if (text != null) {
        return text;
      }
    }
    if (value instanceof LocalDate date) {
      return Date.valueOf(date);
    }
    if (value instanceof LocalDateTime dateTime) {
      return Timestamp.valueOf(dateTime);
    }
    if (value instanceof LocalTime time) {
      return timeWithMillis(time);
    }
    if (value instanceof OffsetDateTime
        || value instanceof ZonedDateTime
        || value instanceof Instant
        || value instanceof OffsetTime) {
      throw new SQLException(
          "parameter "
              + index
              + " is a "
              + value.getClass().getSimpleName()
              + ", a time with a time zone, which WarpSQL does not store; bind a LocalDateTime or"
              + " LocalTime in the zone you mean",
          "0A000");
    }
    if (value instanceof String text) {
      return parsed(index, text, sqlType);
    }
    return value;
  }

  /**
   * Returns a date or time value as the text that CAST to VARCHAR gives it, such as {@code
   * 2024-03-10 02:30:00}, or null for any other value. Avatica (1.27) would bind a date to a string
   * parameter as its internal number, such as 19792 for 2024-03-10.
   */
  private static String temporalText(Object value) {
    if (value instanceof Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof Time time) {
      return timeText(time.toLocalTime());
    }
    if (value instanceof Timestamp timestamp) {
      return dateTimeText(timestamp.toLocalDateTime());
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof LocalTime time) {
      return timeText(time);
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTimeText(dateTime);
    }
    return null;
  }

  private static String dateTimeText(LocalDateTime dateTime) {
    return dateTime.toLocalDate() + " " + timeText(dateTime.toLocalTime());
  }

  /** Returns HH:MM:SS, with the fraction of a second only when there is one. */
  private static String timeText(LocalTime time) {
    String seconds =
        String.format(
            Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
    if (time.getNano() == 0) {
      return seconds;
    }
    String fraction = String.format(Locale.ROOT, "%09d", time.getNano()).replaceAll("0+$", "");
    return seconds + "." + fraction;
  }

  /**
   * Returns the {@code Time} of a time of day with its milliseconds, which {@code Time.valueOf}
   * drops. Avatica (1.27) carries TIME parameters in milliseconds, so finer digits are cut.
   */
  private static Time timeWithMillis(LocalTime time) {
    Time whole = Time.valueOf(time);
    whole.setTime(whole.getTime() + time.getNano() / 1_000_000);
    return whole;
  }

  private static Object parsed(int index, String text, int sqlType) throws SQLException {
    String trimmed = text.trim();
    try {
      return switch (sqlType) {
        case Types.DATE -> Date.valueOf(LocalDate.parse(trimmed));
        case Types.TIME -> timeWithMillis(LocalTime.parse(trimmed));
        case Types.TIMESTAMP -> Timestamp.valueOf(LocalDateTime.parse(trimmed.replace(' ', 'T')));
        case Types.TINYINT,
            Types.SMALLINT,
            Types.INTEGER,
            Types.BIGINT,
            Types.DECIMAL,
            Types.NUMERIC,
            Types.REAL,
            Types.FLOAT,
            Types.DOUBLE ->
            new BigDecimal(trimmed);
        case Types.BOOLEAN -> bool(index, trimmed);
        default -> text;
      };
    } catch (DateTimeParseException e) {
      throw new SQLException(
          "parameter "
              + index
              + " value '"
              + text
              + "' is not a valid "
              + typeName(sqlType)
              + "; write it as "
              + format(sqlType),
          "22007",
          e);
    } catch (NumberFormatException e) {
      throw new SQLException(
          "parameter " + index + " value '" + text + "' is not a number; bind a numeric value",
          "22018",
          e);
    }
  }

  private static Boolean bool(int index, String text) throws SQLException {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default ->
          throw new SQLException(
              "parameter " + index + " value '" + text + "' is not a BOOLEAN; bind true or false",
              "22018");
    };
  }

  private static String typeName(int sqlType) {
    return switch (sqlType) {
      case Types.DATE -> "DATE";
      case Types.TIME -> "TIME";
      default -> "TIMESTAMP";
    };
  }

  private static String format(int sqlType) {
    return switch (sqlType) {
      case Types.DATE -> "'YYYY-MM-DD'";
      case Types.TIME -> "'HH:MM:SS'";
      default -> "'YYYY-MM-DD HH:MM:SS[.ffffff]'";
    };
  }
}
