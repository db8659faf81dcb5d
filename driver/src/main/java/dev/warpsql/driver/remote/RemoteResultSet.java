package dev.warpsql.driver.remote;

import dev.warpsql.driver.ColumnValueConverter;
import dev.warpsql.driver.TemporalPrecision;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Types;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A result set of a remote connection: Avatica's, with JDBC 4.2's {@code getObject(int, Class)},
 * which Avatica's accessors (1.27) reject for every class, and with the unchecked failures of its
 * fetches raised as SQLExceptions (see {@link RemoteErrors}).
 *
 * <p>Of the navigation methods only {@link #next()} sends requests: it fetches the next frame. The
 * getters read the current row, which is already on the client.
 */
final class RemoteResultSet extends AvaticaResultSet {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteResultSet.class);

  RemoteResultSet(
      AvaticaStatement statement,
      QueryState state,
      Meta.Signature signature,
      ResultSetMetaData metaData,
      TimeZone timeZone,
      Meta.Frame firstFrame)
      throws SQLException {
    super(statement, state, signature, metaData, timeZone, firstFrame);
  }

  @Override
  public boolean next() throws SQLException {
    return RemoteErrors.call(connectionId(), super::next);
  }

  /**
   * Closes this result set, and its statement when {@code closeOnCompletion} is set. Avatica's
   * {@code close} declares no SQLException, so a failed request to close the statement is logged
   * instead: the server frees the statement when its connection closes or expires.
   */
  @Override
  public void close() {
    try {
      super.close();
    } catch (RuntimeException e) {
      LOG.warn(
          "closing statement {} of connection {} failed: {}",
          statement == null ? "?" : statement.getId(),
          connectionId(),
          e.getMessage());
    }
  }

  /**
   * Returns a column's value as text. TIME and TIMESTAMP values get as many fraction digits as
   * their column type has, as in the embedded driver. Avatica's accessor (1.27) would take the JDBC
   * precision that the server sends, the length of the text, as the number of digits.
   */
  @Override
  public String getString(int columnIndex) throws SQLException {
    checkOpen();
    if (columnIndex < 1 || columnIndex > columnMetaDataList.size()) {
      return super.getString(columnIndex);
    }
    ColumnMetaData column = columnMetaDataList.get(columnIndex - 1);
    int type = column.type.id;
    int digits = TemporalPrecision.fractionDigits(type, column.precision);
    return switch (type) {
      case Types.TIMESTAMP -> {
        // getLong returns the milliseconds that the server sent. A Timestamp, even one read with a
        // UTC calendar, passes through the JVM's zone, which moves a wall time that daylight
        // saving time skips there by an hour.
        // NOTE: a server whose JVM runs in such a zone sends that wall time already moved.
        long millis = getLong(columnIndex);
        yield wasNull() ? null : DateTimeUtils.unixTimestampToString(millis, digits);
      }
      case Types.TIME -> {
        Time value = getTime(columnIndex, utc());
        yield value == null ? null : DateTimeUtils.unixTimeToString((int) value.getTime(), digits);
      }
      default -> super.getString(columnIndex);
    };
  }

  @Override
  public String getString(String columnLabel) throws SQLException {
    return getString(findColumn(columnLabel));
  }

  /**
   * Returns a UTC calendar, with which Avatica's getters return the value as the server sent it.
   */
  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
  }

  private String connectionId() {
    return statement == null ? "?" : statement.connection.id;
  }

  /** Returns the value of a column as the requested class; see {@link ColumnValueConverter}. */
  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    checkOpen();
    return ColumnValueConverter.getObject(this, columnIndex, type);
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return getObject(findColumn(columnLabel), type);
  }
}
