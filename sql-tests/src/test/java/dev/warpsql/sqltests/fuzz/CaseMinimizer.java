package dev.warpsql.sqltests.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing case while it keeps failing the same way, with the same verdict and, for a
 * crash, the same innermost cause thrown at the same place: it simplifies the predicate, drops Q's
 * own WHERE, and removes rows in ever smaller blocks. Each try runs on a fresh database, and the
 * number of tries is bounded.
 */
final class CaseMinimizer {
  /** The number of shrinking tries after which the smallest case so far is kept. */
  static final int MAX_TRIES = 150;

  private final String signature;
  private int tries;

  private CaseMinimizer(String signature) {
    this.signature = signature;
  }

  /**
   * Returns the smallest case found that fails the way {@code failing} failed with {@code outcome}.
   */
  static FuzzCase minimize(FuzzCase failing, TlpOutcome outcome) {
    CaseMinimizer minimizer = new CaseMinimizer(outcome.signature());
    FuzzCase smallest = minimizer.shrinkPredicate(failing);
    smallest = minimizer.dropBase(smallest);
    for (int t = 0; t < smallest.tables().size(); t++) {
      smallest = minimizer.shrinkRows(smallest, t);
    }
    return minimizer.shrinkPredicate(smallest);
  }

  private boolean stillFails(FuzzCase candidate) {
    if (tries >= MAX_TRIES) {
      return false;
    }
    tries++;
    return candidate.run().signature().equals(signature);
  }

  private FuzzCase shrinkPredicate(FuzzCase failing) {
    FuzzCase current = failing;
    boolean shrunk = true;
    while (shrunk && tries < MAX_TRIES) {
      shrunk = false;
      for (FuzzExpr simpler : current.query().predicate().simplerVariants()) {
        FuzzCase candidate = new FuzzCase(current.tables(), current.query().withPredicate(simpler));
        if (stillFails(candidate)) {
          current = candidate;
          shrunk = true;
          break;
        }
      }
    }
    return current;
  }

  private FuzzCase dropBase(FuzzCase failing) {
    if (failing.query().base() == null) {
      return failing;
    }
    FuzzCase candidate = new FuzzCase(failing.tables(), failing.query().withoutBase());
    return stillFails(candidate) ? candidate : failing;
  }

  /** Removes blocks of rows of table {@code t}, halving the block size down to single rows. */
  private FuzzCase shrinkRows(FuzzCase failing, int t) {
    FuzzCase current = failing;
    int block = Math.max(1, current.tables().get(t).rows().size() / 2);
    while (block >= 1 && tries < MAX_TRIES) {
      List<List<String>> rows = current.tables().get(t).rows();
      boolean removed = false;
      for (int start = 0; start < rows.size(); start += block) {
        List<List<String>> fewer = new ArrayList<>(rows.subList(0, start));
        fewer.addAll(rows.subList(Math.min(rows.size(), start + block), rows.size()));
        FuzzCase candidate = withRows(current, t, fewer);
        if (stillFails(candidate)) {
          current = candidate;
          removed = true;
          break;
        }
      }
      if (!removed) {
        block /= 2;
      }
    }
    return current;
  }

  private static FuzzCase withRows(FuzzCase fuzzCase, int t, List<List<String>> rows) {
    List<FuzzTable> tables = new ArrayList<>(fuzzCase.tables());
    tables.set(t, tables.get(t).withRows(rows));
    return new FuzzCase(tables, fuzzCase.query());
  }
}
