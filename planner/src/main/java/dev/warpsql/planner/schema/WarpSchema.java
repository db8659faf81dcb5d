package dev.warpsql.planner.schema;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.catalog.ViewDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Calcite's view of one catalog schema: its tables and views. It reads the catalog on every lookup,
 * so tables and views added or dropped by any connection are visible to the next statement of every
 * other connection.
 */
public final class WarpSchema extends AbstractSchema {
  private final CatalogSchema schema;

  public WarpSchema(CatalogSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  @Override
  protected Map<String, org.apache.calcite.schema.Table> getTableMap() {
    Map<String, org.apache.calcite.schema.Table> tables = new LinkedHashMap<>();
    for (CatalogTable table : schema.catalogTables()) {
      tables.put(table.name(), new WarpTable(table));
    }
    for (ViewDefinition view : schema.views()) {
      tables.put(view.name(), new WarpView(schema.name(), view));
    }
    return tables;
  }

  /** Returns the table functions, which every schema offers, so they resolve from any of them. */
  @Override
  protected Multimap<String, org.apache.calcite.schema.Function> getFunctionMultimap() {
    return ImmutableMultimap.of(
        "read_csv",
        FileTableFunctions.readCsv(schema.catalog()),
        "read_parquet",
        FileTableFunctions.readParquet(schema.catalog()),
        FileTableFunctions.COPY_SOURCE,
        FileTableFunctions.copySource(schema.catalog()),
        FileTableFunctions.COPY_PARQUET_SOURCE,
        FileTableFunctions.copyParquetSource(schema.catalog()));
  }

  /** Returns the catalog schema that this schema reads. */
  public CatalogSchema catalogSchema() {
    return schema;
  }

  @Override
  public boolean isMutable() {
    return true;
  }
}
