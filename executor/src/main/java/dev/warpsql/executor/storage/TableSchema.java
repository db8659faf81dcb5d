package dev.warpsql.executor.storage;

import dev.warpsql.kernels.ir.DataType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ordered columns of a table. Column names are unique and matched exactly (case-sensitive), so
 * callers fold unquoted identifiers to lower case before looking them up.
 */
public record TableSchema(List<ColumnSchema> columns) {
  public TableSchema {
    Objects.requireNonNull(columns, "columns");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      Integer previous = seen.putIfAbsent(columns.get(i).name(), i);
      if (previous != null) {
        throw new IllegalArgumentException(
            "duplicate column name \""
                + columns.get(i).name()
                + "\" at positions "
                + previous
                + " and "
                + i);
      }
    }
  }

  /** Returns a schema of the given columns. */
  public static TableSchema of(ColumnSchema... columns) {
    return new TableSchema(List.of(columns));
  }

  /** Returns the number of columns. */
  public int size() {
    return columns.size();
  }

  /** Returns the column at the given position. */
  public ColumnSchema column(int index) {
    return columns.get(index);
  }

  /** Returns the type of the column at the given position. */
  public DataType type(int index) {
    return columns.get(index).type();
  }

  /** Returns the position of the column with exactly this name, or -1 if there is none. */
  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the column names in order. */
  public List<String> names() {
    return columns.stream().map(ColumnSchema::name).toList();
  }
}
