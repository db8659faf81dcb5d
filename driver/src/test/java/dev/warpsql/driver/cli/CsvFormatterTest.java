package dev.warpsql.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvFormatterTest {
  @Test
  void csvQuotesCommasQuotesAndEmptyStrings() throws Exception {
    String output = DuckDbResults.format(new CsvFormatter(), TableFormatterTest.MIXED_ROWS);

    assertThat(output)
        .isEqualTo(
            """
            id,name,price
            1,plain,12.30
            ,"a, b",
            -42,"say ""hi""\",-0.05
            7,"",1234567.00
            """);
  }

  @Test
  void csvQuotesLineBreaks() throws Exception {
    String output =
        DuckDbResults.format(
            new CsvFormatter(), "SELECT 'a' || chr(10) || 'b' AS s, 'c' || chr(13) AS t");

    assertThat(output).isEqualTo("s,t\n\"a\nb\",\"c\r\"\n");
  }

  @Test
  void csvQuotesHeaderWithComma() throws Exception {
    String output = DuckDbResults.format(new CsvFormatter(), "SELECT 1 AS \"a,b\"");

    assertThat(output).isEqualTo("\"a,b\"\n1\n");
  }

  @Test
  void csvWithNoRowsPrintsHeader() throws Exception {
    String output = DuckDbResults.format(new CsvFormatter(), "SELECT 1 AS n, 2 AS m WHERE false");

    assertThat(output).isEqualTo("n,m\n");
  }

  @Test
  void csvPrintsDatesAndTimestamps() throws Exception {
    String output =
        DuckDbResults.format(
            new CsvFormatter(),
            """
            SELECT DATE '1994-01-01' AS d, TIMESTAMP '1994-01-01 10:15:00' AS ts,
                TIMESTAMP '1994-01-01 10:15:00.125' AS ms
            """);

    assertThat(output)
        .isEqualTo("d,ts,ms\n1994-01-01,1994-01-01 10:15:00,1994-01-01 10:15:00.125\n");
  }
}
