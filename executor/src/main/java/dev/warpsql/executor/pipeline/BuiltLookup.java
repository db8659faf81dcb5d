package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.cpu.LookupTable;
import java.util.Objects;

/**
 * A lookup table built for one execution. A table of string results comes with the dictionary that
 * decodes its codes; for other tables the dictionary is null.
 */
public record BuiltLookup(LookupTable table, StringDictionary dictionary) {
  public BuiltLookup {
    Objects.requireNonNull(table, "table");
  }
}
