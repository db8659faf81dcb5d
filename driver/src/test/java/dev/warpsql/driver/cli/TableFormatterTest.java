package dev.warpsql.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableFormatterTest {
  /** Integers, text with commas and quotes, the empty string and DECIMALs, with NULLs. */
  static final String MIXED_ROWS =
      """
      SELECT id, name, price FROM (VALUES
        (1, 1, 'plain', 12.30::DECIMAL(15,2)),
        (2, NULL, 'a, b', NULL),
        (3, -42, 'say "hi"', -0.05::DECIMAL(15,2)),
        (4, 7, '', 1234567.00::DECIMAL(15,2))
      ) AS t(ord, id, name, price)
      ORDER BY ord
      """;

  @Test
  void tableAlignsNumbersRightAndShowsNull() throws Exception {
    String output = DuckDbResults.format(new TableFormatter(), MIXED_ROWS);

    assertThat(output)
        .isEqualTo(
            """
               id | name     |      price
            ------+----------+------------
                1 | plain    |      12.30
             NULL | a, b     |       NULL
              -42 | say "hi" |      -0.05
                7 |          | 1234567.00
            (4 rows)
            """);
  }

  @Test
  void tableWithNoRowsPrintsHeaderAndCount() throws Exception {
    String output =
        DuckDbResults.format(new TableFormatter(), "SELECT 1 AS n, 'x' AS s WHERE false");

    assertThat(output).isEqualTo(" n | s\n---+---\n(0 rows)\n");
  }

  @Test
  void tableSaysRowInSingular() throws Exception {
    String output = DuckDbResults.format(new TableFormatter(), "SELECT 42 AS answer");

    assertThat(output).endsWith("\n(1 row)\n");
  }

  @Test
  void tableKeepsLineBreaksInsideOneLine() throws Exception {
    String output =
        DuckDbResults.format(
            new TableFormatter(), "SELECT 'a' || chr(10) || 'b' || chr(9) || 'c' AS s");

    assertThat(output).isEqualTo(" s\n---------\n a\\nb\\tc\n(1 row)\n");
  }

  @Test
  void tablePrintsDatesBooleansAndDoubles() throws Exception {
    String output =
        DuckDbResults.format(
            new TableFormatter(),
            "SELECT DATE '1998-09-02' AS d, true AS b, 2.5::DOUBLE AS x, 0.1::REAL AS r");

    assertThat(output)
        .isEqualTo(
            """
             d          | b    |   x |   r
            ------------+------+-----+-----
             1998-09-02 | true | 2.5 | 0.1
            (1 row)
            """);
  }

  @Test
  void updateCountIsPrinted() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new TableFormatter().writeUpdateCount(3, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("(3 rows affected)\n");
  }
}
