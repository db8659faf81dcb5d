package dev.warpsql.executor.catalog;

import dev.warpsql.executor.storage.Table;
import java.util.List;

/**
 * The state a transaction commits: every schema with the version of each of its tables and its
 * views. The tables are borrowed; a store reads them only while {@code persist} runs.
 */
public record CatalogSnapshot(List<SchemaSnapshot> schemas) {
  public CatalogSnapshot {
    schemas = List.copyOf(schemas);
  }

  /** One schema of a snapshot, with tables and views ordered by name. */
  public record SchemaSnapshot(String name, List<Table> tables, List<ViewDefinition> views) {
    public SchemaSnapshot {
      tables = List.copyOf(tables);
      views = List.copyOf(views);
    }
  }
}
