package dev.warpsql.sqltests.fuzz;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** The innermost cause's class and first stack frame in a crash's detail. */
  private static final Pattern CRASH_ORIGIN =
      Pattern.compile("\\ncaused by ([\\w.$]+).*?\\n  at ([^\\n]+)", Pattern.DOTALL);

  TlpOutcome {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * Returns the verdict, and for a crash also the class of its innermost cause and the place that
   * threw it, so that shrinking keeps a crash of the same class even when its message changes.
   */
  String signature() {
    if (verdict != Verdict.CRASH) {
      return verdict.name();
    }
    Matcher origin = CRASH_ORIGIN.matcher(detail);
    return origin.find() ? verdict + " " + origin.group(1) + " " + origin.group(2) : detail;
  }

  /** Returns whether the check found a bug. */
  boolean isBug() {
    return verdict == Verdict.MISMATCH || verdict == Verdict.CRASH;
  }
}
