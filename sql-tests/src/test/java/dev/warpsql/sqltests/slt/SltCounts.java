package dev.warpsql.sqltests.slt;

/**
 * Outcome counts of one kind of record, statements or queries. A record that ran and did what the
 * file expects passed, one that ran and did not failed, and one that did not run or that Calcite's
 * parser rejected was skipped.
 */
final class SltCounts {
  private int passed;
  private int failed;
  private int skipped;

  void pass() {
    passed++;
  }

  void fail() {
    failed++;
  }

  void skip() {
    skipped++;
  }

  void add(SltCounts other) {
    passed += other.passed;
    failed += other.failed;
    skipped += other.skipped;
  }

  int passed() {
    return passed;
  }

  int failed() {
    return failed;
  }

  int skipped() {
    return skipped;
  }

  int run() {
    return passed + failed;
  }

  /** Returns the counts as in {@code 1000 run, 990 passed, 10 failed, 2 skipped}. */
  @Override
  public String toString() {
    return run() + " run, " + passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }
}
