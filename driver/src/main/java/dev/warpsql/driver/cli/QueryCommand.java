package dev.warpsql.driver.cli;

import static java.util.Objects.requireNonNull;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.driver.cli.QueryOptions.CsvTable;
import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.load.CsvLoader;
import dev.warpsql.executor.load.CsvOptions;
import dev.warpsql.executor.load.FileAccess;
import dev.warpsql.executor.load.TpchLoader;
import dev.warpsql.executor.storage.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * {@code warp query}: loads the requested tables into a new in-memory database, runs each SQL
 * statement in order and writes its result. The database and its tables are freed on return.
 */
final class QueryCommand {
  private final QueryOptions options;
  private final InputStream stdin;

  QueryCommand(QueryOptions options, InputStream stdin) {
    this.options = requireNonNull(options, "options");
    this.stdin = requireNonNull(stdin, "stdin");
  }

  /** Runs the statements and writes their results; stops at the first statement that fails. */
  void run(PrintStream out) throws UsageException, IOException, SQLException {
    // The SQL is read first, so that a missing file fails before a long load.
    List<String> statements = SqlScript.split(readSql());
    if (statements.isEmpty()) {
      throw new UsageException("missing SQL: " + sqlSourceName() + " contains no statement");
    }

    ResultFormatter formatter = options.format().createFormatter();
    WarpDatabase database =
        options.dataDirectory().isPresent()
            ? WarpDatabase.openDirectory(options.dataDirectory().get())
            : WarpDatabase.inMemory();
    try {
      List<Path> allowed =
          options.allowedPaths().isEmpty() ? List.of(Path.of("")) : options.allowedPaths();
      database.catalog().setFileAccess(FileAccess.allowing(allowed));
      loadTables(database);

      Properties info = new Properties();
      info.setProperty("device", options.device());
      try (Connection connection = database.connect(info)) {
        for (String sql : statements) {
          execute(connection, sql, formatter, out);
        }
      }
    } finally {
      if (options.dataDirectory().isPresent()) {
        database.releaseConnection();
      } else {
        database.close();
      }
    }
  }

  private String readSql() throws IOException {
    if (options.sqlText().isPresent()) {
      return options.sqlText().get();
    }
    Path file = options.sqlFile().orElseThrow();
    if (file.toString().equals("-")) {
      return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException("SQL file not found: " + file, e);
    } catch (IOException e) {
      throw new IOException("cannot read SQL file " + file + ": " + e.getMessage(), e);
    }
  }

  private String sqlSourceName() {
    return options.sqlFile().map(file -> "file " + file).orElse("the SQL argument");
  }

  private void loadTables(WarpDatabase database) {
    CatalogSchema schema = database.catalog().schema(Catalog.DEFAULT_SCHEMA);
    // A directory that already contains TPC-H keeps its tables instead of failing the load.
    if (options.tpchScaleFactor().isPresent() && schema.table("lineitem") == null) {
      TpchLoader.load(schema, options.tpchScaleFactor().getAsDouble(), database.allocator());
    }
    for (CsvTable csv : options.csvTables()) {
      Table table =
          CsvLoader.load(csv.tableName(), csv.file(), CsvOptions.DEFAULTS, database.allocator());
      try {
        schema.addTable(table);
      } catch (RuntimeException e) {
        // The schema did not take ownership, so the table's memory is still ours to free.
        table.close();
        throw e;
      }
    }
  }

  private static void execute(
      Connection connection, String sql, ResultFormatter formatter, PrintStream out)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (statement.execute(sql)) {
        try (ResultSet resultSet = statement.getResultSet()) {
          if (formatter instanceof TableFormatter && isExplain(sql)) {
            writePlan(resultSet, out);
          } else {
            formatter.writeResult(resultSet, out);
          }
        }
      } else {
        formatter.writeUpdateCount(statement.getLargeUpdateCount(), out);
      }
    }
  }

  private static boolean isExplain(String sql) {
    String text = sql.stripLeading();
    return text.regionMatches(true, 0, "EXPLAIN", 0, 7)
        && text.length() > 7
        && Character.isWhitespace(text.charAt(7));
  }

  /**
   * Writes an EXPLAIN result as its plain lines: the table format would print the plan's line
   * breaks as {@code \n} to keep each row on one line.
   */
  private static void writePlan(ResultSet resultSet, PrintStream out) throws SQLException {
    while (resultSet.next()) {
      String plan = resultSet.getString(1);
      out.print(plan.endsWith("\n") ? plan : plan + "\n");
    }
  }
}
