package dev.warpsql.driver.remote;

import dev.warpsql.driver.JdbcErrors;
import dev.warpsql.driver.ParameterObjects;
import java.io.InputStream;
import java.io.Reader;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Types;
import java.util.List;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * A prepared statement of a {@link RemoteConnection}, whose {@link #cancel()} reaches the server.
 *
 * <p>Avatica leaves the JDBC 4.1 parameter setters to subclasses, so this class passes each to the
 * parameter's {@code AvaticaSite}, as Avatica's own JDBC 4.1 statement does.
 */
final class RemotePreparedStatement extends AvaticaPreparedStatement {
  RemotePreparedStatement(
      RemoteConnection connection,
      Meta.StatementHandle handle,
      Meta.Signature signature,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability)
      throws SQLException {
    super(connection, handle, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  /** Stops this statement's running query on the server; see {@link RemoteConnection}. */
  @Override
  public void cancel() throws SQLException {
    checkOpen();
    ((RemoteConnection) connection).cancel(this);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    checkBound();
    try {
      return super.executeQuery();
    } catch (SQLException e) {
      throw JdbcErrors.clean(e, null);
    }
  }

  @Override
  public boolean execute() throws SQLException {
    checkBound();
    return super.execute();
  }

  /** Runs a change; {@code executeUpdate}, which Avatica makes final, passes through here. */
  @Override
  public long executeLargeUpdate() throws SQLException {
    checkBound();
    return super.executeLargeUpdate();
  }

  /**
   * Rejects an execution with a parameter not set. Avatica's own check (1.27) raises a SQLException
   * without SQLSTATE and parameter number, which reaches the caller as SQLSTATE 00000.
   */
  private void checkBound() throws SQLException {
    List<TypedValue> values = getParameterValues();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new SQLException(
            "parameter "
                + (i + 1)
                + " has no value; bind every ? with a setter such as setInt or setNull",
            "07001");
      }
    }
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    int type = type(parameterIndex);
    super.setObject(parameterIndex, ParameterObjects.bindable(parameterIndex, x, type));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    super.setObject(
        parameterIndex, ParameterObjects.bindable(parameterIndex, x, targetSqlType), targetSqlType);
  }

  /** Returns a parameter's JDBC type, or {@code Types.OTHER} for an index out of range. */
  private int type(int parameterIndex) throws SQLException {
    ParameterMetaData parameters = getParameterMetaData();
    if (parameterIndex < 1 || parameterIndex > parameters.getParameterCount()) {
      return Types.OTHER;
    }
    return parameters.getParameterType(parameterIndex);
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    getSite(parameterIndex).setRowId(x);
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    getSite(parameterIndex).setNString(value);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length)
      throws SQLException {
    getSite(parameterIndex).setNCharacterStream(value, length);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    getSite(parameterIndex).setNCharacterStream(value);
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    getSite(parameterIndex).setNClob(value);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setNClob(reader, length);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setNClob(reader);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setClob(reader, length);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setClob(reader);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length)
      throws SQLException {
    getSite(parameterIndex).setBlob(inputStream, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    getSite(parameterIndex).setBlob(inputStream);
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    getSite(parameterIndex).setSQLXML(xmlObject);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    getSite(parameterIndex).setAsciiStream(x, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    getSite(parameterIndex).setAsciiStream(x);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    getSite(parameterIndex).setBinaryStream(x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    getSite(parameterIndex).setBinaryStream(x);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length)
      throws SQLException {
    getSite(parameterIndex).setCharacterStream(reader, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setCharacterStream(reader);
  }
}
