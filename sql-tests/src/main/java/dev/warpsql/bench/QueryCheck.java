package dev.warpsql.bench;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one query on the reference device and on the device under test.
 *
 * @param scanBytes the bytes of the columns the query names, from {@link ScanBytes}
 * @param reference the run on the reference device; null when the query was skipped
 * @param device the run on the device under test; null when the query was skipped
 * @param verdict MATCH, MISMATCH, FALLBACK (answers match, but pipelines of the device under test
 *     ran on the CPU), TIMEOUT, ERROR or SKIPPED
 * @param detail what went wrong, or null for MATCH
 */
record QueryCheck(
    String query,
    long scanBytes,
    DeviceRun reference,
    DeviceRun device,
    String verdict,
    String detail) {
  static final String MATCH = "MATCH";
  static final String MISMATCH = "MISMATCH";
  static final String FALLBACK = "FALLBACK";
  static final String SKIPPED = "SKIPPED";

  boolean passed() {
    return verdict.equals(MATCH);
  }

  /** Returns a query that was not run because the time budget ran out. */
  static QueryCheck skipped(String query, long scanBytes) {
    return new QueryCheck(query, scanBytes, null, null, SKIPPED, "the time budget ran out");
  }

  /**
   * Judges two runs: a failure on either side comes first, then a difference between the reference
   * answer and either answer of the device under test, then a fallback to the CPU.
   *
   * @param orderKeys the query's ORDER BY columns, from {@link OrderKeys#of}
   */
  static QueryCheck judge(
      String query,
      long scanBytes,
      Optional<List<Integer>> orderKeys,
      String deviceName,
      DeviceRun reference,
      DeviceRun device) {
    if (!reference.finished()) {
      return new QueryCheck(
          query,
          scanBytes,
          reference,
          device,
          reference.failure(),
          "reference: " + reference.message());
    }
    if (!device.finished()) {
      return new QueryCheck(
          query,
          scanBytes,
          reference,
          device,
          device.failure(),
          deviceName + ": " + device.message());
    }
    String[] runNames = {"warm-up", "timed run"};
    for (int run = 0; run < device.answers().size(); run++) {
      Optional<String> difference =
          AnswerComparison.difference(reference.answer(), device.answers().get(run), orderKeys);
      if (difference.isPresent()) {
        String detail = deviceName + " " + runNames[run] + ": " + difference.get();
        return new QueryCheck(query, scanBytes, reference, device, MISMATCH, detail);
      }
    }
    if (device.fallbackCount() > 0) {
      String detail =
          device.fallbackCount()
              + " pipeline executions ran on the CPU instead of "
              + deviceName
              + ": "
              + String.join("; ", device.fallbacks());
      return new QueryCheck(query, scanBytes, reference, device, FALLBACK, detail);
    }
    return new QueryCheck(query, scanBytes, reference, device, MATCH, null);
  }
}
