package dev.warpsql.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code warp} command line, run in-process against the embedded engine. */
class WarpMainTest {
  private static final String ITEMS_CSV =
      """
      id,name,price,shipped
      1,plain,12.30,1998-09-02
      2,"a, b",,1994-01-01
      3,"say ""hi\""",-0.05,
      4,,7.00,1995-03-15
      """;

  private static final String ITEMS_QUERY =
      "SELECT id, name, price, shipped FROM items ORDER BY id";

  @TempDir Path directory;

  /** Output, error output and exit status of one run. */
  private record Run(int status, String out, String err) {}

  private static Run run(boolean debug, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        WarpMain.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            debug);
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Run run(String... args) {
    return run(false, "", args);
  }

  private static void assertOneErrorLine(Run run, int expectedStatus, String expectedMessagePart) {
    assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(expectedStatus);
    assertThat(run.err()).startsWith("error: ");
    assertThat(run.err()).endsWith("\n");
    assertThat(run.err().lines()).as("stderr lines").hasSize(1);
    assertThat(run.err()).containsIgnoringCase(expectedMessagePart);
    assertThat(run.out()).isEmpty();
  }

  private Path writeItemsCsv() throws IOException {
    return Files.writeString(directory.resolve("items.csv"), ITEMS_CSV, StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsUsage() {
    Run run = run("--help");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Usage: warp <command>").contains("query");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void explainPrintsPlanLines() {
    Run run = run("query", "--tpch", "0.001", "EXPLAIN PLAN FOR SELECT COUNT(*) FROM region");

    assertThat(run.status()).as("exit status; stderr: %s", run.err()).isZero();
    assertThat(run.out()).doesNotContain("\\n");
    assertThat(run.out().lines()).anyMatch(line -> line.startsWith("WarpAggregate"));
    assertThat(run.out().lines()).anyMatch(line -> line.strip().startsWith("WarpTableScan"));
  }

  @Test
  void queryHelpDescribesEveryOption() {
    Run run = run("query", "--tpch", "1", "--help");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("--tpch SF", "--csv NAME=PATH", "--file SQLFILE", "--format FORMAT")
        .contains("--device DEVICE", "table", "csv", "json", "auto", "cpu", "gpu")
        .contains("--data DIR");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void missingCommandIsUsageError() {
    assertOneErrorLine(run(), WarpMain.EXIT_USAGE, "missing command");
  }

  @Test
  void unknownCommandIsUsageError() {
    assertOneErrorLine(run("serve-all"), WarpMain.EXIT_USAGE, "unknown command 'serve-all'");
  }

  @Test
  void unknownOptionIsUsageError() {
    assertOneErrorLine(
        run("query", "--verbose", "SELECT 1"), WarpMain.EXIT_USAGE, "unknown option '--verbose'");
  }

  @Test
  void missingSqlIsUsageError() {
    assertOneErrorLine(run("query", "--format", "csv"), WarpMain.EXIT_USAGE, "missing SQL");
  }

  @Test
  void sqlFileWithoutStatementsIsUsageError() throws IOException {
    Path file = Files.writeString(directory.resolve("empty.sql"), "-- nothing here\n");

    assertOneErrorLine(
        run("query", "--file", file.toString()), WarpMain.EXIT_USAGE, "contains no statement");
  }

  @Test
  void missingSqlFileIsFailure() {
    Path file = directory.resolve("absent.sql");

    assertOneErrorLine(
        run("query", "--file", file.toString()), WarpMain.EXIT_FAILURE, "SQL file not found");
  }

  @Test
  void sqlErrorIsOneLineWithoutStackTrace() {
    Run run = run("query", "SELECT *\nFROM no_such_table");

    assertOneErrorLine(run, WarpMain.EXIT_FAILURE, "no_such_table");
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @Test
  void debugAddsStackTrace() {
    Run run = run(true, "", "query", "SELECT * FROM no_such_table");

    assertThat(run.status()).isEqualTo(WarpMain.EXIT_FAILURE);
    assertThat(run.err().lines().findFirst())
        .hasValueSatisfying(
            line -> assertThat(line).startsWith("error: ").containsIgnoringCase("no_such_table"));
    assertThat(run.err()).contains("\tat ");
  }

  @Test
  void csvTableInTableFormat() throws IOException {
    Path csv = writeItemsCsv();

    Run run = run("query", "--csv", "Items=" + csv, ITEMS_QUERY);

    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
             id | name     | price | shipped
            ----+----------+-------+------------
              1 | plain    | 12.30 | 1998-09-02
              2 | a, b     |  NULL | 1994-01-01
              3 | say "hi" | -0.05 | NULL
              4 | NULL     |  7.00 | 1995-03-15
            (4 rows)
            """);
  }

  @Test
  void csvTableInCsvFormat() throws IOException {
    Path csv = writeItemsCsv();

    Run run = run("query", "--csv", "items=" + csv, "--format", "csv", ITEMS_QUERY);

    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            id,name,price,shipped
            1,plain,12.30,1998-09-02
            2,"a, b",,1994-01-01
            3,"say ""hi""\",-0.05,
            4,,7.00,1995-03-15
            """);
  }

  @Test
  void csvTableInJsonFormat() throws IOException {
    Path csv = writeItemsCsv();

    Run run = run("query", "--csv", "items=" + csv, "--format=json", ITEMS_QUERY);

    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            [
              {"id": 1, "name": "plain", "price": 12.30, "shipped": "1998-09-02"},
              {"id": 2, "name": "a, b", "price": null, "shipped": "1994-01-01"},
              {"id": 3, "name": "say \\"hi\\"", "price": -0.05, "shipped": null},
              {"id": 4, "name": null, "price": 7.00, "shipped": "1995-03-15"}
            ]
            """);
  }

  @Test
  void raggedCsvIsOneLineFailure() throws IOException {
    Path csv = Files.writeString(directory.resolve("ragged.csv"), "a,b\n1,2\n3\n");

    Run run = run("query", "--csv", "ragged=" + csv, "SELECT * FROM ragged");

    assertOneErrorLine(run, WarpMain.EXIT_FAILURE, "ragged.csv");
  }

  @Test
  void missingCsvFileIsOneLineFailure() {
    Path csv = directory.resolve("nowhere.csv");

    Run run = run("query", "--csv", "t=" + csv, "SELECT * FROM t");

    assertOneErrorLine(run, WarpMain.EXIT_FAILURE, "nowhere.csv");
  }

  @Test
  void sqlFileRunsEachStatement() throws IOException {
    Path csv = writeItemsCsv();
    Path sql =
        Files.writeString(
            directory.resolve("two.sql"),
            "-- two queries\nSELECT COUNT(*) AS n FROM items;\nSELECT MAX(price) AS max_price FROM items;\n");

    Run run = run("query", "--csv", "items=" + csv, "--format", "csv", "--file", sql.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("n\n4\nmax_price\n12.30\n");
  }

  @Test
  void sqlFromStandardInput() throws IOException {
    Path csv = writeItemsCsv();

    Run run =
        run(
            false,
            "SELECT name FROM items WHERE id = 1;",
            "query",
            "--csv",
            "items=" + csv,
            "--format",
            "csv",
            "--file",
            "-");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("name\nplain\n");
  }

  @Test
  void tpchLineitemCount() {
    Run run =
        run(
            "query",
            "--tpch",
            "0.01",
            "--device",
            "cpu",
            "--format",
            "csv",
            "SELECT COUNT(*) AS n FROM lineitem");

    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("n\n60175\n");
  }

  @Test
  void queryWithDataKeepsTablesBetweenRuns() {
    String data = directory.resolve("db").toString();

    Run create =
        run("query", "--data", data, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (4)");
    Run read = run("query", "--data", data, "--format", "csv", "SELECT x * 2 AS y FROM t");

    assertThat(create.status()).as("stderr: %s", create.err()).isZero();
    assertThat(read.status()).as("stderr: %s", read.err()).isZero();
    assertThat(read.out().lines()).containsExactly("y", "8");
  }
}
