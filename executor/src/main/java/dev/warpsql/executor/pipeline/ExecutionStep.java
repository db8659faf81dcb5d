package dev.warpsql.executor.pipeline;

/**
 * One node of an executable plan: it produces a {@link Batch} from the batches of its inputs.
 *
 * <p>Steps are built once when a statement is prepared, with their kernels compiled, and then
 * executed any number of times, possibly at the same time on several threads; all per-execution
 * state lives in the {@link ExecutionContext}.
 */
public interface ExecutionStep {
  /** Runs this step and its inputs; the caller owns (and must close) the returned batch. */
  Batch execute(ExecutionContext context);

  /** Returns a one-line description for plans and logs. */
  String describe();

  /**
   * Returns whether the rows of this step's batch are in an order that the statement needs, such as
   * the output of an ORDER BY, so that the steps above must keep it. A step that only passes its
   * input's rows on in the same order returns what its input returns.
   */
  default boolean ordered() {
    return false;
  }
}
