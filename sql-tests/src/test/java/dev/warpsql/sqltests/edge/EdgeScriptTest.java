package dev.warpsql.sqltests.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.sqltests.QueryResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeScriptTest {
  @Test
  void statementsSplitAtSemicolonsOutsideQuotes() {
    List<EdgeStatement> statements =
        EdgeScript.parse("edge/t.sql", "SELECT 'a;b' FROM t;\nSELECT \"x;y\" -- c;d\nFROM t;\n");

    assertThat(statements)
        .extracting(EdgeStatement::sql)
        .containsExactly("SELECT 'a;b' FROM t", "SELECT \"x;y\" \nFROM t");
  }

  @Test
  void statementLineSkipsLeadingComments() {
    List<EdgeStatement> statements =
        EdgeScript.parse("edge/t.sql", "-- about t\n\nSELECT 1;\n\n-- ordered\nSELECT\n2;\n");

    assertThat(statements).extracting(EdgeStatement::line).containsExactly(3, 6);
    assertThat(statements.get(1).location()).isEqualTo("t.sql:6");
  }

  @Test
  void directivesApplyToNextStatementOnly() {
    String text =
        "-- ordered\n-- fallback\n-- known-bug wrong sign\n-- duckdb: SELECT 1 // 2;\n"
            + "SELECT 1 / 2;\nSELECT 3;\n";

    List<EdgeStatement> statements = EdgeScript.parse("edge/t.sql", text);

    EdgeStatement first = statements.get(0);
    assertThat(first.ordered()).isTrue();
    assertThat(first.fallback()).isTrue();
    assertThat(first.knownBug()).isEqualTo("wrong sign");
    assertThat(first.duckDbSql()).isEqualTo("SELECT 1 // 2");
    assertThat(first.sql()).isEqualTo("SELECT 1 / 2");
    EdgeStatement second = statements.get(1);
    assertThat(second.ordered()).isFalse();
    assertThat(second.fallback()).isFalse();
    assertThat(second.knownBug()).isNull();
    assertThat(second.duckDbSql()).isEqualTo("SELECT 3");
  }

  @Test
  void errorDirectiveTakesSqlState() {
    EdgeStatement statement = EdgeScript.parse("edge/t.sql", "-- error 22012\nSELECT 1/0;").get(0);

    assertThat(statement.expectsError()).isTrue();
    assertThat(statement.errorState()).isEqualTo("22012");
  }

  @Test
  void freeTextCommentIsNoDirective() {
    EdgeStatement statement =
        EdgeScript.parse("edge/t.sql", "-- errors below are expected\nSELECT 1;").get(0);

    assertThat(statement.expectsError()).isFalse();
  }

  @Test
  void invalidScriptsNameFileAndLine() {
    assertThatThrownBy(() -> EdgeScript.parse("edge/t.sql", "SELECT 1;\n-- error 2201\nSELECT 2;"))
        .hasMessageContaining("edge/t.sql:3")
        .hasMessageContaining("SQLState");
    assertThatThrownBy(() -> EdgeScript.parse("edge/t.sql", "SELECT 1;\n\nSELECT 2"))
        .hasMessageContaining("edge/t.sql:3")
        .hasMessageContaining("semicolon");
    assertThatThrownBy(() -> EdgeScript.parse("edge/t.sql", "-- known-bug\nSELECT 1;"))
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> EdgeScript.parse("edge/t.sql", "SELECT 1;\n-- ordered\n"))
        .hasMessageContaining("after the last statement");
  }

  @Test
  void expectDirectiveParsesEveryValueKind() {
    String text =
        "-- expect: (1, -2.50, 1.5e0, 'it''s', NULL, DATE '2000-02-29', TRUE, false)\nSELECT 1;";

    EdgeStatement statement = EdgeScript.parse("edge/t.sql", text).get(0);

    assertThat(statement.expectedRows())
        .containsExactly(
            Arrays.asList(
                BigDecimal.ONE,
                new BigDecimal("-2.50"),
                1.5,
                "it's",
                null,
                LocalDate.of(2000, 2, 29),
                true,
                false));
  }

  @Test
  void expectLinesContinueOneAnother() {
    String text = "-- expect: (1, 'a'),\n-- expect: (2, NULL)\nSELECT 1;\nSELECT 2;";

    List<EdgeStatement> statements = EdgeScript.parse("edge/t.sql", text);

    assertThat(statements.get(0).expectedRows())
        .containsExactly(List.of(BigDecimal.ONE, "a"), Arrays.asList(BigDecimal.valueOf(2), null));
    assertThat(statements.get(1).expectedRows()).isNull();
  }

  @Test
  void expectBareValuesAreOneColumnRows() {
    EdgeStatement statement =
        EdgeScript.parse("edge/t.sql", "-- expect: 4, NULL\nSELECT 1;").get(0);

    assertThat(statement.expectedRows())
        .containsExactly(List.of(BigDecimal.valueOf(4)), Arrays.asList((Object) null));
  }

  @Test
  void expectNoRowsIsEmptyResult() {
    EdgeStatement statement =
        EdgeScript.parse("edge/t.sql", "-- expect: no rows\nSELECT 1;").get(0);

    assertThat(statement.expectedRows()).isEmpty();
  }

  @Test
  void invalidExpectRowsNameFileAndLine() {
    assertThatThrownBy(() -> EdgeScript.parse("edge/t.sql", "\n-- expect: (1, 2), (3)\nSELECT 1;"))
        .hasMessageContaining("edge/t.sql:3")
        .hasMessageContaining("row 2 has 1 values");
    assertThatThrownBy(() -> EdgeScript.parse("edge/t.sql", "-- expect: (1, 'a)\nSELECT 1;"))
        .hasMessageContaining("closing quote");
    assertThatThrownBy(() -> EdgeScript.parse("edge/t.sql", "-- expect: (1) (2)\nSELECT 1;"))
        .hasMessageContaining("expected ','");
    assertThatThrownBy(
            () -> EdgeScript.parse("edge/t.sql", "-- expect: DATE '2001-02-29'\nSELECT 1;"))
        .hasMessageContaining("invalid DATE");
    assertThatThrownBy(
            () -> EdgeScript.parse("edge/t.sql", "-- expect: 1\n-- error 21000\nSELECT 1;"))
        .hasMessageContaining("excludes");
  }

  @Test
  void expectedRowsCompareAsMultisetUnlessOrdered() {
    List<EdgeStatement> statements =
        EdgeScript.parse(
            "edge/t.sql", "-- expect: 2, 1\nSELECT 1;\n-- ordered\n-- expect: 2, 1\nSELECT 2;");
    QueryResult ascending =
        new QueryResult(
            List.of("k"), List.of(List.of(BigDecimal.ONE), List.of(BigDecimal.valueOf(2))));

    ExpectedRows.assertReturned(statements.get(0), ascending);
    assertThatThrownBy(() -> ExpectedRows.assertReturned(statements.get(1), ascending))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("t.sql:5")
        .hasMessageContaining("Expected by hand");
  }

  @Test
  void expectedRowsMustHaveResultWidth() {
    EdgeStatement statement = EdgeScript.parse("edge/t.sql", "-- expect: (1, 2)\nSELECT 1;").get(0);
    QueryResult oneColumn = new QueryResult(List.of("k"), List.of(List.of(BigDecimal.ONE)));

    assertThatThrownBy(() -> ExpectedRows.assertReturned(statement, oneColumn))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("column count");
  }
}
