package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.cpu.LookupTable;
import java.util.Objects;

/**
 * A lookup table built for one execution, and for a table of string results the dictionary that
 * decodes the codes it holds (null otherwise).
 */
public record BuiltLookup(LookupTable table, StringDictionary dictionary) {
  public BuiltLookup {
    Objects.requireNonNull(table, "table");
  }
}
