package dev.warpsql.sqltests.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SltValueFormatTest {
  @Test
  void nullIsNullInEveryColumn() {
    assertThat(SltValueFormat.format(null, 'I')).isEqualTo("NULL");
    assertThat(SltValueFormat.format(null, 'R')).isEqualTo("NULL");
    assertThat(SltValueFormat.format(null, 'T')).isEqualTo("NULL");
  }

  @Test
  void integerColumnTruncatesTowardZero() {
    assertThat(SltValueFormat.format(42, 'I')).isEqualTo("42");
    assertThat(SltValueFormat.format(-7.9, 'I')).isEqualTo("-7");
    assertThat(SltValueFormat.format(new BigDecimal("12.50"), 'I')).isEqualTo("12");
    assertThat(SltValueFormat.format(true, 'I')).isEqualTo("1");
    assertThat(SltValueFormat.format(false, 'I')).isEqualTo("0");
    assertThat(SltValueFormat.format("12abc", 'I')).isEqualTo("12");
    assertThat(SltValueFormat.format("abc", 'I')).isEqualTo("0");
    assertThat(SltValueFormat.format(1e30, 'I')).isEqualTo(Long.toString(Long.MAX_VALUE));
  }

  @Test
  void realColumnRoundsToThreeDigits() {
    assertThat(SltValueFormat.format(5, 'R')).isEqualTo("5.000");
    assertThat(SltValueFormat.format(0.0625, 'R')).isEqualTo("0.063");
    assertThat(SltValueFormat.format(-2.5, 'R')).isEqualTo("-2.500");
    assertThat(SltValueFormat.format(-0.0001, 'R')).isEqualTo("-0.000");
    assertThat(SltValueFormat.format(new BigDecimal("1.23456"), 'R')).isEqualTo("1.235");
    assertThat(SltValueFormat.format(Double.NaN, 'R')).isEqualTo("NaN");
    assertThat(SltValueFormat.format("3.5x", 'R')).isEqualTo("3.500");
  }

  @Test
  void textColumnMarksEmptyAndUnprintable() {
    assertThat(SltValueFormat.format("abc", 'T')).isEqualTo("abc");
    assertThat(SltValueFormat.format("", 'T')).isEqualTo("(empty)");
    assertThat(SltValueFormat.format("a\tb", 'T')).isEqualTo("a@b");
    assertThat(SltValueFormat.format("é", 'T')).isEqualTo("@@");
    assertThat(SltValueFormat.format(7L, 'T')).isEqualTo("7");
    assertThat(SltValueFormat.format(1.0, 'T')).isEqualTo("1.0");
    assertThat(SltValueFormat.format(0.1, 'T')).isEqualTo("0.1");
    assertThat(SltValueFormat.format(1e20, 'T')).isEqualTo("1.0e+20");
  }

  @Test
  void hashIsMd5OfValuesWithNewlines() {
    assertThat(SltResult.md5(List.of("1", "NULL", "(empty)")))
        .isEqualTo("2bfa912ddacec268ba6ff2eec8104441");
  }
}
