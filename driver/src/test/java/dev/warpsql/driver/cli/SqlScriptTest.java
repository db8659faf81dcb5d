package dev.warpsql.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitDropsTrailingSemicolon() {
    assertThat(SqlScript.split("SELECT 1;\n")).containsExactly("SELECT 1");
  }

  @Test
  void splitSeparatesStatements() {
    assertThat(SqlScript.split("SELECT 1; SELECT 2")).containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void splitIgnoresSemicolonsInLiteralsAndIdentifiers() {
    assertThat(SqlScript.split("SELECT 'a;''b' AS \"c;d\"; SELECT 2"))
        .containsExactly("SELECT 'a;''b' AS \"c;d\"", "SELECT 2");
  }

  @Test
  void splitIgnoresSemicolonsInComments() {
    assertThat(SqlScript.split("-- one; two\nSELECT 1 /* ; */ + 1;"))
        .containsExactly("-- one; two\nSELECT 1 /* ; */ + 1");
  }

  @Test
  void splitDropsPiecesWithOnlyComments() {
    assertThat(SqlScript.split("SELECT 1; -- done\n /* end */ ;")).containsExactly("SELECT 1");
  }

  @Test
  void splitOfBlankTextIsEmpty() {
    assertThat(SqlScript.split("  \n;")).isEmpty();
  }
}
