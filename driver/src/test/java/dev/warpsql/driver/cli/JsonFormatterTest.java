package dev.warpsql.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonFormatterTest {
  @Test
  void jsonKeepsDecimalDigitsAndWritesNull() throws Exception {
    String output = DuckDbResults.format(new JsonFormatter(), TableFormatterTest.MIXED_ROWS);

    assertThat(output)
        .isEqualTo(
            """
            [
              {"id": 1, "name": "plain", "price": 12.30},
              {"id": null, "name": "a, b", "price": null},
              {"id": -42, "name": "say \\"hi\\"", "price": -0.05},
              {"id": 7, "name": "", "price": 1234567.00}
            ]
            """);
  }

  @Test
  void jsonWithNoRowsIsEmptyArray() throws Exception {
    String output = DuckDbResults.format(new JsonFormatter(), "SELECT 1 AS n WHERE false");

    assertThat(output).isEqualTo("[]\n");
  }

  @Test
  void jsonEscapesControlCharactersAndBackslash() throws Exception {
    String output =
        DuckDbResults.format(
            new JsonFormatter(), "SELECT 'a' || chr(10) || 'b' || chr(1) || '\\' || chr(9) AS s");

    assertThat(output).isEqualTo("[\n  {\"s\": \"a\\nb\\u0001\\\\\\t\"}\n]\n");
  }

  @Test
  void jsonWritesDatesAsIsoStrings() throws Exception {
    String output =
        DuckDbResults.format(
            new JsonFormatter(),
            "SELECT DATE '1998-12-01' AS d, TIMESTAMP '1998-12-01 08:30:00' AS ts");

    assertThat(output)
        .isEqualTo("[\n  {\"d\": \"1998-12-01\", \"ts\": \"1998-12-01T08:30:00\"}\n]\n");
  }

  @Test
  void jsonWritesBooleansAndDoublesBare() throws Exception {
    String output =
        DuckDbResults.format(
            new JsonFormatter(), "SELECT true AS b, 2.5::DOUBLE AS x, 9000000000::BIGINT AS n");

    assertThat(output).isEqualTo("[\n  {\"b\": true, \"x\": 2.5, \"n\": 9000000000}\n]\n");
  }

  @Test
  void jsonWritesNonFiniteDoublesAsStrings() throws Exception {
    String output =
        DuckDbResults.format(
            new JsonFormatter(),
            "SELECT 'NaN'::DOUBLE AS a, 'inf'::DOUBLE AS b, '-inf'::DOUBLE AS c");

    assertThat(output)
        .isEqualTo("[\n  {\"a\": \"NaN\", \"b\": \"Infinity\", \"c\": \"-Infinity\"}\n]\n");
  }
}
