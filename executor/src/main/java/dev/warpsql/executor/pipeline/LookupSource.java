package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.StringDictionary;

/**
 * Builds one code lookup table of a kernel at execution time, by evaluating a string expression
 * once per entry of the dictionary of the column that {@link #origin()} names.
 */
public interface LookupSource {
  /** Returns the kernel column whose dictionary the table is indexed by. */
  ColumnOrigin origin();

  /**
   * Returns a second kernel column whose dictionary the table is built against, such as the build
   * key of a join whose codes the table's results are, or null for none.
   */
  default ColumnOrigin target() {
    return null;
  }

  /** Returns a copy that reads its codes from another column. */
  LookupSource withOrigin(ColumnOrigin newOrigin);

  /**
   * Evaluates the expression for every code of the dictionary.
   *
   * @param target the dictionary of {@link #target()}, or null when there is none
   */
  BuiltLookup build(StringDictionary dictionary, StringDictionary target, ExecutionContext context);
}
