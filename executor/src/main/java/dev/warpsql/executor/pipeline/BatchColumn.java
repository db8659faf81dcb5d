package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.Objects;

/**
 * Column of a {@link Batch}: its name, type and nullability, and for VARCHAR the dictionary that
 * decodes its codes.
 */
public record BatchColumn(
    String name, DataType type, boolean nullable, StringDictionary dictionary) {
  public BatchColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if ((type.kind() == TypeKind.VARCHAR) != (dictionary != null)) {
      throw new IllegalArgumentException(
          "column " + name + ": a dictionary is required for VARCHAR and only for VARCHAR");
    }
  }
}
