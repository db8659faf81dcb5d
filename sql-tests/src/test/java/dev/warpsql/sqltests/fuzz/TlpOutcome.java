package dev.warpsql.sqltests.fuzz;

import java.util.Objects;

/**
 * The verdict of one TLP check.
 *
 * @param verdict what the check found
 * @param detail the queries' results for a mismatch, the error for the other verdicts but PASSED
 */
record TlpOutcome(Verdict verdict, String detail) {
  enum Verdict {
    /** Q and the combined partitions returned the same. */
    PASSED,
    /** They returned different rows: a wrong result. */
    MISMATCH,
    /** A query failed other than with a clean SQLException, or timed out: a crash. */
    CRASH,
    /** A query raised a data exception (SQLSTATE class 22), so there is no verdict. */
    DATA_ERROR,
    /** WarpSQL rejected a query as invalid or unsupported, so there is no verdict. */
    REJECTED
  }

  TlpOutcome {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(detail, "detail");
  }

  /** Returns whether the check found a bug. */
  boolean isBug() {
    return verdict == Verdict.MISMATCH || verdict == Verdict.CRASH;
  }
}
