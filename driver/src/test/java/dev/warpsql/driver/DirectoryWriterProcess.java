package dev.warpsql.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Child process of {@link DirectoryDatabaseTest}: changes a directory database until it is killed,
 * printing a line for each committed statement. It alternates an INSERT of one batch of rows into
 * {@code batches} with a COPY of a CSV file into {@code loads}. Each is one statement, so whatever
 * the moment of the kill, a reopened database must hold whole batches and whole loads only.
 */
public final class DirectoryWriterProcess {
  static final int ROWS_PER_BATCH = 500;

  /** Rows of the CSV file that each COPY loads. */
  static final int ROWS_PER_LOAD = 2_000;

  private DirectoryWriterProcess() {}

  /** Arguments: the database directory and a scratch directory for the CSV file. */
  public static void main(String[] args) throws SQLException, IOException {
    Path csv = writeLoadFile(Path.of(args[1]));
    Properties properties = new Properties();
    properties.setProperty("allow_path", csv.getParent().toString());
    try (Connection connection =
            DriverManager.getConnection("jdbc:warp:file:" + args[0], properties);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS batches (batch INTEGER NOT NULL, seq INTEGER, tag VARCHAR)");
      statement.execute("CREATE TABLE IF NOT EXISTS loads (line INTEGER NOT NULL, v BIGINT)");
      int batch = single(statement, "SELECT COALESCE(MAX(batch) + 1, 0) FROM batches");
      while (true) {
        statement.executeUpdate(batchInsert(batch));
        report("committed insert " + batch);
        batch++;

        statement.executeUpdate("COPY loads FROM '" + csv + "' (FORMAT csv)");
        report("committed load");
      }
    }
  }

  /** Returns the sum of column v over one load of the CSV file. */
  static long loadChecksum() {
    long sum = 0;
    for (int line = 0; line < ROWS_PER_LOAD; line++) {
      sum += value(line);
    }
    return sum;
  }

  private static long value(int line) {
    return line * 7_919L - 1_000_000L;
  }

  private static Path writeLoadFile(Path scratch) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int line = 0; line < ROWS_PER_LOAD; line++) {
      text.append(line).append(',').append(value(line)).append('\n');
    }
    Path csv = scratch.resolve("load.csv");
    Files.writeString(csv, text, StandardCharsets.UTF_8);
    return csv;
  }

  private static String batchInsert(int batch) {
    StringBuilder values = new StringBuilder("INSERT INTO batches VALUES ");
    for (int i = 0; i < ROWS_PER_BATCH; i++) {
      values.append(i == 0 ? "" : ", ").append('(').append(batch).append(", ").append(i);
      values.append(", 'tag").append(batch % 7).append("')");
    }
    return values.toString();
  }

  private static int single(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void report(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
