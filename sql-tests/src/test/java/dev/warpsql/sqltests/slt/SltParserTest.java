package dev.warpsql.sqltests.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SltParserTest {
  @Test
  void statementsKeepTheirLines() {
    List<SltRecord> records =
        SltParser.parse("t.test", "# comment\nstatement ok\nCREATE TABLE t(\n a INTEGER)\n");

    SltStatement statement = (SltStatement) records.get(0);
    assertThat(statement.line()).isEqualTo(2);
    assertThat(statement.sql()).isEqualTo("CREATE TABLE t(\n a INTEGER)");
    assertThat(statement.expectsError()).isFalse();
  }

  @Test
  void queryWithValuesAndLabel() {
    String text = "query IT rowsort label-7\nSELECT a, b\nFROM t\n----\n1\n(empty)\n\n";

    SltQuery query = (SltQuery) SltParser.parse("t.test", text).get(0);

    assertThat(query.columnTypes()).isEqualTo("IT");
    assertThat(query.sortMode()).isEqualTo(SltQuery.SortMode.ROWSORT);
    assertThat(query.label()).isEqualTo("label-7");
    assertThat(query.sql()).isEqualTo("SELECT a, b\nFROM t");
    assertThat(query.expectedValues()).containsExactly("1", "(empty)");
    assertThat(query.expectedHash()).isNull();
  }

  @Test
  void queryWithHashAndNoResults() {
    String text =
        "hash-threshold 8\n\nquery I nosort\nSELECT a FROM t\n----\n30 values hashing to 3c13\n\n"
            + "query I valuesort\nSELECT a FROM t WHERE a > 9\n";

    List<SltRecord> records = SltParser.parse("t.test", text);

    SltQuery hashed = (SltQuery) records.get(0);
    assertThat(hashed.expectedCount()).isEqualTo(30);
    assertThat(hashed.expectedHash()).isEqualTo("3c13");
    assertThat(hashed.expectedValues()).isNull();
    SltQuery empty = (SltQuery) records.get(1);
    assertThat(empty.sortMode()).isEqualTo(SltQuery.SortMode.VALUESORT);
    assertThat(empty.expectedValues()).isEmpty();
  }

  @Test
  void conditionsSelectEngines() {
    String text =
        "onlyif mysql # CAST syntax\nstatement ok\nSELECT 1\n\n"
            + "skipif mysql # not compatible\nstatement error\nSELECT 2\n\nskipif sqlite\nhalt\n";

    List<SltRecord> records = SltParser.parse("t.test", text);

    assertThat(records.get(0).conditions().skipReason()).isEqualTo("onlyif mysql");
    assertThat(records.get(1).conditions().skipReason()).isNull();
    assertThat(((SltStatement) records.get(1)).expectsError()).isTrue();
    assertThat(records.get(2)).isInstanceOf(SltHalt.class);
    assertThat(records.get(2).conditions().skipReason()).isNull();
  }

  @Test
  void invalidRecordsNameFileAndLine() {
    assertThatThrownBy(() -> SltParser.parse("t.test", "\nquery X nosort\nSELECT 1\n"))
        .hasMessageContaining("t.test:2")
        .hasMessageContaining("column types");
    assertThatThrownBy(() -> SltParser.parse("t.test", "query I anysort\nSELECT 1\n"))
        .hasMessageContaining("sort mode");
    assertThatThrownBy(() -> SltParser.parse("t.test", "statement maybe\nSELECT 1\n"))
        .hasMessageContaining("statement ok");
    assertThatThrownBy(() -> SltParser.parse("t.test", "select 1\n"))
        .hasMessageContaining("unknown record type");
  }
}
