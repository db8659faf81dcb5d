package dev.warpsql.driver.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streaming, idle expiry, abandoned fetches and pool resets over a server whose connections and
 * statements expire after 2 s idle.
 */
class ServerSessionTest {
  private static final int IDLE_TIMEOUT_SECONDS = 2;
  private static final long LINEITEM_ROWS = 60175;

  private static WarpServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server =
        WarpServer.start(
            ServerConfig.defaults()
                .withPort(0)
                .withTpch(0.01)
                .withIdleTimeout(IDLE_TIMEOUT_SECONDS));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void fetchSizeStreamsRowsInFrames() throws SQLException {
    long fetchesBefore = server.meta().fetchCount();
    long rows = 0;
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(1000);
      try (ResultSet result = statement.executeQuery("SELECT l_orderkey FROM lineitem")) {
        while (result.next()) {
          rows++;
        }
      }
    }

    assertThat(rows).isEqualTo(LINEITEM_ROWS);
    assertThat(server.meta().fetchCount() - fetchesBefore).isGreaterThanOrEqualTo(60);
  }

  @Test
  void maxRowsLimitsRemoteResult() throws SQLException {
    long rows = 0;
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.setMaxRows(5000);
      statement.setFetchSize(700);
      try (ResultSet result = statement.executeQuery("SELECT l_orderkey FROM lineitem")) {
        while (result.next()) {
          rows++;
        }
      }
    }

    assertThat(rows).isEqualTo(5000);
  }

  @Test
  void idleConnectionExpiresAndReportsLostConnection() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
      assertThat(connection.isValid(5)).isTrue();

      waitFor(() -> server.meta().connectionCount() == 0);

      assertThat(connection.isValid(5)).isFalse();
      assertThatThrownBy(() -> connection.createStatement().executeQuery("SELECT 1"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("08003");
    }
  }

  @Test
  void fetchAfterExpiryRaisesLostConnection() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(100);
      ResultSet result = statement.executeQuery("SELECT l_orderkey FROM lineitem");
      for (int i = 0; i < 150; i++) {
        assertThat(result.next()).isTrue();
      }

      waitFor(() -> server.meta().connectionCount() == 0);

      assertThatThrownBy(
              () -> {
                while (result.next()) {
                  result.getLong(1);
                }
              })
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no longer has connection")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("08003");
    }
  }

  @Test
  void abandonedFetchFreesServerResources() throws Exception {
    Connection abandoned = DriverManager.getConnection(server.jdbcUrl());
    Statement statement = abandoned.createStatement();
    statement.setFetchSize(100);
    ResultSet result = statement.executeQuery("SELECT l_orderkey FROM lineitem");
    for (int i = 0; i < 150; i++) {
      assertThat(result.next()).isTrue();
    }
    assertThat(server.meta().statementCount()).isPositive();

    // The client goes away without closing anything, as a killed process would.
    waitFor(() -> server.meta().connectionCount() == 0 && server.meta().statementCount() == 0);

    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement next = connection.createStatement();
        ResultSet rows = next.executeQuery("SELECT COUNT(*) FROM region")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(5L);
    }
  }

  @Test
  void hikariPoolResetsRemoteConnections() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setMaximumPoolSize(1);
    config.setMinimumIdle(1);
    // HikariCP resets the schema only to one that the pool configuration names.
    config.setSchema("main");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection connection = pool.getConnection()) {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        connection.setSchema("metadata");
      }

      try (Connection connection = pool.getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM region")) {
        assertThat(connection.getSchema()).isEqualTo("main");
        assertThat(connection.isReadOnly()).isFalse();
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(5L);
      }
    }
  }

  @Test
  void autoCommitStaysOnLikeEmbedded() throws SQLException {
    try (Connection remote = DriverManager.getConnection(server.jdbcUrl());
        Connection embedded = DriverManager.getConnection("jdbc:warp:mem:")) {
      for (Connection connection : List.of(remote, embedded)) {
        connection.setAutoCommit(false);

        assertThat(connection.getAutoCommit()).as("%s", connection).isTrue();
        // SQLWarning is Iterable, so the cast picks AssertJ's assertions for a throwable.
        assertThat((Throwable) connection.getWarnings()).as("%s", connection).isNotNull();
        connection.commit();
        connection.rollback();
        assertThat(connection.getAutoCommit()).as("%s", connection).isTrue();
      }
    }
  }

  @Test
  void avaticaClientReadsAutoCommitOn() throws SQLException {
    String url = "jdbc:avatica:remote:url=" + server.url() + ";serialization=protobuf";
    // Avatica's own driver, not WarpSQL's: the server must report auto-commit on to any client.
    try (Connection connection =
        new org.apache.calcite.avatica.remote.Driver().connect(url, new Properties())) {
      connection.setAutoCommit(false);

      assertThat(connection.getAutoCommit()).isTrue();
      connection.commit();
      connection.rollback();
    }
  }

  /** Waits, up to four idle timeouts, for the server to reach a state. */
  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(4L * IDLE_TIMEOUT_SECONDS).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(condition.getAsBoolean()).as("server state reached in time").isTrue();
  }
}
