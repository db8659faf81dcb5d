package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.cpu.LookupTable;

/**
 * Builds one code lookup table of a kernel at execution time, by evaluating a string predicate once
 * per entry of the dictionary of the column that {@link #origin()} names.
 */
public interface LookupSource {
  /** Returns the kernel column whose dictionary the table is indexed by. */
  ColumnOrigin origin();

  /** Evaluates the predicate for every code of the dictionary. */
  LookupTable build(StringDictionary dictionary, ExecutionContext context);
}
