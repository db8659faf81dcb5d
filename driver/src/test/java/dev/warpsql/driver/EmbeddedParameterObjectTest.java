package dev.warpsql.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Objects bound with setObject on an embedded connection. */
class EmbeddedParameterObjectTest extends ParameterObjectCases {
  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:warp:mem:");
  }
}
