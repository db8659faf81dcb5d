package dev.warpsql.sqltests.server;

import dev.warpsql.driver.server.ServerConfig;
import dev.warpsql.driver.server.WarpServer;
import dev.warpsql.sqltests.QueryResult;
import dev.warpsql.sqltests.ResultComparison;
import dev.warpsql.sqltests.SqlResources;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 TPC-H queries at scale factor 0.01 through a WarpSQL server and the remote driver, with
 * the same rows as the embedded driver gives on the server's own database.
 */
class RemoteTpchTest {
  private static WarpServer server;
  private static Connection remote;
  private static Connection embedded;

  @BeforeAll
  static void startServer() throws Exception {
    server = WarpServer.start(ServerConfig.defaults().withPort(0).withTpch(0.01));
    remote = DriverManager.getConnection(server.jdbcUrl());
    embedded = DriverManager.getConnection("jdbc:warp:mem:;tpch=0.01");
  }

  @AfterAll
  static void stopServer() throws SQLException {
    try {
      remote.close();
      embedded.close();
    } finally {
      server.close();
    }
  }

  static Stream<String> queries() {
    return IntStream.rangeClosed(1, 22).mapToObj(i -> "q" + i);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void remoteMatchesEmbedded(String query) throws SQLException {
    String sql = SqlResources.readStatement("tpch/" + query + ".sql");

    QueryResult expected = QueryResult.run(embedded, sql);
    QueryResult actual = QueryResult.run(remote, sql);

    ResultComparison.assertSameResult(expected, actual);
  }
}
