package dev.warpsql.driver.server;

import dev.warpsql.driver.ParameterObjectCases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Objects bound with setObject on a remote connection to a server over a database directory. */
class ServerParameterObjectTest extends ParameterObjectCases {
  @TempDir static Path directory;

  private static WarpServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = WarpServer.start(ServerConfig.defaults().withPort(0).withDataDirectory(directory));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl());
  }
}
