package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks on the SQL text and the wording of statement errors. */
class WarpStatementTest {
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
  void nullSqlIsRejected() {
    assertThatThrownBy(() -> statement.execute(null))
        .isInstanceOf(SQLException.class)
        .hasMessage("SQL statement is null")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("HY009");
  }

  @Test
  void emptySqlIsSyntaxError() {
    for (String sql : new String[] {"", "   "}) {
      assertThatThrownBy(() -> statement.execute(sql))
          .isInstanceOf(SQLException.class)
          .hasMessageStartingWith("empty statement")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42601");
    }
  }

  /** Calcite replaces the reason of a failed prepare with "Error while preparing statement". */
  @Test
  void failedPrepareKeepsReason() {
    assertThatThrownBy(() -> connection.prepareStatement("SELECT ?"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Illegal use of dynamic parameter")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42000");
    assertThatThrownBy(() -> connection.prepareStatement("SELECT no_such_column FROM (VALUES (1))"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no_such_column")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42703");
  }

  @Test
  void executeUpdateRejectsQuery() {
    assertThatThrownBy(() -> statement.executeUpdate("SELECT 1"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("executeQuery")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("07000");
  }

  @Test
  void preparedExecuteUpdateRejectsQuery() throws SQLException {
    try (PreparedStatement prepared = connection.prepareStatement("SELECT 1")) {
      assertThatThrownBy(prepared::executeUpdate)
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("07000");
    }
  }

  @Test
  void errorMessageLeavesOutSqlText() {
    String sql = "SELECT no_such_column FROM (VALUES (1)) AS t (x)";

    assertThatThrownBy(() -> statement.executeQuery(sql))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no_such_column")
        .hasMessageNotContaining("Error while executing SQL")
        .hasMessageNotContaining("(42703)")
        .hasMessageNotContaining(sql)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42703");
  }

  @Test
  void preparedExecutionErrorKeepsEngineMessage() throws SQLException {
    try (PreparedStatement prepared = connection.prepareStatement("SELECT 1 / ?")) {
      prepared.setInt(1, 0);

      assertThatThrownBy(() -> prepared.executeQuery().next())
          .isInstanceOf(SQLException.class)
          .hasMessageStartingWith("division by zero")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22012");
    }
  }
}
