package dev.warpsql.driver.cli;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.load.FileAccess;
import dev.warpsql.executor.load.LoadProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code warp load}: one COPY, or one CREATE TABLE ... AS over read_csv or read_parquet, on a
 * database directory. The statement runs on a worker thread while this thread redraws the progress
 * bar from the bytes that the load has read.
 */
final class LoadCommand {
  private static final long REDRAW_MILLIS = 200;

  private final LoadOptions options;

  LoadCommand(LoadOptions options) {
    this.options = options;
  }

  /**
   * Loads the file and prints the row count to {@code out}.
   *
   * @param progress where to draw the progress bar, or null for none
   */
  void run(PrintStream out, PrintStream progress) throws IOException, SQLException {
    Path file = options.file().toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new IOException("file not found: " + options.file() + ". Check the path.");
    }
    WarpDatabase database = WarpDatabase.openDirectory(options.dataDirectory());
    try {
      database.catalog().setFileAccess(FileAccess.allowing(List.of(file.getParent())));
      CatalogSchema schema = database.catalog().schema(options.schemaName());
      boolean exists = schema != null && schema.catalogTable(options.tableName()) != null;
      String sql = exists ? copySql(file) : createSql(file);
      long rows;
      try (Connection connection = database.connect(new Properties())) {
        rows = runWithProgress(connection, sql, file, progress);
        if (!exists) {
          // CREATE TABLE ... AS reports no row count, as DDL, so the new table is counted.
          rows = countRows(connection);
        }
      }
      String target = options.schemaName() + "." + options.tableName();
      out.println("(" + rows + (rows == 1 ? " row" : " rows") + " loaded into " + target + ")");
    } finally {
      database.releaseConnection();
    }
  }

  private long runWithProgress(Connection connection, String sql, Path file, PrintStream progress)
      throws SQLException, IOException {
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      Future<Long> result =
          worker.submit(
              () -> {
                try (Statement statement = connection.createStatement()) {
                  return statement.executeLargeUpdate(sql);
                }
              });
      long size = Files.size(file);
      while (true) {
        try {
          long rows = result.get(REDRAW_MILLIS, TimeUnit.MILLISECONDS);
          draw(progress, size, size);
          endProgress(progress);
          return rows;
        } catch (TimeoutException e) {
          long read = LoadProgress.bytesRead(file);
          if (read >= 0) {
            draw(progress, read, size);
          }
        } catch (ExecutionException e) {
          endProgress(progress);
          if (e.getCause() instanceof SQLException failure) {
            throw failure;
          }
          throw new IllegalStateException("load failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while loading " + file, e);
        }
      }
    } finally {
      worker.shutdownNow();
    }
  }

  private long countRows(Connection connection) throws SQLException {
    String sql =
        "SELECT COUNT(*) FROM " + quoted(options.schemaName()) + "." + quoted(options.tableName());
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void draw(PrintStream progress, long done, long total) {
    if (progress != null) {
      progress.print("\r" + ProgressBar.render(done, total));
      progress.flush();
    }
  }

  private static void endProgress(PrintStream progress) {
    if (progress != null) {
      progress.println();
    }
  }

  private String copySql(Path file) {
    StringBuilder sql = new StringBuilder("COPY ");
    sql.append(quoted(options.schemaName())).append('.').append(quoted(options.tableName()));
    sql.append(" FROM ").append(literal(file.toString()));
    if (options.parquet()) {
      return sql.append(" (FORMAT parquet)").toString();
    }
    sql.append(" (HEADER ").append(options.header() ? "TRUE" : "FALSE");
    sql.append(", DELIMITER ").append(literal(String.valueOf(options.delimiter())));
    options.nullText().ifPresent(text -> sql.append(", NULL ").append(literal(text)));
    return sql.append(')').toString();
  }

  private String createSql(Path file) throws IOException {
    StringBuilder sql = new StringBuilder("CREATE TABLE ");
    sql.append(quoted(options.schemaName())).append('.').append(quoted(options.tableName()));
    if (options.parquet()) {
      sql.append(" AS SELECT * FROM read_parquet(").append(literal(file.toString()));
      return sql.append(')').toString();
    }
    if (!options.header()) {
      throw new IOException(
          "table "
              + options.schemaName()
              + "."
              + options.tableName()
              + " does not exist, and creating it needs a header line: add --header, or"
              + " create the table first");
    }
    sql.append(" AS SELECT * FROM read_csv(").append(literal(file.toString()));
    sql.append(", ").append(literal(String.valueOf(options.delimiter())));
    sql.append(", ").append(literal(options.nullText().orElse("")));
    return sql.append(')').toString();
  }

  private static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }
}
