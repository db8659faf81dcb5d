package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Transaction calls and closing, as connection pools and SQL clients use them. */
class WarpConnectionTest {
  private static void assertConnectionClosed(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(SQLException.class)
        .hasMessage("connection is closed")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08003");
  }

  @Test
  void newConnectionIsInAutoCommitMode() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      assertThat(connection.getAutoCommit()).isTrue();
    }
  }

  @Test
  void commitAndRollbackSucceed() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      connection.commit();
      connection.rollback();

      assertThat(connection.isClosed()).isFalse();
    }
  }

  @Test
  void poolResetCallsDoNotThrow() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      connection.setAutoCommit(true);
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      connection.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
      connection.setReadOnly(true);
      connection.setReadOnly(false);
      connection.rollback();
      connection.setAutoCommit(true);

      assertThat(connection.getAutoCommit()).isTrue();
      SQLWarning warning = connection.getWarnings();
      assertThat((Object) warning).isNotNull();
      assertThat(warning.getMessage()).contains("no transactions");
      connection.clearWarnings();
      assertThat((Object) connection.getWarnings()).isNull();
    }
  }

  @Test
  void closingConnectionClosesStatementsAndResultSets() throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
    Statement statement = connection.createStatement();
    ResultSet resultSet = statement.executeQuery("SELECT 1");
    PreparedStatement prepared = connection.prepareStatement("SELECT 2");

    connection.close();

    assertThat(connection.isClosed()).isTrue();
    assertThat(statement.isClosed()).isTrue();
    assertThat(resultSet.isClosed()).isTrue();
    assertThat(prepared.isClosed()).isTrue();
    assertConnectionClosed(() -> statement.executeQuery("SELECT 1"));
    assertConnectionClosed(resultSet::next);
    assertConnectionClosed(prepared::executeQuery);
    assertConnectionClosed(connection::createStatement);
    assertConnectionClosed(connection::commit);
    assertConnectionClosed(connection::getMetaData);
  }

  @Test
  void closedStatementIsForgottenByConnection() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      Statement statement = connection.createStatement();
      statement.close();

      assertThatThrownBy(() -> statement.executeQuery("SELECT 1"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("55000");
      assertThat(connection.isValid(0)).isTrue();
    }
  }

  @Test
  void statementReturnsItsConnection() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery("SELECT 1")) {
      assertThat(statement.getConnection()).isSameAs(connection);
      assertThat(resultSet.getStatement()).isSameAs(statement);
    }
  }
}
