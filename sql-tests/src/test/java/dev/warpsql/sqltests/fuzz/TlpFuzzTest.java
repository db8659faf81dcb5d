package dev.warpsql.sqltests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Ternary logic partitioning over random tables and predicates. For every query Q and predicate p,
 * Q must return what Q restricted to the rows where p is TRUE, FALSE and NULL returns together, for
 * plain rows, DISTINCT, aggregates and GROUP BY.
 *
 * <p>By default it runs 300 checks from seed 1, stopping early after two minutes. {@code
 * -Dwarp.fuzz.queries=N} sets the number of checks, {@code -Dwarp.fuzz.seed=S} the seed and {@code
 * -Dwarp.fuzz.seconds=T} the time limit. A failure prints the seed and a shrunken SQL script that
 * reproduces it, for the first five failures or as many as {@code -Dwarp.fuzz.reported=N} sets.
 */
class TlpFuzzTest {
  @Test
  void partitionsReturnWhatQueryReturns() {
    long seed = Long.getLong("warp.fuzz.seed", 1L);
    int checks = Integer.getInteger("warp.fuzz.queries", 300);
    long seconds = Long.getLong("warp.fuzz.seconds", 120L);
    int reported =
        Integer.getInteger("warp.fuzz.reported", TlpFuzzer.DEFAULT_MAX_REPORTED_FAILURES);

    TlpFuzzer.Summary summary = TlpFuzzer.run(seed, checks, seconds * 1000, reported);

    System.out.println(summary.line());
    summary.rejections.forEach(rejection -> System.out.println("rejected: " + rejection));
    summary.failures.forEach(failure -> System.out.println("FAILURE " + failure));
    assertThat(summary.failures).as("TLP failures with seed %d", seed).isEmpty();
    assertThat(summary.bugs()).as("mismatches and crashes with seed %d", seed).isZero();
  }
}
