package dev.warpsql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryCheckTest {
  private static final AnswerText ONE = new AnswerText(List.of(false), List.of(List.of("1")));
  private static final AnswerText TWO = new AnswerText(List.of(false), List.of(List.of("2")));
  private static final Optional<List<Integer>> NO_ORDER_BY = Optional.of(List.of());

  private static DeviceRun finished(AnswerText warmUp, AnswerText timed, long fallbacks) {
    return new DeviceRun(
        null, null, 1.0, List.of(warmUp, timed), 3, 0, fallbacks, List.of(), 1, 12.5);
  }

  private static QueryCheck judge(DeviceRun reference, DeviceRun device) {
    return QueryCheck.judge("q1", 100, NO_ORDER_BY, "gpu", reference, device);
  }

  @Test
  void sameAnswersMatch() {
    QueryCheck check = judge(finished(ONE, ONE, 0), finished(ONE, ONE, 0));

    assertThat(check.verdict()).isEqualTo(QueryCheck.MATCH);
    assertThat(check.passed()).isTrue();
  }

  @Test
  void differentWarmUpAnswerIsMismatch() {
    QueryCheck check = judge(finished(ONE, ONE, 0), finished(TWO, ONE, 0));

    assertThat(check.verdict()).isEqualTo(QueryCheck.MISMATCH);
    assertThat(check.detail()).startsWith("gpu warm-up: row 1, column 1");
  }

  @Test
  void fallbackFailsDespiteSameAnswers() {
    QueryCheck check = judge(finished(ONE, ONE, 0), finished(ONE, ONE, 2));

    assertThat(check.verdict()).isEqualTo(QueryCheck.FALLBACK);
    assertThat(check.passed()).isFalse();
  }

  @Test
  void deviceTimeoutIsReported() {
    DeviceRun timeout =
        new DeviceRun(
            DeviceRun.TIMEOUT, "canceled", Double.NaN, List.of(ONE), 1, 0, 0, List.of(), 0, 0);

    QueryCheck check = judge(finished(ONE, ONE, 0), timeout);

    assertThat(check.verdict()).isEqualTo(DeviceRun.TIMEOUT);
    assertThat(check.detail()).isEqualTo("gpu: canceled");
  }
}
