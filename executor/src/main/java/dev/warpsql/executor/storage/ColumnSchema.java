package dev.warpsql.executor.storage;

import dev.warpsql.kernels.ir.DataType;
import java.util.Objects;

/** Column of a table: its name, SQL type and whether it accepts NULL. */
public record ColumnSchema(String name, DataType type, boolean nullable) {
  public ColumnSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("column name must not be empty");
    }
  }

  /** Returns a nullable column. */
  public static ColumnSchema nullable(String name, DataType type) {
    return new ColumnSchema(name, type, true);
  }

  /** Returns a NOT NULL column. */
  public static ColumnSchema notNull(String name, DataType type) {
    return new ColumnSchema(name, type, false);
  }
}
