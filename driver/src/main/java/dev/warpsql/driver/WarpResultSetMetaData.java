package dev.warpsql.driver;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Objects;

/** Calcite's result set metadata with JDBC's precision for date and time columns. */
final class WarpResultSetMetaData implements ResultSetMetaData {
  private final ResultSetMetaData delegate;

  WarpResultSetMetaData(ResultSetMetaData delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  private ResultSetMetaData open() {
    return delegate;
  }

  /**
   * Returns Calcite's precision, except for date and time columns, where JDBC asks for the length
   * of the character form and Calcite returns the digits of the fraction of a second (see {@link
   * TemporalPrecision}).
   */
  @Override
  public int getPrecision(int column) throws SQLException {
    return TemporalPrecision.jdbcPrecision(
        delegate.getColumnType(column), delegate.getPrecision(column));
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate.isWrapperFor(iface);
  }

  @Override
  public int getColumnCount() throws SQLException {
    return open().getColumnCount();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    return open().isAutoIncrement(column);
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return open().isCaseSensitive(column);
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    return open().isSearchable(column);
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    return open().isCurrency(column);
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return open().isNullable(column);
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return open().isSigned(column);
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return open().getColumnDisplaySize(column);
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return open().getColumnLabel(column);
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return open().getColumnName(column);
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    return open().getSchemaName(column);
  }

  @Override
  public int getScale(int column) throws SQLException {
    return open().getScale(column);
  }

  @Override
  public String getTableName(int column) throws SQLException {
    return open().getTableName(column);
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    return open().getCatalogName(column);
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return open().getColumnType(column);
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return open().getColumnTypeName(column);
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    return open().isReadOnly(column);
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    return open().isWritable(column);
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    return open().isDefinitelyWritable(column);
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return open().getColumnClassName(column);
  }
}
