package dev.warpsql.sqltests.fuzz;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fuzzing loop: rounds of fresh random tables, each followed by random TLP checks on them,
 * until a number of checks or a time limit is reached. Everything follows from one seed, so a seed
 * replays the same tables and checks.
 */
final class TlpFuzzer {
  /** Checks per round of tables. */
  static final int CHECKS_PER_ROUND = 20;

  /** Failures shrunk and kept in full by default; later ones are only counted. */
  static final int DEFAULT_MAX_REPORTED_FAILURES = 5;

  private TlpFuzzer() {}

  /** What a fuzzing run did. */
  static final class Summary {
    final long seed;
    final int maxReportedFailures;
    final Map<TlpOutcome.Verdict, Integer> verdicts = new EnumMap<>(TlpOutcome.Verdict.class);
    final List<String> failures = new ArrayList<>();
    final List<String> rejections = new ArrayList<>();
    int checks;
    int rounds;
    long elapsedMillis;

    Summary(long seed, int maxReportedFailures) {
      this.seed = seed;
      this.maxReportedFailures = maxReportedFailures;
    }

    int bugs() {
      return verdicts.getOrDefault(TlpOutcome.Verdict.MISMATCH, 0)
          + verdicts.getOrDefault(TlpOutcome.Verdict.CRASH, 0);
    }

    /** Returns one line such as {@code TLP fuzzer: seed 1, 300 checks in 15 rounds, ...}. */
    String line() {
      return String.format(
          "TLP fuzzer: seed %d, %d checks in %d rounds, %.1f s; verdicts %s",
          seed, checks, rounds, elapsedMillis / 1000.0, verdicts);
    }
  }

  /**
   * Runs checks until {@code maxChecks} have run or {@code maxMillis} have passed. The first {@code
   * maxReportedFailures} failures are shrunk and kept as scripts; shrinking takes up to {@link
   * CaseMinimizer#MAX_TRIES} extra checks each.
   */
  static Summary run(long seed, int maxChecks, long maxMillis, int maxReportedFailures) {
    Summary summary = new Summary(seed, maxReportedFailures);
    Random random = new Random(seed);
    long start = System.nanoTime();
    while (summary.checks < maxChecks && elapsedMillis(start) < maxMillis) {
      runRound(new Random(random.nextLong()), summary, maxChecks);
      summary.rounds++;
    }
    summary.elapsedMillis = elapsedMillis(start);
    return summary;
  }

  private static void runRound(Random random, Summary summary, int maxChecks) {
    List<FuzzTable> tables = TableGenerator.tables(random);
    QueryGenerator queries = new QueryGenerator(random, tables);
    try (Connection connection = FuzzDatabase.open(tables)) {
      for (int i = 0; i < CHECKS_PER_ROUND && summary.checks < maxChecks; i++) {
        TlpQuery query = queries.next();
        TlpOutcome outcome = TlpOracle.check(connection, query);
        record(summary, new FuzzCase(tables, query), outcome);
      }
    } catch (SQLException e) {
      String script = new FuzzCase(tables, queries.next()).script();
      summary.verdicts.merge(TlpOutcome.Verdict.CRASH, 1, Integer::sum);
      summary.failures.add("creating the tables failed: " + e + "\n" + script);
    }
  }

  private static void record(Summary summary, FuzzCase fuzzCase, TlpOutcome outcome) {
    summary.checks++;
    summary.verdicts.merge(outcome.verdict(), 1, Integer::sum);
    if (outcome.verdict() == TlpOutcome.Verdict.REJECTED && summary.rejections.size() < 5) {
      summary.rejections.add(outcome.detail() + "\n" + fuzzCase.query().combined());
    }
    if (!outcome.isBug() || summary.failures.size() >= summary.maxReportedFailures) {
      return;
    }
    FuzzCase smallest = CaseMinimizer.minimize(fuzzCase, outcome);
    TlpOutcome smallestOutcome = smallest.run();
    summary.failures.add(
        "seed "
            + summary.seed
            + ", check "
            + summary.checks
            + ": "
            + outcome.verdict()
            + "\n"
            + smallest.script()
            + "\n-- "
            + smallestOutcome.detail().replace("\n", "\n-- "));
  }

  private static long elapsedMillis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
