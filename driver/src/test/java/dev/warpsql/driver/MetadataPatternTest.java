package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetadataPatternTest {
  @Test
  void underscoreMatchesExactlyOneCharacter() {
    MetadataPattern pattern = MetadataPattern.of("a_c");

    assertThat(pattern.matches("abc")).isTrue();
    assertThat(pattern.matches("a_c")).isTrue();
    assertThat(pattern.matches("ac")).isFalse();
    assertThat(pattern.matches("abbc")).isFalse();
  }

  @Test
  void escapeMakesNextCharacterLiteral() {
    assertThat(MetadataPattern.of("a\\_c").matches("a_c")).isTrue();
    assertThat(MetadataPattern.of("a\\_c").matches("abc")).isFalse();
    assertThat(MetadataPattern.of("a\\%").matches("a%")).isTrue();
    assertThat(MetadataPattern.of("a\\%").matches("ab")).isFalse();
    assertThat(MetadataPattern.of("a\\\\").matches("a\\")).isTrue();
  }

  @Test
  void regexCharactersAreLiteral() {
    assertThat(MetadataPattern.of("a.c").matches("abc")).isFalse();
    assertThat(MetadataPattern.of("a[b]*").matches("a[b]*")).isTrue();
    assertThat(MetadataPattern.of("trailing\\").matches("trailing\\")).isTrue();
  }

  @Test
  void calcitePatternWidensOnlyUnescapedUnderscore() {
    assertThat(MetadataPattern.of("a_b\\_c%").calcitePattern()).isEqualTo("a%b\\_c%");
    assertThat(MetadataPattern.of("a\\_b%").calcitePattern()).isEqualTo("a\\_b%");
  }

  @Test
  void nullPatternMatchesAll() {
    assertThat(MetadataPattern.of(null).matches("anything")).isTrue();
    assertThat(MetadataPattern.of(null).calcitePattern()).isNull();
  }
}
