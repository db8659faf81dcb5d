package dev.warpsql.driver.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queries, parameters and value types over a remote connection to a real server. */
class ServerQueryTest {
  private static WarpServer server;

  private Connection connection;

  @BeforeAll
  static void startServer() throws Exception {
    server = WarpServer.start(ServerConfig.defaults().withPort(0).withTpch(0.01));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void connect() throws SQLException {
    connection = DriverManager.getConnection(server.jdbcUrl());
  }

  @AfterEach
  void disconnect() throws SQLException {
    connection.close();
  }

  @Test
  void failedExecuteLogsConnectionAndStatement() throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT 10 / ? FROM (VALUES (1)) AS t (x)");
        LogCapture log = LogCapture.of(ErrorReportingService.class)) {
      statement.setInt(1, 0);

      assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class);
      String connectionId = connection.unwrap(AvaticaConnection.class).id;
      int statementId = statement.unwrap(AvaticaStatement.class).getId();
      assertThat(log.warnings()).hasSize(1);
      assertThat(log.warnings().get(0).getFormattedMessage())
          .startsWith("ExecuteRequest of connection " + connectionId + ", statement " + statementId)
          .doesNotContain("connection ?");
    }
  }

  @Test
  void countOverRemoteConnection() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM main.lineitem")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(60175L);
    }
  }

  @Test
  void avaticaUrlReachesSameServer() throws SQLException {
    String url = "jdbc:avatica:remote:url=" + server.url() + ";serialization=protobuf";
    try (Connection avatica = DriverManager.getConnection(url);
        Statement statement = avatica.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM region")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(5L);
    }
  }

  @Test
  void jsonSerializationIsRejected() {
    assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl() + ";serialization=json"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("protobuf")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
  }

  @Test
  void unreachableServerRaisesConnectionError() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:warp:remote:url=http://127.0.0.1:1"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("127.0.0.1:1")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
  }

  @Test
  void preparedStatementBindsParameters() throws SQLException {
    String sql = "SELECT COUNT(*) FROM lineitem WHERE l_quantity = ? AND l_shipdate < ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setBigDecimal(1, new BigDecimal("17"));
      statement.setDate(2, Date.valueOf("1995-01-01"));
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isPositive();
      }
    }
  }

  @Test
  void decimalComesBackAsBigDecimalWithScale() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT l_extendedprice FROM lineitem ORDER BY l_orderkey, l_linenumber LIMIT 1")) {
      ResultSetMetaData metaData = rows.getMetaData();
      assertThat(metaData.getColumnType(1)).isEqualTo(Types.DECIMAL);
      assertThat(metaData.getPrecision(1)).isEqualTo(15);
      assertThat(metaData.getScale(1)).isEqualTo(2);
      assertThat(rows.next()).isTrue();
      assertThat(rows.getObject(1)).isInstanceOf(BigDecimal.class);
      assertThat(rows.getBigDecimal(1).scale()).isEqualTo(2);
    }
  }

  @Test
  void dateAndTimestampKeepWallClock() throws SQLException {
    String sql =
        "SELECT DATE '1998-09-02', TIMESTAMP '1998-09-02 13:45:01.250' FROM (VALUES (1)) AS t (x)";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getDate(1)).isEqualTo(Date.valueOf("1998-09-02"));
      assertThat(rows.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(1998, 9, 2));
      assertThat(rows.getObject(2)).isInstanceOf(Timestamp.class);
      assertThat(rows.getTimestamp(2)).isEqualTo(Timestamp.valueOf("1998-09-02 13:45:01.25"));
      assertThat(rows.getObject(2, LocalDateTime.class))
          .isEqualTo(LocalDateTime.of(1998, 9, 2, 13, 45, 1, 250_000_000));
    }
  }

  @Test
  void sqlErrorKeepsEngineSqlState() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT no_such_column FROM region"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no_such_column")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42703");
    }
  }
}
