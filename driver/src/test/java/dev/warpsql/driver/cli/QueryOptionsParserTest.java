package dev.warpsql.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.driver.cli.QueryOptions.CsvTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryOptionsParserTest {
  @Test
  void parseReadsEveryOption() throws Exception {
    QueryOptions options =
        QueryOptionsParser.parse(
            List.of(
                "--tpch",
                "0.01",
                "--csv",
                "Sales=data/sales.csv",
                "--csv=p=x.csv",
                "--format=json",
                "--device",
                "cpu",
                "SELECT 1"));

    assertThat(options.tpchScaleFactor().getAsDouble()).isEqualTo(0.01);
    assertThat(options.csvTables())
        .containsExactly(
            new CsvTable("sales", Path.of("data/sales.csv")), new CsvTable("p", Path.of("x.csv")));
    assertThat(options.format()).isEqualTo(OutputFormat.JSON);
    assertThat(options.device()).isEqualTo("cpu");
    assertThat(options.sqlText()).contains("SELECT 1");
    assertThat(options.sqlFile()).isEmpty();
  }

  @Test
  void parseUsesDefaults() throws Exception {
    QueryOptions options = QueryOptionsParser.parse(List.of("--file", "q.sql"));

    assertThat(options.tpchScaleFactor()).isEmpty();
    assertThat(options.csvTables()).isEmpty();
    assertThat(options.format()).isEqualTo(OutputFormat.TABLE);
    assertThat(options.device()).isEqualTo("auto");
    assertThat(options.sqlFile()).contains(Path.of("q.sql"));
  }

  @Test
  void parseTakesSqlAfterDoubleDash() throws Exception {
    QueryOptions options = QueryOptionsParser.parse(List.of("--", "-- note\nSELECT 1"));

    assertThat(options.sqlText()).contains("-- note\nSELECT 1");
  }

  @Test
  void parseRejectsInvalidArguments() {
    assertUsageError(List.of("--bogus", "SELECT 1"), "unknown option '--bogus'");
    assertUsageError(List.of(), "missing SQL");
    assertUsageError(List.of("--tpch", "0.01"), "missing SQL");
    assertUsageError(List.of("SELECT 1", "SELECT 2"), "expected one SQL argument but got 2");
    assertUsageError(List.of("--file", "q.sql", "SELECT 1"), "not both");
    assertUsageError(List.of("SELECT 1", "--format"), "missing value for --format");
    assertUsageError(List.of("--format", "xml", "SELECT 1"), "invalid --format 'xml'");
    assertUsageError(List.of("--device", "tpu", "SELECT 1"), "invalid --device 'tpu'");
    assertUsageError(List.of("--tpch", "-1", "SELECT 1"), "invalid --tpch '-1'");
    assertUsageError(List.of("--tpch", "lots", "SELECT 1"), "invalid --tpch 'lots'");
    assertUsageError(List.of("--csv", "t.csv", "SELECT 1"), "expected NAME=PATH");
    assertUsageError(List.of("--csv", "1t=t.csv", "SELECT 1"), "invalid table name '1t'");
    assertUsageError(List.of("--csv", "t=a.csv", "--csv", "T=b.csv", "SELECT 1"), "more than once");
  }

  @Test
  void requestsHelpStopsAtDoubleDash() {
    assertThat(QueryOptionsParser.requestsHelp(List.of("--tpch", "1", "--help"))).isTrue();
    assertThat(QueryOptionsParser.requestsHelp(List.of("-h"))).isTrue();
    assertThat(QueryOptionsParser.requestsHelp(List.of("--", "--help"))).isFalse();
  }

  private static void assertUsageError(List<String> args, String expectedMessagePart) {
    assertThatThrownBy(() -> QueryOptionsParser.parse(args))
        .as("arguments %s", args)
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(expectedMessagePart);
  }
}
