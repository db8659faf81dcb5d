package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Objects bound with {@code setObject}: the JDBC 4.2 date and time classes, strings for typed
 * parameters, and the errors for values that do not parse. Subclasses supply the connection,
 * embedded or remote, to a database in which this class may create tables.
 */
public abstract class ParameterObjectCases {
  private Connection connection;

  /** Returns a new connection to a database that the test may change. */
  protected abstract Connection connect() throws SQLException;

  @BeforeEach
  void createTable() throws SQLException {
    connection = connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS events");
      statement.execute(
          "CREATE TABLE events (id INTEGER, d DATE, ts TIMESTAMP, tm TIME,"
              + " amount DECIMAL(10, 2), flag BOOLEAN)");
    }
  }

  @AfterEach
  void closeConnection() throws SQLException {
    connection.close();
  }

  @Test
  void javaTimeObjectsRoundTrip() throws SQLException {
    LocalDateTime at = LocalDateTime.of(2024, 2, 29, 12, 34, 56, 125_000_000);
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, 1);
      insert.setObject(2, LocalDate.of(2024, 2, 29));
      insert.setObject(3, at);
      insert.setObject(4, LocalTime.of(23, 59, 58, 250_000_000));
      insert.setObject(5, new BigDecimal("12.50"));
      insert.setObject(6, true);
      assertThat(insert.executeUpdate()).isEqualTo(1);
    }

    try (PreparedStatement query =
        connection.prepareStatement("SELECT d, ts, tm FROM events WHERE ts >= ? AND d = ?")) {
      query.setObject(1, LocalDateTime.of(2024, 2, 29, 0, 0));
      query.setObject(2, LocalDate.of(2024, 2, 29));
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(rows.getObject(2, LocalDateTime.class)).isEqualTo(at);
        assertThat(rows.getObject(3, LocalTime.class))
            .isEqualTo(LocalTime.of(23, 59, 58, 250_000_000));
        assertThat(rows.next()).isFalse();
      }
    }
  }

  @Test
  void datesBindToStringParametersAsText() throws SQLException {
    Object[][] cases = {
      {LocalDate.of(2024, 3, 10), "2024-03-10"},
      {Timestamp.valueOf("2024-01-01 00:00:00"), "2024-01-01 00:00:00"},
      {LocalDateTime.of(2024, 1, 1, 8, 30, 0, 250_000_000), "2024-01-01 08:30:00.25"},
      {LocalTime.of(2, 30), "02:30:00"},
      {Date.valueOf("1998-09-02"), "1998-09-02"},
    };
    try (PreparedStatement query = connection.prepareStatement("SELECT CAST(? AS VARCHAR)")) {
      for (Object[] bound : cases) {
        query.setObject(1, bound[0]);
        try (ResultSet rows = query.executeQuery()) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).as("text of %s", bound[0]).isEqualTo(bound[1]);
        }
      }
    }
  }

  @Test
  void stringsBindToTypedParameters() throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, "7");
      insert.setObject(2, "2024-03-01");
      insert.setObject(3, "2024-03-01 08:30:00.5");
      insert.setObject(4, "08:30:00");
      insert.setObject(5, "3.25");
      insert.setObject(6, "TRUE");
      assertThat(insert.executeUpdate()).isEqualTo(1);
    }

    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT id, CAST(d AS VARCHAR), ts, amount, flag FROM events")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(7);
      assertThat(rows.getString(2)).isEqualTo("2024-03-01");
      assertThat(rows.getObject(3, LocalDateTime.class))
          .isEqualTo(LocalDateTime.of(2024, 3, 1, 8, 30, 0, 500_000_000));
      assertThat(rows.getBigDecimal(4)).isEqualByComparingTo("3.25");
      assertThat(rows.getBoolean(5)).isTrue();
    }
  }

  @Test
  void badStringsNameParameterAndValue() throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO events (id, d, amount) VALUES (?, ?, ?)")) {
      assertThatThrownBy(() -> insert.setObject(2, "29/02/2024"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("parameter 2 value '29/02/2024' is not a valid DATE")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22007");
      assertThatThrownBy(() -> insert.setObject(3, "12,50"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("parameter 3 value '12,50' is not a number")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22018");
      assertThatThrownBy(
              () -> insert.setObject(2, OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("OffsetDateTime")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("0A000");
    }
  }

  @Test
  void unboundParameterIsRejected() throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT id FROM events WHERE id = ?")) {
      assertThatThrownBy(query::executeQuery)
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("07001");
    }
  }

  @Test
  void queryWithoutRowsIsRejected() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("INSERT INTO events (id) VALUES (1)"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("02000");
    }
  }
}
