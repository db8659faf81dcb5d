package dev.warpsql.planner.schema;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteSchema;

/**
 * Keeps a connection's root schema in step with the catalog: every catalog schema appears as a
 * {@link WarpSchema}, and schemas dropped from the catalog disappear. Each connection has its own
 * root schema, so statements sync it before they are prepared.
 */
public final class SchemaSync {
  private SchemaSync() {}

  /** Returns the catalog whose schemas the root schema shows. */
  public static Catalog catalog(CalciteSchema root) {
    Catalog catalog = findCatalog(root);
    if (catalog == null) {
      throw new WarpException(
          ErrorCode.INTERNAL_ERROR, "connection has no WarpSQL schema; open a new connection");
    }
    return catalog;
  }

  /** Returns the catalog of a root schema's WarpSQL schemas, or null when it has none. */
  public static Catalog findCatalog(CalciteSchema root) {
    for (CalciteSchema sub : root.getSubSchemaMap().values()) {
      if (sub.schema instanceof WarpSchema warp) {
        return warp.catalogSchema().catalog();
      }
    }
    return null;
  }

  /**
   * Adds the catalog's new schemas to the root schema and removes those the catalog dropped. Does
   * nothing for a root schema without WarpSQL schemas, such as Calcite's own metadata connection.
   */
  public static void sync(CalciteSchema root) {
    Catalog catalog = null;
    for (Map.Entry<String, CalciteSchema> entry : root.getSubSchemaMap().entrySet()) {
      if (entry.getValue().schema instanceof WarpSchema warp) {
        catalog = warp.catalogSchema().catalog();
        if (catalog.schema(entry.getKey()) != warp.catalogSchema()) {
          root.removeSubSchema(entry.getKey());
        }
      }
    }
    if (catalog == null) {
      return;
    }
    for (CatalogSchema schema : catalog.schemas()) {
      CalciteSchema existing = root.getSubSchema(schema.name(), true);
      if (existing == null || !(existing.schema instanceof WarpSchema)) {
        add(root, schema);
      }
    }
  }

  /** Adds a catalog schema to a root schema, which reads the catalog on every lookup. */
  public static void add(CalciteSchema root, CatalogSchema schema) {
    CalciteSchema added = root.add(schema.name(), new WarpSchema(schema));
    // Calcite 1.41 builds a schema's table lookup on first use and caches it unless caching was
    // off when it was built, but setCache(false) turns off only the lookups that exist. Building
    // the lookup first keeps DatabaseMetaData from listing the tables of its first call forever.
    added.getTableNames();
    added.setCache(false);
  }
}
