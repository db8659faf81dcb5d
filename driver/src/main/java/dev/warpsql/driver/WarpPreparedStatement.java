package dev.warpsql.driver;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Types;
import java.util.Calendar;

/**
 * A prepared statement of a {@link WarpConnection}: Calcite's prepared statement, with parameter
 * handling left to Calcite, errors without Avatica's framing and wrapped result sets.
 */
final class WarpPreparedStatement extends WarpStatement implements PreparedStatement {
  private final PreparedStatement delegate;

  WarpPreparedStatement(WarpConnection connection, PreparedStatement delegate) {
    super(connection, delegate);
    this.delegate = delegate;
  }

  private PreparedStatement openPrepared() throws SQLException {
    open();
    return delegate;
  }

  private PreparedStatement openPreparedToExecute() throws SQLException {
    openToExecute();
    return delegate;
  }

  @Override
  public boolean execute() throws SQLException {
    try {
      return openPreparedToExecute().execute();
    } catch (SQLException e) {
      throw JdbcErrors.clean(e, null);
    }
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    try {
      return wrap(openPreparedToExecute().executeQuery());
    } catch (SQLException e) {
      throw JdbcErrors.clean(e, null);
    }
  }

  @Override
  public int executeUpdate() throws SQLException {
    long count = executeLargeUpdate();
    return count > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) count;
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    PreparedStatement statement = openPreparedToExecute();
    boolean returnedRows;
    try {
      returnedRows = statement.execute();
    } catch (SQLException e) {
      throw JdbcErrors.clean(e, null);
    }
    if (returnedRows) {
      rejectResultSet(statement.getResultSet(), "executeUpdate");
    }
    return statement.getLargeUpdateCount();
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    ResultSetMetaData metaData = openPrepared().getMetaData();
    return metaData == null ? null : new WarpResultSetMetaData(metaData);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    openPrepared().setNull(parameterIndex, sqlType);
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    openPrepared().setBoolean(parameterIndex, x);
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    openPrepared().setByte(parameterIndex, x);
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    openPrepared().setShort(parameterIndex, x);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    openPrepared().setInt(parameterIndex, x);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    openPrepared().setLong(parameterIndex, x);
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    openPrepared().setFloat(parameterIndex, x);
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    openPrepared().setDouble(parameterIndex, x);
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    openPrepared().setBigDecimal(parameterIndex, x);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    openPrepared().setString(parameterIndex, x);
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    openPrepared().setBytes(parameterIndex, x);
  }

  @Override
  public void setDate(int parameterIndex, java.sql.Date x) throws SQLException {
    openPrepared().setDate(parameterIndex, x);
  }

  @Override
  public void setTime(int parameterIndex, java.sql.Time x) throws SQLException {
    openPrepared().setTime(parameterIndex, x);
  }

  @Override
  public void setTimestamp(int parameterIndex, java.sql.Timestamp x) throws SQLException {
    openPrepared().setTimestamp(parameterIndex, x);
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x, int length)
      throws SQLException {
    openPrepared().setAsciiStream(parameterIndex, x, length);
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int parameterIndex, java.io.InputStream x, int length)
      throws SQLException {
    openPrepared().setUnicodeStream(parameterIndex, x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x, int length)
      throws SQLException {
    openPrepared().setBinaryStream(parameterIndex, x, length);
  }

  @Override
  public void clearParameters() throws SQLException {
    openPrepared().clearParameters();
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    PreparedStatement statement = openPrepared();
    statement.setObject(
        parameterIndex, ParameterObjects.bindable(parameterIndex, x, targetSqlType), targetSqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    PreparedStatement statement = openPrepared();
    int type = parameterType(statement, parameterIndex);
    statement.setObject(parameterIndex, ParameterObjects.bindable(parameterIndex, x, type));
  }

  /** Returns the {@code java.sql.Types} number of a JDBC type, or {@code Types.OTHER}. */
  private static int vendorType(SQLType type) {
    Integer number = type == null ? null : type.getVendorTypeNumber();
    return number == null ? Types.OTHER : number;
  }

  /**
   * Returns the JDBC type that the statement infers for a parameter, or {@code Types.OTHER} for an
   * index out of range, which the setter then rejects with its own error.
   */
  private static int parameterType(PreparedStatement statement, int parameterIndex)
      throws SQLException {
    ParameterMetaData parameters = statement.getParameterMetaData();
    if (parameterIndex < 1 || parameterIndex > parameters.getParameterCount()) {
      return Types.OTHER;
    }
    return parameters.getParameterType(parameterIndex);
  }

  @Override
  public void addBatch() throws SQLException {
    openPrepared().addBatch();
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader, int length)
      throws SQLException {
    openPrepared().setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    openPrepared().setRef(parameterIndex, x);
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    openPrepared().setBlob(parameterIndex, x);
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    openPrepared().setClob(parameterIndex, x);
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    openPrepared().setArray(parameterIndex, x);
  }

  @Override
  public void setDate(int parameterIndex, java.sql.Date x, Calendar cal) throws SQLException {
    openPrepared().setDate(parameterIndex, x, cal);
  }

  @Override
  public void setTime(int parameterIndex, java.sql.Time x, Calendar cal) throws SQLException {
    openPrepared().setTime(parameterIndex, x, cal);
  }

  @Override
  public void setTimestamp(int parameterIndex, java.sql.Timestamp x, Calendar cal)
      throws SQLException {
    openPrepared().setTimestamp(parameterIndex, x, cal);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    openPrepared().setNull(parameterIndex, sqlType, typeName);
  }

  @Override
  public void setURL(int parameterIndex, java.net.URL x) throws SQLException {
    openPrepared().setURL(parameterIndex, x);
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    return openPrepared().getParameterMetaData();
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    openPrepared().setRowId(parameterIndex, x);
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    openPrepared().setNString(parameterIndex, value);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length)
      throws SQLException {
    openPrepared().setNCharacterStream(parameterIndex, value, length);
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    openPrepared().setNClob(parameterIndex, value);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    openPrepared().setClob(parameterIndex, reader, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length)
      throws SQLException {
    openPrepared().setBlob(parameterIndex, inputStream, length);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    openPrepared().setNClob(parameterIndex, reader, length);
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    openPrepared().setSQLXML(parameterIndex, xmlObject);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    openPrepared()
        .setObject(
            parameterIndex,
            ParameterObjects.bindable(parameterIndex, x, targetSqlType),
            targetSqlType,
            scaleOrLength);
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x, long length)
      throws SQLException {
    openPrepared().setAsciiStream(parameterIndex, x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x, long length)
      throws SQLException {
    openPrepared().setBinaryStream(parameterIndex, x, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader, long length)
      throws SQLException {
    openPrepared().setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x) throws SQLException {
    openPrepared().setAsciiStream(parameterIndex, x);
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x) throws SQLException {
    openPrepared().setBinaryStream(parameterIndex, x);
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader) throws SQLException {
    openPrepared().setCharacterStream(parameterIndex, reader);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    openPrepared().setNCharacterStream(parameterIndex, value);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    openPrepared().setClob(parameterIndex, reader);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    openPrepared().setBlob(parameterIndex, inputStream);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    openPrepared().setNClob(parameterIndex, reader);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    openPrepared()
        .setObject(
            parameterIndex,
            ParameterObjects.bindable(parameterIndex, x, vendorType(targetSqlType)),
            targetSqlType,
            scaleOrLength);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    openPrepared()
        .setObject(
            parameterIndex,
            ParameterObjects.bindable(parameterIndex, x, vendorType(targetSqlType)),
            targetSqlType);
  }
}
