package dev.warpsql.kernels.cpu;

/**
 * A hook through which a kernel run stops early when its query is canceled or times out.
 *
 * <p>Between two calls a run does a bounded amount of work per input row, except where a probe
 * stage loops over build rows with equal keys: one row of a cross join visits every build row. The
 * generated code therefore calls {@link #check()} from those loops every {@link
 * #CANDIDATE_INTERVAL} candidates, and the caller's own checks between morsels cover the rest.
 */
@FunctionalInterface
public interface CancelCheck {
  /** Candidate build rows a run visits between two checks, an estimated 0.1 ms of probing. */
  int CANDIDATE_INTERVAL = 1 << 16;

  /** A check that never stops a run. */
  CancelCheck NONE = () -> {};

  /**
   * Returns normally to let the run go on, or throws an unchecked exception of the caller's choice,
   * which leaves the run as any other failure does and reaches the caller unchanged.
   */
  void check();
}
