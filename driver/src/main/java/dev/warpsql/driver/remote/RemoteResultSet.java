package dev.warpsql.driver.remote;

import dev.warpsql.driver.ColumnValueConverter;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

/**
 * A result set of a remote connection: Avatica's, with JDBC 4.2's {@code getObject(int, Class)},
 * which Avatica's accessors (1.27) reject for every class.
 */
final class RemoteResultSet extends AvaticaResultSet {
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
