package dev.warpsql.sqltests.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
