package dev.warpsql.planner.schema;

import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.storage.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Calcite's view of one catalog schema. It reads the catalog on every lookup, so tables added or
 * dropped by any connection are visible to the next statement of every other connection.
 */
public final class WarpSchema extends AbstractSchema {
  private final CatalogSchema schema;

  public WarpSchema(CatalogSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  @Override
  protected Map<String, org.apache.calcite.schema.Table> getTableMap() {
    Map<String, org.apache.calcite.schema.Table> tables = new LinkedHashMap<>();
    for (Table table : schema.tables()) {
      tables.put(table.name(), new WarpTable(table));
    }
    return tables;
  }

  @Override
  public boolean isMutable() {
    return true;
  }
}
