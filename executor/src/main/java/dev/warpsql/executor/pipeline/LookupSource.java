package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.StringDictionary;

/**
 * Builds one code lookup table of a kernel at execution time, by evaluating a string expression
 * once per entry of the dictionary of the column that {@link #origin()} names.
 */
public interface LookupSource {
  /** Returns the kernel column whose dictionary the table is indexed by. */
  ColumnOrigin origin();

  /** Evaluates the expression for every code of the dictionary. */
  BuiltLookup build(StringDictionary dictionary, ExecutionContext context);
}
