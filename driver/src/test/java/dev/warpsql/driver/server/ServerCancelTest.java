package dev.warpsql.driver.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cancel, client query timeouts and the server's maximum query time, each stopping a query on the
 * server. The query is a cross join of lineitem with itself at scale factor 0.01 (3.6 billion
 * pairs), which runs for minutes unless something stops it.
 */
class ServerCancelTest {
  static final String SLOW_QUERY =
      "SELECT COUNT(*) FROM lineitem a, lineitem b WHERE a.l_orderkey + b.l_orderkey = -1";

  /**
   * Longest time from a cancel, or from the end of a timeout, until the query's execute fails; far
   * below the query's own run time of minutes. The join's candidate loop checks for a cancel every
   * few thousand row pairs, so the request's round trip makes up most of it.
   */
  private static final Duration STOP_BOUND = Duration.ofSeconds(1);

  /** The 1-second timeout and maximum query time of the tests. */
  private static final Duration TIME_LIMIT = Duration.ofSeconds(1);

  /** How long to wait for a query that should fail, before the test fails instead of hanging. */
  private static final Duration FAILURE_WAIT = Duration.ofSeconds(30);

  private static WarpServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = WarpServer.start(ServerConfig.defaults().withPort(0).withTpch(0.01));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void cancelFromAnotherThreadStopsServerQuery() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement()) {
      CompletableFuture<Long> query = CompletableFuture.supplyAsync(() -> count(statement));
      Thread.sleep(1_000);
      long started = System.nanoTime();

      statement.cancel();

      SQLException failure = failureOf(query);
      assertThat(failure.getSQLState()).isEqualTo("57014");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(STOP_BOUND);
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM region")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(5L);
      }
    }
  }

  @Test
  void cancelStopsPreparedStatement() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
        PreparedStatement statement = connection.prepareStatement(SLOW_QUERY)) {
      CompletableFuture<Long> query =
          CompletableFuture.supplyAsync(
              () -> {
                try (ResultSet rows = statement.executeQuery()) {
                  rows.next();
                  return rows.getLong(1);
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      Thread.sleep(1_000);
      long started = System.nanoTime();

      statement.cancel();

      assertThat(failureOf(query).getSQLState()).isEqualTo("57014");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(STOP_BOUND);
    }
  }

  @Test
  void queryTimeoutStopsServerQuery() throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      long started = System.nanoTime();

      assertThatThrownBy(() -> statement.executeQuery(SLOW_QUERY))
          .isInstanceOf(SQLTimeoutException.class)
          .hasMessageContaining("timed out after 1 s")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("57014");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(TIME_LIMIT.plus(STOP_BOUND));
    }
  }

  @Test
  void serverMaximumQueryTimeStopsPlainAvaticaClient() throws Exception {
    try (WarpServer limited =
        WarpServer.start(ServerConfig.defaults().withPort(0).withTpch(0.01).withMaxQueryTime(1))) {
      String url = "jdbc:avatica:remote:url=" + limited.url() + ";serialization=protobuf";
      // Avatica's own driver, not WarpSQL's: the limit must not depend on the client.
      Connection connection =
          new org.apache.calcite.avatica.remote.Driver().connect(url, new Properties());
      try (connection;
          Statement statement = connection.createStatement()) {
        // The limit counts from the start of execution, so plan the join once beforehand: the
        // first plan on a new server takes longer than the stop itself.
        statement.execute("EXPLAIN PLAN FOR " + SLOW_QUERY);
        long started = System.nanoTime();

        assertThatThrownBy(() -> statement.executeQuery(SLOW_QUERY))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("maximum query time of 1 s")
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("57014");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .isLessThan(TIME_LIMIT.plus(STOP_BOUND));
      }
    }
  }

  private static long count(Statement statement) {
    try (ResultSet rows = statement.executeQuery(SLOW_QUERY)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for a query that must fail and returns its SQLException. */
  private static SQLException failureOf(CompletableFuture<?> query) throws Exception {
    try {
      query.get(FAILURE_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause != null && !(cause instanceof SQLException)) {
        cause = cause.getCause();
      }
      assertThat(cause).as("cause of the failed query").isInstanceOf(SQLException.class);
      return (SQLException) cause;
    }
    throw new AssertionError("the query finished instead of being canceled");
  }
}
