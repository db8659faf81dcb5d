package dev.warpsql.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCommandTest {
  @TempDir Path directory;

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        WarpMain.run(
            args,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void loadCreatesThenAppends() throws IOException {
    Path file = Files.writeString(directory.resolve("items.csv"), "id,name\n1,a\n2,b\n");
    String data = directory.resolve("db").toString();

    Run created = run("load", "--data", data, "--header", "items", file.toString());
    Run appended = run("load", "--data", data, "--header", "items", file.toString());
    Run counted =
        run("query", "--data", data, "--format", "csv", "SELECT COUNT(*) AS n FROM items");

    assertThat(created.status()).as("stderr: %s", created.err()).isZero();
    assertThat(created.out()).contains("(2 rows loaded into main.items)");
    assertThat(appended.out()).contains("(2 rows loaded into main.items)");
    assertThat(counted.out().lines()).containsExactly("n", "4");
  }

  @Test
  void loadParquetCreatesThenAppends() throws IOException, SQLException {
    Path file = directory.resolve("items.data");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(
          "COPY (SELECT i AS id, 'item ' || i AS name FROM range(3) t(i)) TO '"
              + file
              + "' (FORMAT parquet)");
    }
    Path named = Files.copy(file, directory.resolve("items.parquet"));
    String data = directory.resolve("db").toString();

    Run created = run("load", "--data", data, "items", named.toString());
    Run appended = run("load", "--data", data, "--format", "parquet", "items", file.toString());
    Run counted =
        run("query", "--data", data, "--format", "csv", "SELECT MAX(name) AS m FROM items");

    assertThat(created.status()).as("stderr: %s", created.err()).isZero();
    assertThat(created.out()).contains("(3 rows loaded into main.items)");
    assertThat(appended.status()).as("stderr: %s", appended.err()).isZero();
    assertThat(appended.out()).contains("(3 rows loaded into main.items)");
    assertThat(counted.out().lines()).containsExactly("m", "item 2");
  }

  @Test
  void loadRejectsUnknownFormat() {
    Run run = run("load", "--data", "db", "--format", "json", "items", "items.json");
    assertThat(run.status()).isEqualTo(WarpMain.EXIT_USAGE);
    assertThat(run.err()).contains("invalid --format 'json'");
  }

  @Test
  void loadWithoutHeaderNeedsExistingTable() throws IOException {
    Path file = Files.writeString(directory.resolve("raw.csv"), "1;x\n");
    String data = directory.resolve("db").toString();

    Run missing = run("load", "--data", data, "raw", file.toString());
    run("query", "--data", data, "CREATE TABLE raw (id INTEGER, name VARCHAR)");
    Run loaded = run("load", "--data", data, "--delimiter", ";", "raw", file.toString());

    assertThat(missing.status()).isEqualTo(WarpMain.EXIT_FAILURE);
    assertThat(missing.err()).contains("needs a header line");
    assertThat(loaded.status()).as("stderr: %s", loaded.err()).isZero();
    assertThat(loaded.out()).contains("(1 row loaded into main.raw)");
  }

  @Test
  void loadRejectsMissingDataOption() {
    Run run = run("load", "items", "items.csv");
    assertThat(run.status()).isEqualTo(WarpMain.EXIT_USAGE);
    assertThat(run.err()).contains("missing --data DIR");
  }

  @Test
  void progressBarShowsFraction() {
    assertThat(ProgressBar.render(512 * 1024, 1024 * 1024))
        .isEqualTo("[###############               ]  50% 0.5 of 1.0 MB");
    assertThat(ProgressBar.render(0, 0)).startsWith("[##############################] 100%");
  }
}
