package dev.warpsql.sqltests.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY ... FROM and read_csv on real files, and the directories they may read. */
class CsvFilesTest {
  @TempDir Path root;
  private Path allowed;
  private Path outside;

  @BeforeEach
  void writeFiles() throws IOException {
    allowed = Files.createDirectories(root.resolve("allowed"));
    outside = Files.createDirectories(root.resolve("outside"));
    write(allowed.resolve("items.csv"), "id,name,price\n1,bolt,0.25\n2,nut,\n3,\"wash, er\",1.5\n");
    write(allowed.resolve("raw.txt"), "10;x\n11;NA\n");
    write(allowed.resolve("bad.csv"), "id,name,price\n4,ok,1\n5,bad,abc\n");
    write(allowed.resolve("nulls.csv"), "id,name,price\n6,ok,1\n,missing,2\n");
    write(outside.resolve("secret.csv"), "id,name,price\n99,secret,9\n");
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:warp:mem:;allow_path=" + allowed);
  }

  @Test
  void readCsvInfersColumnsFromHeader() throws SQLException {
    try (Connection connection = connect()) {
      String file = allowed.resolve("items.csv").toString();
      assertThat(rows(connection, "SELECT * FROM read_csv('" + file + "') ORDER BY id"))
          .containsExactly("1|bolt|0.25", "2|nut|null", "3|wash, er|1.50");
      assertThat(rows(connection, "SELECT SUM(price) FROM TABLE(read_csv('" + file + "'))"))
          .containsExactly("1.75");
    }
  }

  @Test
  void copyAppendsRowsAndReportsCount() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE t (id BIGINT NOT NULL, name VARCHAR(10), price DECIMAL(5, 2))");
      assertThat(
              statement.executeUpdate(
                  "COPY t FROM '" + allowed.resolve("items.csv") + "' (FORMAT csv, HEADER)"))
          .isEqualTo(3);
      assertThat(
              statement.executeUpdate(
                  "COPY t (id, name) FROM '"
                      + allowed.resolve("raw.txt")
                      + "' WITH (DELIMITER ';', NULL 'NA')"))
          .isEqualTo(2);
      assertThat(rows(connection, "SELECT * FROM t ORDER BY id"))
          .containsExactly(
              "1|bolt|0.25", "2|nut|null", "3|wash, er|1.50", "10|x|null", "11|null|null");
    }
  }

  @Test
  void largeCopyAppendsAfterExistingRows() throws SQLException, IOException {
    StringBuilder text = new StringBuilder();
    long idSum = 0;
    for (int i = 1; i <= 150_000; i++) {
      text.append(i).append("|n").append(i % 7).append('|').append(i % 100).append(".25\n");
      idSum += i;
    }
    Path file = allowed.resolve("many.csv");
    write(file, text.toString());
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE t (id BIGINT NOT NULL, name VARCHAR(4), price DECIMAL(9, 2))");
      statement.execute("INSERT INTO t VALUES (-1, 'n3', 1), (-2, 'one', 2)");
      String copy = "COPY t FROM '" + file + "' (DELIMITER '|')";

      assertThat(statement.executeUpdate(copy)).isEqualTo(150_000);
      assertThat(statement.executeUpdate(copy)).isEqualTo(150_000);

      assertThat(rows(connection, "SELECT COUNT(*), SUM(id), SUM(price) FROM t"))
          .containsExactly("300002|" + (2 * idSum - 3) + "|" + "14925003.00");
      assertThat(rows(connection, "SELECT COUNT(*) FROM t WHERE name = 'n3'"))
          .containsExactly(String.valueOf(1 + 2 * 21_429));
      assertThat(rows(connection, "SELECT id FROM t WHERE name = 'one'")).containsExactly("-2");
      assertThat(rows(connection, "SELECT name, price FROM t WHERE id = 150000"))
          .containsExactly("n4|0.25", "n4|0.25");
    }
  }

  @Test
  void badValueFailsWholeCopy() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id BIGINT NOT NULL, name VARCHAR, price DECIMAL(5, 2))");
      statement.execute("INSERT INTO t VALUES (1, 'kept', 1)");
      assertThatThrownBy(
              () -> statement.execute("COPY t FROM '" + allowed.resolve("bad.csv") + "' (HEADER)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("bad.csv")
          .hasMessageContaining("line 3")
          .hasMessageContaining("abc");
      assertThatThrownBy(
              () ->
                  statement.execute("COPY t FROM '" + allowed.resolve("nulls.csv") + "' (HEADER)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("line 3")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23502");
      assertThat(rows(connection, "SELECT * FROM t")).containsExactly("1|kept|1.00");
    }
  }

  @Test
  void preparedCopyReadsFileAtEachRun() throws SQLException, IOException {
    Path file = allowed.resolve("changing.csv");
    write(file, "id\n1\n");
    try (Connection connection = connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE t (id INTEGER)");
      }
      try (PreparedStatement copy =
          connection.prepareStatement("COPY t FROM '" + file + "' (HEADER TRUE)")) {
        assertThat(copy.executeUpdate()).isEqualTo(1);
        write(file, "id\n2\n3\n");
        assertThat(copy.executeUpdate()).isEqualTo(2);
      }
      assertThat(rows(connection, "SELECT id FROM t ORDER BY id")).containsExactly("1", "2", "3");
    }
  }

  @Test
  void pathsOutsideAllowedDirectoriesAreRejected() throws SQLException, IOException {
    Path link = allowed.resolve("link.csv");
    Files.createSymbolicLink(link, outside.resolve("secret.csv"));
    List<String> escapes =
        List.of(
            outside.resolve("secret.csv").toString(),
            allowed.resolve("../outside/secret.csv").toString(),
            outside.resolve("no-such-file.csv").toString(),
            link.toString());
    try (Connection connection = connect()) {
      for (String path : escapes) {
        assertThatThrownBy(() -> rows(connection, "SELECT * FROM read_csv('" + path + "')"))
            .as(path)
            .isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42501");
      }
    }
  }

  @Test
  void filesAreRejectedWithoutAllowedDirectory() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      String file = allowed.resolve("items.csv").toString();
      assertThatThrownBy(() -> rows(connection, "SELECT * FROM read_csv('" + file + "')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("allow_path")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42501");
    }
  }

  @Test
  void missingFileAndUnknownFormatAreReported() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INTEGER)");
      assertThatThrownBy(
              () -> statement.execute("COPY t FROM '" + allowed.resolve("none.csv") + "'"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("58P01");
      assertThatThrownBy(
              () ->
                  statement.execute(
                      "COPY t FROM '" + allowed.resolve("items.csv") + "' (FORMAT json)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("use csv or parquet")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42601");
      assertThatThrownBy(() -> statement.execute("COPY t FROM"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("expected the file path in quotes")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42601");
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i == 1 ? "" : "|").append(result.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
