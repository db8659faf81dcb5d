package dev.warpsql.sqltests.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What running one sqllogictest file found: statement and query counts, why records were skipped,
 * what kinds of failures occurred, and the first failures in full.
 *
 * <p>A crash is a failure that is not a clean {@link java.sql.SQLException}: another exception, an
 * internal error (SQLSTATE XX000) or a statement that ran past its timeout. Crashes are bugs that
 * come before wrong results.
 */
final class SltFileReport {
  /** The number of failures of each kind kept in full per file. */
  static final int SAMPLES_PER_KIND = 3;

  final String file;
  final SltCounts statements = new SltCounts();
  final SltCounts queries = new SltCounts();
  final Map<String, Integer> skipReasons = new TreeMap<>();
  final Map<String, Integer> failureKinds = new TreeMap<>();
  final Map<String, List<String>> failureSamples = new TreeMap<>();
  final List<String> crashes = new ArrayList<>();
  int adaptedStatements;
  int queriesLeftOut;
  long elapsedMillis;

  SltFileReport(String file) {
    this.file = file;
  }

  void skip(SltRecord record, String reason) {
    (record instanceof SltQuery ? queries : statements).skip();
    skipReasons.merge(reason, 1, Integer::sum);
  }

  void pass(SltRecord record) {
    (record instanceof SltQuery ? queries : statements).pass();
  }

  /**
   * Records a failure of a kind, such as {@code wrong result} or {@code SQLSTATE 42000}, with its
   * details for the first few samples.
   */
  void fail(SltRecord record, String kind, String detail, boolean crash) {
    (record instanceof SltQuery ? queries : statements).fail();
    failureKinds.merge(kind, 1, Integer::sum);
    String sample = file + ":" + record.line() + ": " + kind + ": " + detail;
    if (crash) {
      crashes.add(sample);
    }
    List<String> samples = failureSamples.computeIfAbsent(kind, k -> new ArrayList<>());
    if (samples.size() < SAMPLES_PER_KIND) {
      samples.add(sample);
    }
  }

  /** Adds another file's counts and reasons, for directory and suite totals. */
  void add(SltFileReport other) {
    statements.add(other.statements);
    queries.add(other.queries);
    other.skipReasons.forEach((reason, count) -> skipReasons.merge(reason, count, Integer::sum));
    other.failureKinds.forEach((kind, count) -> failureKinds.merge(kind, count, Integer::sum));
    crashes.addAll(other.crashes);
    adaptedStatements += other.adaptedStatements;
    queriesLeftOut += other.queriesLeftOut;
    elapsedMillis += other.elapsedMillis;
  }

  /**
   * Returns the one-line summary, such as {@code select1.test: statements 31 run, ...}. It names
   * the queries left out when the file stopped at a query limit, which count in no other number.
   */
  String summaryLine() {
    String leftOut = queriesLeftOut == 0 ? "" : String.format(" (%d left out)", queriesLeftOut);
    return String.format(
        "%s: statements %s; queries %s%s; %d statements adapted; %.1f s",
        file, statements, queries, leftOut, adaptedStatements, elapsedMillis / 1000.0);
  }

  /** Returns the summary line followed by indented skip reasons, failure kinds and samples. */
  String details() {
    StringBuilder text = new StringBuilder(summaryLine()).append('\n');
    skipReasons.forEach(
        (reason, count) ->
            text.append("  skipped ").append(count).append(": ").append(reason).append('\n'));
    failureKinds.forEach(
        (kind, count) -> {
          text.append("  failed ").append(count).append(": ").append(kind).append('\n');
          for (String sample : failureSamples.getOrDefault(kind, List.of())) {
            text.append("    ").append(sample.replace("\n", "\n      ")).append('\n');
          }
        });
    return text.toString();
  }
}
