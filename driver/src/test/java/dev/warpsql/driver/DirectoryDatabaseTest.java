package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Databases in a directory: what survives a restart, a second process, and a crash. */
class DirectoryDatabaseTest {
  @TempDir Path directory;

  private String url() {
    return "jdbc:warp:file:" + directory;
  }

  @Test
  void everyTypeSurvivesRestart() throws SQLException {
    List<String> before;
    try (Connection connection = DriverManager.getConnection(url())) {
      execute(
          connection,
          "CREATE TABLE every_type (b BOOLEAN, ti TINYINT, si SMALLINT, i INTEGER NOT NULL,"
              + " bi BIGINT, r REAL, d DOUBLE, amount DECIMAL(18, 4), dt DATE, tm TIME,"
              + " ts TIMESTAMP, s VARCHAR, s5 VARCHAR(5))");
      execute(
          connection,
          "INSERT INTO every_type VALUES"
              + " (TRUE, 127, -32768, 1, 9223372036854775807, 1.5, -2.25, 12345678901234.5678,"
              + " DATE '2024-02-29', TIME '23:59:59', TIMESTAMP '2024-02-29 12:34:56.123456',"
              + " 'hello', 'five5'),"
              + " (NULL, NULL, NULL, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
      execute(connection, "CREATE VIEW positive AS SELECT i, s FROM every_type WHERE bi > 0");
      before = rows(connection, "SELECT * FROM every_type ORDER BY i");
    }

    try (Connection connection = DriverManager.getConnection(url())) {
      assertThat(rows(connection, "SELECT * FROM every_type ORDER BY i")).isEqualTo(before);
      assertThat(rows(connection, "SELECT * FROM positive")).containsExactly("1|hello");
      String nullIds =
          "INSERT INTO every_type (i) SELECT CASE WHEN i > 9 THEN i END FROM every_type";
      assertThatThrownBy(() -> execute(connection, nullIds))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23502");
    }
  }

  @Test
  void changesAndDropsSurviveRestart() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url())) {
      execute(connection, "CREATE SCHEMA sales");
      execute(connection, "CREATE TABLE sales.t (id INTEGER, name VARCHAR)");
      execute(connection, "INSERT INTO sales.t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
      execute(connection, "UPDATE sales.t SET name = 'z' WHERE id = 2");
      execute(connection, "DELETE FROM sales.t WHERE id = 3");
      execute(connection, "CREATE TABLE sales.gone AS SELECT * FROM sales.t");
      execute(connection, "DROP TABLE sales.gone");
    }
    try (Connection connection = DriverManager.getConnection(url())) {
      assertThat(rows(connection, "SELECT id, name FROM sales.t ORDER BY id"))
          .containsExactly("1|a", "2|z");
      assertThatThrownBy(() -> rows(connection, "SELECT * FROM sales.gone"))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void connectionsOfOneProcessShareTheDatabase() throws SQLException {
    try (Connection first = DriverManager.getConnection(url());
        Connection second = DriverManager.getConnection(url())) {
      execute(first, "CREATE TABLE t (id INTEGER)");
      execute(first, "INSERT INTO t VALUES (7)");
      assertThat(rows(second, "SELECT id FROM t")).containsExactly("7");
    }
  }

  @Test
  void secondProcessIsRejectedWhileFirstHasIt() throws Exception {
    Process writer = startWriter();
    try {
      awaitCommittedBatches(writer, 1);
      assertThatThrownBy(() -> DriverManager.getConnection(url()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("is open in another process")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("55P03");
    } finally {
      writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void killedWriterLeavesWholeBatches() throws Exception {
    int killedAfter = 0;
    for (int round = 1; round <= 3; round++) {
      Process writer = startWriter();
      try {
        killedAfter = awaitCommittedBatches(writer, round * 2);
      } finally {
        writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      try (Connection connection = DriverManager.getConnection(url())) {
        List<String> summary =
            rows(
                connection,
                "SELECT COUNT(*), COUNT(DISTINCT batch), MIN(batch), MAX(batch), MIN(seq),"
                    + " MAX(seq) FROM batches");
        String[] figures = summary.get(0).split("\\|");
        long count = Long.parseLong(figures[0]);
        long batches = Long.parseLong(figures[1]);
        assertThat(count).isEqualTo(batches * DirectoryWriterProcess.ROWS_PER_BATCH);
        assertThat(Long.parseLong(figures[2])).isZero();
        assertThat(Long.parseLong(figures[3])).isEqualTo(batches - 1);
        assertThat(batches).isGreaterThanOrEqualTo(killedAfter + 1L);
        assertThat(rows(connection, "SELECT COUNT(*) FROM batches WHERE tag IS NULL"))
            .containsExactly("0");
      }
    }
  }

  private Process startWriter() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            DirectoryWriterProcess.class.getName(),
            directory.toString());
    builder.redirectErrorStream(true);
    return builder.start();
  }

  /** Waits until the writer printed at least {@code batches} commits; returns the last batch. */
  private static int awaitCommittedBatches(Process writer, int batches) throws IOException {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    int seen = 0;
    int last = -1;
    String line;
    while (seen < batches && (line = output.readLine()) != null) {
      lines.add(line);
      if (line.startsWith("committed ")) {
        last = Integer.parseInt(line.substring("committed ".length()));
        seen++;
      }
    }
    assertThat(seen).as("writer output: %s", lines).isEqualTo(batches);
    return last;
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
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
