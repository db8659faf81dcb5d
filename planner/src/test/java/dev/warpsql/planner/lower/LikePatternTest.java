package dev.warpsql.planner.lower;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternTest {
  private static final char ESCAPE = '\\';

  @ParameterizedTest(name = "''{1}'' LIKE ''{0}'' is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "%special%requests%|pending special requests sleep|true",
        "%special%requests%|requests special|false",
        "PROMO%|PROMO BRUSHED COPPER|true",
        "PROMO%|ECONOMY PROMO|false",
        "%BRASS|STANDARD BRUSHED BRASS|true",
        "%BRASS|BRASS PLATED|false",
        "a_c|abc|true",
        "a_c|ac|false",
        "a_c|abbc|false",
        "%%|''|true",
        "''|''|true",
        "''|a|false",
        "%a%a%|aa|true",
        "%a%a%|a|false",
        "%ab%b|abb|true",
        "%ab%b|ab|false",
        "\\%%|%abc|true",
        "\\%%|abc|false",
        "a\\_c|a_c|true",
        "a\\_c|abc|false",
        "a\\\\c|a\\c|true",
        "_|😀|true",
        "__|😀|false",
        "%😀_|x😀é|true",
      })
  void matchesLikeTheStandard(String pattern, String value, boolean expected) {
    LikePattern compiled = LikePattern.compile(pattern, ESCAPE);

    assertThat(compiled.matches(value)).isEqualTo(expected);
  }

  /** As Calcite's LIKE, whose {@code _} is a regular expression's {@code .}. */
  @Test
  void underscoreSkipsLineTerminators() {
    assertThat(LikePattern.compile("a_b", ESCAPE).matches("a\nb")).isFalse();
    assertThat(LikePattern.compile("a_b", ESCAPE).matches("a\u2028b")).isFalse();
    assertThat(LikePattern.compile("a%b", ESCAPE).matches("a\n\nb")).isTrue();
  }

  @Test
  void invalidEscapeSequenceIsRejected() {
    assertThat(LikePattern.compile("a\\", ESCAPE)).isNull();
    assertThat(LikePattern.compile("a\\b", ESCAPE)).isNull();
    assertThat(LikePattern.compile("a\\b", (char) 0)).isNotNull();
  }

  /** Compares random patterns and strings with a regular expression of the same meaning. */
  @Test
  void agreesWithRegularExpressions() {
    Random random = new Random(42);
    String[] patternUnits = {"a", "b", "%", "_", "\\%", "\\_", "é", "😀", "\n"};
    String[] valueUnits = {"a", "b", "%", "_", "é", "😀", "\n"};
    for (int round = 0; round < 20_000; round++) {
      StringBuilder pattern = new StringBuilder();
      StringBuilder regex = new StringBuilder();
      for (int i = random.nextInt(6); i > 0; i--) {
        String unit = patternUnits[random.nextInt(patternUnits.length)];
        pattern.append(unit);
        regex.append(
            switch (unit) {
              case "%" -> "(?s:.*)";
              case "_" -> ".";
              default -> Pattern.quote(unit.startsWith("\\") ? unit.substring(1) : unit);
            });
      }
      StringBuilder value = new StringBuilder();
      for (int i = random.nextInt(7); i > 0; i--) {
        value.append(valueUnits[random.nextInt(valueUnits.length)]);
      }

      boolean expected = Pattern.compile(regex.toString()).matcher(value).matches();
      boolean actual = LikePattern.compile(pattern.toString(), ESCAPE).matches(value.toString());

      assertThat(actual).as("'%s' LIKE '%s'", value, pattern).isEqualTo(expected);
    }
  }
}
