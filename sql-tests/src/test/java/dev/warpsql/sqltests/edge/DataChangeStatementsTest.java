package dev.warpsql.sqltests.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prepared data changes, and data changes seen from a second connection to the same database. */
class DataChangeStatementsTest {
  @Test
  void updateBindsParametersInTextOrder() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      execute(connection, "CREATE TABLE t (id INTEGER NOT NULL, name VARCHAR(10))");
      execute(connection, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE t SET name = ? WHERE id = ?")) {
        ParameterMetaData parameters = update.getParameterMetaData();
        assertThat(parameters.getParameterCount()).isEqualTo(2);
        assertThat(parameters.getParameterType(1)).isEqualTo(Types.VARCHAR);
        assertThat(parameters.getParameterType(2)).isEqualTo(Types.INTEGER);

        update.setString(1, "z");
        update.setInt(2, 2);
        assertThat(update.executeUpdate()).isEqualTo(1);
        update.setString(1, "y");
        update.setInt(2, 1);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      assertThat(names(connection)).isEqualTo("1=y,2=z");
    }
  }

  @Test
  void preparedQuerySeesLaterInserts() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      execute(connection, "CREATE TABLE t (id INTEGER NOT NULL, name VARCHAR(10))");
      try (PreparedStatement count =
              connection.prepareStatement("SELECT COUNT(*) FROM t WHERE name = 'new'");
          PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        assertThat(single(count)).isZero();
        insert.setInt(1, 1);
        insert.setString(2, "new");
        assertThat(insert.executeUpdate()).isEqualTo(1);
        assertThat(single(count)).isEqualTo(1);
      }
    }
  }

  @Test
  void stringParameterAsValueIsReturned() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      execute(connection, "CREATE TABLE t (id INTEGER)");
      execute(connection, "INSERT INTO t VALUES (1), (2)");
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT id, CAST(? AS VARCHAR(5)) AS tag FROM t ORDER BY id")) {
        query.setString(1, "x");
        try (ResultSet rows = query.executeQuery()) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(2)).isEqualTo("x");
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(2)).isEqualTo("x");
        }
      }
    }
  }

  @Test
  void longStringsAreRejectedOnStore() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      execute(connection, "CREATE TABLE t (id INTEGER NOT NULL, name VARCHAR(3))");
      execute(connection, "INSERT INTO t VALUES (1, 'a')");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)");
          PreparedStatement update =
              connection.prepareStatement("UPDATE t SET name = ? WHERE id = ?")) {
        insert.setInt(1, 2);
        insert.setString(2, "abcd");
        assertThatThrownBy(insert::executeUpdate)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("'abcd'")
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("22001");

        update.setString(1, "wxyz");
        update.setInt(2, 1);
        assertThatThrownBy(update::executeUpdate)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("'wxyz'")
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("22001");

        // Spaces past the length are cut, as the SQL standard's store assignment does. DuckDB,
        // which ignores VARCHAR lengths, would keep them.
        insert.setString(2, "abc   ");
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
      execute(connection, "INSERT INTO t SELECT 3, 'xy' || '    '");
      execute(connection, "UPDATE t SET name = 'z      ' WHERE id = 1");
      // An explicit CAST cuts any characters, as the standard's CAST does (DuckDB keeps them).
      execute(connection, "INSERT INTO t SELECT 4, CAST('uvwxyz' AS VARCHAR(3))");
      assertThat(names(connection)).isEqualTo("1=z  ,2=abc,3=xy ,4=uvw");
    }
  }

  @Test
  void decimalParameterBeyondTypeIsRejected() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      execute(connection, "CREATE TABLE t (d DECIMAL(10, 2))");
      execute(connection, "INSERT INTO t VALUES (1.5)");
      try (PreparedStatement query =
          connection.prepareStatement("SELECT COUNT(*) FROM t WHERE d < ?")) {
        query.setBigDecimal(1, new java.math.BigDecimal("100000000000"));
        assertThatThrownBy(query::executeQuery)
            .isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("22018");
      }
    }
  }

  @Test
  void selfJoinReadsOneVersionDuringUpdates() throws Exception {
    String url = "jdbc:warp:mem:snapshot_" + System.nanoTime();
    try (Connection writer = DriverManager.getConnection(url);
        Connection reader = DriverManager.getConnection(url)) {
      execute(writer, "CREATE TABLE t (v INTEGER)");
      execute(writer, "INSERT INTO t VALUES (1)");
      Thread flipper =
          new Thread(
              () -> {
                try (Statement statement = writer.createStatement()) {
                  for (int i = 0; i < 150; i++) {
                    statement.executeUpdate("UPDATE t SET v = -v");
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      flipper.start();
      // Both sides of the join must read the same version, so the sum is 2 or -2, never 0.
      while (flipper.isAlive()) {
        try (Statement statement = reader.createStatement();
            ResultSet rows =
                statement.executeQuery(
                    "SELECT a.v + b.v FROM t a JOIN t b ON a.v * a.v = b.v * b.v")) {
          assertThat(rows.next()).isTrue();
          assertThat(Math.abs(rows.getInt(1))).isEqualTo(2);
        }
      }
      flipper.join();
    }
  }

  @Test
  void getTablesSeesTablesCreatedLater() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      execute(connection, "CREATE TABLE first_table (a INTEGER)");
      assertThat(tableNames(connection)).contains("first_table");

      execute(connection, "CREATE TABLE second_table (a INTEGER)");

      assertThat(tableNames(connection)).contains("first_table", "second_table");
    }
  }

  @Test
  void otherConnectionSeesCommittedChanges() throws SQLException {
    String url = "jdbc:warp:mem:data_change_" + System.nanoTime();
    try (Connection writer = DriverManager.getConnection(url);
        Connection reader = DriverManager.getConnection(url)) {
      execute(writer, "CREATE SCHEMA staging");
      execute(writer, "CREATE TABLE staging.t (id INTEGER)");
      execute(writer, "INSERT INTO staging.t VALUES (1), (2)");
      try (Statement statement = reader.createStatement();
          ResultSet rows = statement.executeQuery("SELECT SUM(id) FROM staging.t")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(3);
      }
      execute(writer, "DROP TABLE staging.t");
      assertThatThrownBy(() -> execute(reader, "SELECT * FROM staging.t"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42P01");
    }
  }

  @Test
  void preparedQueryOfDroppedTableFailsClearly() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      execute(connection, "CREATE TABLE t (id INTEGER)");
      try (PreparedStatement query = connection.prepareStatement("SELECT * FROM t")) {
        execute(connection, "DROP TABLE t");
        assertThatThrownBy(query::executeQuery)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("was dropped after the statement was prepared")
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42P01");
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long single(PreparedStatement query) throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      assertThat(rows.next()).isTrue();
      return rows.getLong(1);
    }
  }

  private static String names(Connection connection) throws SQLException {
    StringBuilder text = new StringBuilder();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, name FROM t ORDER BY id")) {
      while (rows.next()) {
        text.append(text.isEmpty() ? "" : ",").append(rows.getInt(1)).append('=');
        text.append(rows.getString(2));
      }
    }
    return text.toString();
  }

  private static List<String> tableNames(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", null)) {
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
