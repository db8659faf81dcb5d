package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JDBC 4.2 conversions in {@code getObject(int, Class)} and result set metadata. */
class WarpResultSetTest {
  private static final String SQL =
      "SELECT DATE '1996-03-13' AS d, TIMESTAMP '1996-03-13 10:11:12.345' AS ts, "
          + "TIME '10:11:12' AS t, CAST(12.34 AS DECIMAL(15, 2)) AS amount, "
          + "CAST(NULL AS DATE) AS missing";

  private Connection connection;
  private Statement statement;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:warp:mem:");
    statement = connection.createStatement();
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void getObjectConvertsToJavaTime() throws SQLException {
    try (ResultSet resultSet = statement.executeQuery(SQL)) {
      assertThat(resultSet.next()).isTrue();

      assertThat(resultSet.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(1996, 3, 13));
      assertThat(resultSet.getObject("ts", LocalDateTime.class))
          .isEqualTo(LocalDateTime.of(1996, 3, 13, 10, 11, 12, 345_000_000));
      assertThat(resultSet.getObject(3, LocalTime.class)).isEqualTo(LocalTime.of(10, 11, 12));
      assertThat(resultSet.getObject(4, BigDecimal.class)).isEqualTo(new BigDecimal("12.34"));
    }
  }

  /** 02:30 on 2024-03-10 does not exist in New York, where clocks jump from 02:00 to 03:00. */
  @Test
  void localDateTimeInDstGap() throws SQLException {
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    try (Connection newYork = DriverManager.getConnection("jdbc:warp:mem:");
        Statement query = newYork.createStatement();
        ResultSet resultSet =
            query.executeQuery("SELECT TIMESTAMP '2024-03-10 02:30:00.123456' AS ts")) {
      assertThat(resultSet.next()).isTrue();

      assertThat(resultSet.getObject(1, LocalDateTime.class))
          .isEqualTo(LocalDateTime.of(2024, 3, 10, 2, 30, 0, 123_000_000));
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void getObjectReturnsNullForNull() throws SQLException {
    try (ResultSet resultSet = statement.executeQuery(SQL)) {
      assertThat(resultSet.next()).isTrue();

      assertThat(resultSet.getObject(5, LocalDate.class)).isNull();
      assertThat(resultSet.getObject(5, String.class)).isNull();
    }
  }

  @Test
  void getObjectRejectsUnsupportedClass() throws SQLException {
    try (ResultSet resultSet = statement.executeQuery(SQL)) {
      assertThat(resultSet.next()).isTrue();

      assertThatThrownBy(() -> resultSet.getObject(4, StringBuilder.class))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("java.lang.StringBuilder")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("07006");
    }
  }

  @Test
  void dateAndTimestampPrecisionIsStandard() throws SQLException {
    try (ResultSet resultSet = statement.executeQuery(SQL)) {
      ResultSetMetaData metaData = resultSet.getMetaData();

      assertThat(metaData.getPrecision(1)).isEqualTo(10);
      assertThat(metaData.getPrecision(2)).isEqualTo("1996-03-13 10:11:12.345".length());
      assertThat(metaData.getPrecision(4)).isEqualTo(15);
      assertThat(metaData.getScale(4)).isEqualTo(2);
    }
  }

  @Test
  void timestampPrecisionIsTheLengthOfItsText() throws SQLException {
    String sql =
        "SELECT TIMESTAMP '1996-03-13 10:11:12', CAST('1996-03-13 10:11:12' AS TIMESTAMP),"
            + " DATE '1996-03-13'";
    try (ResultSet resultSet = statement.executeQuery(sql)) {
      ResultSetMetaData metaData = resultSet.getMetaData();

      // The literal has no fraction, TIMESTAMP(0); the cast has the default six digits.
      assertThat(metaData.getPrecision(1)).isEqualTo("1996-03-13 10:11:12".length());
      assertThat(metaData.getPrecision(2)).isEqualTo("1996-03-13 10:11:12.000000".length());
      assertThat(metaData.getPrecision(3)).isEqualTo(10);
    }
  }
}
