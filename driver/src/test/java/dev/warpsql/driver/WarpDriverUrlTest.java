package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** URL properties and validation of the tpch scale factor. */
class WarpDriverUrlTest {
  private static void assertScaleFactorRejected(String scaleFactor) {
    Properties info = new Properties();
    info.setProperty("tpch", scaleFactor);

    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:warp:mem:", info))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("'" + scaleFactor + "'")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22023");
  }

  @Test
  void urlPropertiesFollowDatabaseName() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:url-test;tpch=0.001");
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery("SELECT COUNT(*) FROM region")) {
      assertThat(resultSet.next()).isTrue();
      assertThat(resultSet.getLong(1)).isEqualTo(5);
    } finally {
      WarpDatabase.named("url-test").close();
    }
  }

  @Test
  void privateDatabaseAcceptsUrlProperties() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:;device=cpu")) {
      assertThat(connection.getSchema()).isEqualTo("main");
    }
  }

  @Test
  void urlPropertyWithEmptyNameIsRejected() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:warp:mem:x;=0.01"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("empty name")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
  }

  @Test
  void invalidScaleFactorsAreRejected() {
    for (String scaleFactor : new String[] {"0", "-1", "NaN", "Infinity", "abc", "1e6"}) {
      assertScaleFactorRejected(scaleFactor);
    }
  }

  @Test
  void scaleFactorWithEmptyTablesIsRejected() {
    assertScaleFactorRejected("0.000001");
  }

  @Test
  void smallestScaleFactorLoads() throws SQLException {
    Properties info = new Properties();
    info.setProperty("tpch", "0.0001");
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:", info);
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery("SELECT COUNT(*) FROM supplier")) {
      assertThat(resultSet.next()).isTrue();
      assertThat(resultSet.getLong(1)).isEqualTo(1);
    }
  }
}
