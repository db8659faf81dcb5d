package dev.warpsql.executor.pipeline;

/**
 * A string expression of two string columns, such as {@code a || b}, that {@link StringPairStep}
 * evaluates once per distinct pair of codes.
 */
public interface StringPairFunction {
  /**
   * Returns the expression's value for two strings, either of which may be null, or null for a NULL
   * result.
   */
  String apply(String first, String second, ExecutionContext context);

  /** Returns the expression's text, for plans and error messages. */
  String describe();
}
