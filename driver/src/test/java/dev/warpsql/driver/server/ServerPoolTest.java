package dev.warpsql.driver.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A HikariCP pool of remote connections under load from as many threads as it has connections. */
class ServerPoolTest {
  private static final int POOL_SIZE = 8;
  private static final Duration LOAD_TIME = Duration.ofSeconds(3);

  /** Orders per customer key at scale factor 0.01, so each thread can check its own results. */
  private static final String ORDERS_OF_CUSTOMER =
      "SELECT COUNT(*), SUM(o_totalprice) FROM orders WHERE o_custkey = ?";

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
  void eightThreadsShareEightConnectionsWithoutErrors() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(POOL_SIZE);
    config.setConnectionTimeout(10_000);
    config.setPoolName("warpsql-load-test");
    Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicLong queries = new AtomicLong();

    try (HikariDataSource pool = new HikariDataSource(config)) {
      long[] expected = expectedOrderCounts(pool);
      ExecutorService threads = Executors.newFixedThreadPool(POOL_SIZE);
      long deadline = System.nanoTime() + LOAD_TIME.toNanos();
      List<Future<?>> workers = new ArrayList<>();
      for (int worker = 0; worker < POOL_SIZE; worker++) {
        int first = worker;
        workers.add(
            threads.submit(() -> runQueries(pool, first, expected, deadline, queries, errors)));
      }
      for (Future<?> worker : workers) {
        worker.get(LOAD_TIME.toSeconds() + 30, TimeUnit.SECONDS);
      }
      threads.shutdown();

      assertThat(errors).as("errors of the worker threads").isEmpty();
      assertThat(queries.get()).as("queries run").isGreaterThanOrEqualTo(POOL_SIZE);
      assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
      assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(POOL_SIZE);
      assertThat(server.meta().connectionCount()).isEqualTo(POOL_SIZE);
      try (Connection connection = pool.getConnection()) {
        assertThat(connection.isValid(5)).isTrue();
      }
    }

    assertThat(server.meta().connectionCount())
        .as("server connections after the pool closed")
        .isZero();
  }

  /** Returns the order count of customer keys 1 to 100, by key, read once before the load. */
  private static long[] expectedOrderCounts(HikariDataSource pool) throws SQLException {
    long[] counts = new long[101];
    try (Connection connection = pool.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT o_custkey, COUNT(*) FROM orders WHERE o_custkey <= 100 GROUP BY o_custkey");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        counts[rows.getInt(1)] = rows.getLong(2);
      }
    }
    return counts;
  }

  private static void runQueries(
      HikariDataSource pool,
      int first,
      long[] expected,
      long deadline,
      AtomicLong queries,
      Queue<Throwable> errors) {
    int customer = first + 1;
    while (System.nanoTime() < deadline) {
      try (Connection connection = pool.getConnection();
          PreparedStatement statement = connection.prepareStatement(ORDERS_OF_CUSTOMER)) {
        statement.setInt(1, customer);
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          if (rows.getLong(1) != expected[customer]) {
            errors.add(
                new AssertionError(
                    "customer "
                        + customer
                        + ": "
                        + rows.getLong(1)
                        + " orders, expected "
                        + expected[customer]));
          }
        }
        queries.incrementAndGet();
      } catch (SQLException | RuntimeException e) {
        errors.add(e);
      }
      customer = customer % 100 + 1;
    }
  }
}
