package dev.warpsql.driver.remote;

import dev.warpsql.driver.JdbcErrors;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/** A statement of a {@link RemoteConnection}, whose {@link #cancel()} reaches the server. */
final class RemoteStatement extends AvaticaStatement {
  RemoteStatement(
      RemoteConnection connection,
      Meta.StatementHandle handle,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability) {
    super(connection, handle, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  /** Runs a query; a statement without rows fails with SQLSTATE 02000 (see JdbcErrors). */
  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    try {
      return super.executeQuery(sql);
    } catch (SQLException e) {
      throw JdbcErrors.clean(e, sql);
    }
  }

  /**
   * Stops this statement's running query on the server; see {@link RemoteConnection} for how.
   * Unlike Avatica's {@code cancel}, this one does not wait for the query's monitor, which the
   * executing thread holds until the server replies.
   */
  @Override
  public void cancel() throws SQLException {
    checkOpen();
    ((RemoteConnection) connection).cancel(this);
  }
}
