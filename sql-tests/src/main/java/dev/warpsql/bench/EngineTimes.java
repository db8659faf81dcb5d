package dev.warpsql.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One engine's timed runs of one query, in milliseconds, or why it has no time: {@code TIMEOUT}
 * when it ran past its time limit, {@code ERROR} when it failed.
 */
final class EngineTimes {
  private final List<Double> millis = new ArrayList<>();
  private String failure;

  void add(double runMillis) {
    millis.add(runMillis);
  }

  void timedOut() {
    failure = "TIMEOUT";
  }

  void failed() {
    failure = "ERROR";
  }

  /** Returns whether the engine has a time: it neither timed out nor failed. */
  boolean hasTime() {
    return failure == null && !millis.isEmpty();
  }

  /** Returns TIMEOUT, ERROR, or null when the engine has a time. */
  String failure() {
    return failure;
  }

  /** Returns the median of the timed runs in milliseconds; valid only when {@link #hasTime()}. */
  double medianMillis() {
    return median(millis);
  }

  /** Returns the median of a non-empty list: the middle value, or the mean of the middle two. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalStateException("no values to take the median of");
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
