package dev.warpsql.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Child process of {@link DirectoryDatabaseTest}: inserts batches of rows into a directory database
 * until it is killed, printing the number of each committed batch. Every batch is one INSERT, so
 * whatever the moment of the kill, a reopened database must hold whole batches only.
 */
public final class DirectoryWriterProcess {
  static final int ROWS_PER_BATCH = 500;

  private DirectoryWriterProcess() {}

  public static void main(String[] args) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:file:" + args[0])) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE IF NOT EXISTS batches (batch INTEGER NOT NULL, seq INTEGER, tag VARCHAR)");
      }
      int batch;
      try (Statement statement = connection.createStatement();
          var rows = statement.executeQuery("SELECT COALESCE(MAX(batch) + 1, 0) FROM batches")) {
        rows.next();
        batch = rows.getInt(1);
      }
      while (true) {
        try (Statement statement = connection.createStatement()) {
          StringBuilder values = new StringBuilder("INSERT INTO batches VALUES ");
          for (int i = 0; i < ROWS_PER_BATCH; i++) {
            values.append(i == 0 ? "" : ", ").append('(').append(batch).append(", ").append(i);
            values.append(", 'tag").append(batch % 7).append("')");
          }
          statement.executeUpdate(values.toString());
        }
        System.out.println("committed " + batch);
        System.out.flush();
        batch++;
      }
    }
  }
}
