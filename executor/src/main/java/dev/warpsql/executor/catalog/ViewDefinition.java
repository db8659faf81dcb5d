package dev.warpsql.executor.catalog;

import dev.warpsql.executor.storage.ColumnSchema;
import java.util.List;
import java.util.Objects;

/**
 * A view: its name, the SQL text of its query, the schema path that resolves the unqualified names
 * in that text, and the columns that the query returned when the view was created.
 */
public record ViewDefinition(
    String name, String sql, List<String> schemaPath, List<ColumnSchema> columns) {
  public ViewDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
    schemaPath = List.copyOf(schemaPath);
    columns = List.copyOf(columns);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("view name must not be empty");
    }
  }
}
