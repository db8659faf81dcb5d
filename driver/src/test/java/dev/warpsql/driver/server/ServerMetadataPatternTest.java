package dev.warpsql.driver.server;

import dev.warpsql.driver.MetadataPatternCases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Metadata patterns over a remote connection, which the server passes to the engine unchanged. */
class ServerMetadataPatternTest extends MetadataPatternCases {
  private static WarpServer server;
  private static Connection connection;

  @BeforeAll
  static void startServer() throws Exception {
    server = WarpServer.start(ServerConfig.defaults().withPort(0));
    connection = DriverManager.getConnection(server.jdbcUrl());
    createObjects(connection);
  }

  @AfterAll
  static void stopServer() throws SQLException {
    connection.close();
    server.close();
  }

  @Override
  protected Connection connection() {
    return connection;
  }
}
