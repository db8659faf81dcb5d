package dev.warpsql.sqltests;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Outcome counters of one SQL suite, printed as one line on stdout after the suite has run. Safe to
 * update from tests that run in parallel.
 *
 * <p>Every checked statement or query counts as run. One that returns what it must counts as
 * matched, and a known bug that still fails counts as a known bug, so run minus matched minus known
 * bugs is the number of failures. Fallbacks count plans that use Enumerable operators.
 */
public final class SuiteSummary {
  private final AtomicInteger run = new AtomicInteger();
  private final AtomicInteger matched = new AtomicInteger();
  private final AtomicInteger knownBugs = new AtomicInteger();
  private final AtomicInteger plans = new AtomicInteger();
  private final AtomicInteger fallbacks = new AtomicInteger();

  public void recordRun() {
    run.incrementAndGet();
  }

  public void recordMatch() {
    matched.incrementAndGet();
  }

  public void recordKnownBug() {
    knownBugs.incrementAndGet();
  }

  /** Records a plan that was checked, and whether it uses Enumerable operators. */
  public void recordPlan(boolean enumerable) {
    plans.incrementAndGet();
    if (enumerable) {
      fallbacks.incrementAndGet();
    }
  }

  /**
   * Returns the edge-case line, such as {@code edge cases: 9 run, 8 matched, 2 fell back, 1 known
   * bugs}, where fell back counts checked plans that use Enumerable operators.
   */
  public String edgeCaseLine() {
    return String.format(
        "edge cases: %d run, %d matched, %d fell back, %d known bugs",
        run.get(), matched.get(), fallbacks.get(), knownBugs.get());
  }

  /**
   * Returns the TPC-H line, such as {@code TPC-H: 44 queries run, 44 matched DuckDB, 1 of 22 plans
   * fell back}, where a query run at two scale factors counts twice.
   */
  public String tpchLine() {
    return String.format(
        "TPC-H: %d queries run, %d matched DuckDB, %d of %d plans fell back",
        run.get(), matched.get(), fallbacks.get(), plans.get());
  }
}
