package dev.warpsql.sqltests;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultComparisonTest {
  @Test
  void nanMatchesNan() {
    assertThatCode(() -> ResultComparison.assertSameValue("r", Double.NaN, Double.NaN))
        .doesNotThrowAnyException();
  }

  @Test
  void nanDiffersFromNumber() {
    assertThatThrownBy(() -> ResultComparison.assertSameValue("r", Double.NaN, 1.0))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> ResultComparison.assertSameValue("r", 1.0, Double.NaN))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void infinitiesCompareExactly() {
    assertThatCode(
            () ->
                ResultComparison.assertSameValue(
                    "r", Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                ResultComparison.assertSameValue(
                    "r", Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void closeDoublesMatch() {
    assertThatCode(() -> ResultComparison.assertSameValue("r", 1.0, 1.0 + 1e-12))
        .doesNotThrowAnyException();
  }
}
