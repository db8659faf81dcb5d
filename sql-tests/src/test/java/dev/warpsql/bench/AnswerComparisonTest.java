package dev.warpsql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerComparisonTest {
  private static final Optional<List<Integer>> NO_ORDER_BY = Optional.of(List.of());
  private static final Optional<List<Integer>> FIRST_COLUMN = Optional.of(List.of(0));
  private static final Optional<List<Integer>> UNKNOWN_ORDER = Optional.empty();

  private static AnswerText answer(List<Boolean> approximate, List<String>... rows) {
    return new AnswerText(approximate, List.of(rows));
  }

  private static AnswerText exact(List<String>... rows) {
    return answer(List.of(false, false), rows);
  }

  @Test
  void equalTextMatches() {
    AnswerText expected = exact(List.of("a", "1.50"), Arrays.asList("b", null));

    assertThat(AnswerComparison.difference(expected, expected, FIRST_COLUMN)).isEmpty();
  }

  @Test
  void decimalScaleIsADifference() {
    AnswerText expected = exact(List.of("a", "1.50"));
    AnswerText actual = exact(List.of("a", "1.5"));

    assertThat(AnswerComparison.difference(expected, actual, NO_ORDER_BY))
        .contains("row 1, column 2: '1.5', expected '1.50'");
  }

  @Test
  void nullAgainstTextIsADifference() {
    AnswerText expected = exact(Arrays.asList("a", null));
    AnswerText actual = exact(List.of("a", "NULL"));

    assertThat(AnswerComparison.difference(expected, actual, NO_ORDER_BY)).isPresent();
  }

  @Test
  void rowsWithoutOrderByMayComeInAnyOrder() {
    AnswerText expected = exact(List.of("a", "1"), List.of("b", "2"));
    AnswerText actual = exact(List.of("b", "2"), List.of("a", "1"));

    assertThat(AnswerComparison.difference(expected, actual, NO_ORDER_BY)).isEmpty();
  }

  @Test
  void rowsUnderOrderByMustKeepTheirOrder() {
    AnswerText expected = exact(List.of("a", "1"), List.of("b", "2"));
    AnswerText actual = exact(List.of("b", "2"), List.of("a", "1"));

    assertThat(AnswerComparison.difference(expected, actual, FIRST_COLUMN))
        .contains("row 1, column 1: 'b', expected 'a'");
  }

  @Test
  void tiesUnderOrderByMayComeInAnyOrder() {
    AnswerText expected = exact(List.of("a", "1"), List.of("a", "2"), List.of("b", "3"));
    AnswerText actual = exact(List.of("a", "2"), List.of("a", "1"), List.of("b", "3"));

    assertThat(AnswerComparison.difference(expected, actual, FIRST_COLUMN)).isEmpty();
  }

  @Test
  void unknownOrderKeysCompareInPlace() {
    AnswerText expected = exact(List.of("a", "1"), List.of("a", "2"));
    AnswerText actual = exact(List.of("a", "2"), List.of("a", "1"));

    assertThat(AnswerComparison.difference(expected, actual, UNKNOWN_ORDER)).isPresent();
  }

  @Test
  void rowCountDifferenceIsReported() {
    AnswerText expected = exact(List.of("a", "1"), List.of("b", "2"));
    AnswerText actual = exact(List.of("a", "1"));

    assertThat(AnswerComparison.difference(expected, actual, NO_ORDER_BY))
        .contains("row count 1, expected 2");
  }

  @Test
  void doubleColumnAllowsRoundingDifferences() {
    List<Boolean> approximate = List.of(false, true);
    AnswerText expected = answer(approximate, List.of("a", "0.30000000000000004"));
    AnswerText close = answer(approximate, List.of("a", "0.3"));
    AnswerText far = answer(approximate, List.of("a", "0.3001"));

    assertThat(AnswerComparison.difference(expected, close, NO_ORDER_BY)).isEmpty();
    assertThat(AnswerComparison.difference(expected, far, NO_ORDER_BY)).isPresent();
  }

  @Test
  void exactColumnRejectsRoundingDifferences() {
    AnswerText expected = exact(List.of("a", "0.30000000000000004"));
    AnswerText actual = exact(List.of("a", "0.3"));

    assertThat(AnswerComparison.difference(expected, actual, NO_ORDER_BY)).isPresent();
  }
}
