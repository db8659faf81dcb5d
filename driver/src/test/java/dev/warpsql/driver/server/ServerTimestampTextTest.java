package dev.warpsql.driver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Text of date and time values from getString: the remote driver's equals the embedded one's. */
class ServerTimestampTextTest {
  private static final List<String> SETUP =
      List.of(
          "CREATE TABLE times (ts TIMESTAMP, ts3 TIMESTAMP(3), tm TIME, tm3 TIME(3), d DATE)",
          "INSERT INTO times VALUES (TIMESTAMP '1998-09-02 13:45:01',"
              + " TIMESTAMP '1998-09-02 13:45:01.1', TIME '13:45:01', TIME '13:45:01.25',"
              + " DATE '1998-09-02')",
          "INSERT INTO times VALUES (NULL, NULL, NULL, NULL, NULL)");

  private static final String LITERALS =
      "SELECT TIMESTAMP '1998-09-02 13:45:01', TIMESTAMP '1998-09-02 13:45:01.123',"
          + " CAST('1998-09-02 13:45:01.5' AS TIMESTAMP), TIME '13:45:01', DATE '1998-09-02'";

  private static WarpServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = WarpServer.start(ServerConfig.defaults().withPort(0));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** Returns "label=text" for each column of each row, read by index and by label. */
  private static List<String> texts(String url, List<String> setup, String sql)
      throws SQLException {
    List<String> texts = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      for (String change : setup) {
        statement.execute(change);
      }
      try (ResultSet rows = statement.executeQuery(sql)) {
        ResultSetMetaData metaData = rows.getMetaData();
        while (rows.next()) {
          for (int i = 1; i <= metaData.getColumnCount(); i++) {
            String label = metaData.getColumnLabel(i);
            texts.add(label + "=" + rows.getString(i));
            texts.add(label + "=" + rows.getString(label));
          }
        }
      }
    }
    return texts;
  }

  @Test
  void literalsMatchEmbedded() throws SQLException {
    List<String> embedded = texts("jdbc:warp:mem:", List.of(), LITERALS);
    List<String> remote = texts(server.jdbcUrl(), List.of(), LITERALS);

    assertThat(remote).isEqualTo(embedded);
    assertThat(remote).contains("EXPR$0=1998-09-02 13:45:01", "EXPR$1=1998-09-02 13:45:01.123");
  }

  @Test
  void columnsMatchEmbedded() throws SQLException {
    String sql = "SELECT * FROM times";
    List<String> embedded = texts("jdbc:warp:mem:", SETUP, sql);
    List<String> remote = texts(server.jdbcUrl(), SETUP, sql);

    assertThat(remote).isEqualTo(embedded);
    assertThat(remote)
        .contains(
            "ts=1998-09-02 13:45:01.000000",
            "ts3=1998-09-02 13:45:01.100000",
            "tm3=13:45:01.250000",
            "ts=null",
            "d=1998-09-02");
  }
}
