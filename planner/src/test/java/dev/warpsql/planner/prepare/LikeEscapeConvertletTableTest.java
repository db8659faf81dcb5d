package dev.warpsql.planner.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import org.junit.jupiter.api.Test;

class LikeEscapeConvertletTableTest {
  @Test
  void wildcardEscapeBecomesBackslash() {
    assertThat(LikeEscapeConvertletTable.withDefaultEscape("%%", '%')).isEqualTo("\\%");
    assertThat(LikeEscapeConvertletTable.withDefaultEscape("a%_", '%')).isEqualTo("a\\_");
    assertThat(LikeEscapeConvertletTable.withDefaultEscape("_%", '_')).isEqualTo("\\%");
  }

  @Test
  void escapedEscapeIsAPlainCharacter() {
    assertThat(LikeEscapeConvertletTable.withDefaultEscape("a##c", '#')).isEqualTo("a#c");
    assertThat(LikeEscapeConvertletTable.withDefaultEscape("aa%", 'a')).isEqualTo("a%");
  }

  @Test
  void backslashOutsideAnEscapeIsEscaped() {
    assertThat(LikeEscapeConvertletTable.withDefaultEscape("a\\b#%", '#')).isEqualTo("a\\\\b\\%");
  }

  @Test
  void trailingEscapeIsInvalidSequence() {
    assertThatThrownBy(() -> LikeEscapeConvertletTable.withDefaultEscape("a%", '%'))
        .isInstanceOf(WarpException.class)
        .extracting(e -> ((WarpException) e).code())
        .isEqualTo(ErrorCode.INVALID_ESCAPE_SEQUENCE);
  }

  @Test
  void escapeBeforeOrdinaryCharacterIsInvalidSequence() {
    assertThatThrownBy(() -> LikeEscapeConvertletTable.withDefaultEscape("a#c", '#'))
        .isInstanceOf(WarpException.class)
        .extracting(e -> ((WarpException) e).code())
        .isEqualTo(ErrorCode.INVALID_ESCAPE_SEQUENCE);
  }
}
