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
}
