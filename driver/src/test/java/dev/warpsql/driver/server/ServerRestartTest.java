package dev.warpsql.driver.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls on a remote connection after the server restarted on the same port and so no longer has the
 * connection: each raises SQLException with SQLSTATE 08003, never an unchecked exception.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerRestartTest {
  private WarpServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = WarpServer.start(ServerConfig.defaults().withPort(0).withTpch(0.01));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /**
   * Stops the server and starts an empty one on the same port, which has none of the old
   * connections.
   */
  private void restartServer() throws Exception {
    int port = server.port();
    server.close();
    server = WarpServer.start(ServerConfig.defaults().withPort(port));
  }

  private static void assertLostConnection(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no longer has connection")
        .hasMessageContaining("Open a new connection")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08003");
  }

  @Test
  void fetchAfterRestartRaisesSqlException() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(100);
      ResultSet rows = statement.executeQuery("SELECT l_orderkey FROM lineitem");
      for (int i = 0; i < 150; i++) {
        assertThat(rows.next()).isTrue();
      }

      restartServer();

      assertLostConnection(
          () -> {
            while (rows.next()) {
              rows.getLong(1);
            }
          });
      rows.close();
    }
  }

  @Test
  void metadataAfterRestartRaisesSqlException() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
      DatabaseMetaData metaData = connection.getMetaData();
      restartServer();

      assertLostConnection(() -> metaData.getTables(null, null, "%", null));
      assertLostConnection(() -> metaData.getColumns(null, "main", "lineitem", "%"));
      assertLostConnection(metaData::getSchemas);
      assertLostConnection(metaData::getSQLKeywords);
    }
  }

  @Test
  void connectionCallsAfterRestartRaiseSqlException() throws Exception {
    Connection connection = DriverManager.getConnection(server.jdbcUrl());
    restartServer();

    assertLostConnection(connection::commit);
    assertLostConnection(connection::rollback);
    assertLostConnection(connection::isReadOnly);
    assertLostConnection(connection::getSchema);
    assertLostConnection(connection::getCatalog);
    assertLostConnection(connection::getTransactionIsolation);
    assertLostConnection(connection::createStatement);
    assertLostConnection(() -> connection.prepareStatement("SELECT 1"));
    connection.close();
    assertThat(connection.isClosed()).isTrue();
  }

  @Test
  void statementCloseAfterRestartSucceeds() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
      Statement statement = connection.createStatement();
      statement.setFetchSize(100);
      ResultSet rows = statement.executeQuery("SELECT l_orderkey FROM lineitem");
      assertThat(rows.next()).isTrue();
      restartServer();

      rows.close();
      statement.close();
      assertThat(statement.isClosed()).isTrue();
    }
  }
}
