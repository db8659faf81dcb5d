package dev.warpsql.planner.ddl;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.planner.schema.SchemaSync;
import java.util.List;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * The schema and name of a table or view that a DDL statement names, as {@code name} in the
 * connection's current schema or as {@code schema.name}.
 */
record ObjectName(Catalog catalog, CatalogSchema schema, String name) {
  static ObjectName resolve(SqlIdentifier identifier, CalcitePrepare.Context context) {
    Catalog catalog = SchemaSync.catalog(context.getMutableRootSchema());
    List<String> names = identifier.names;
    String schemaName;
    if (names.size() == 1) {
      List<String> path = context.getDefaultSchemaPath();
      schemaName = path.isEmpty() ? Catalog.DEFAULT_SCHEMA : path.get(path.size() - 1);
    } else if (names.size() == 2) {
      schemaName = names.get(0);
    } else {
      throw new WarpException(
          ErrorCode.SYNTAX_ERROR,
          "invalid name " + identifier + ": write name or schema.name, without a catalog.");
    }
    CatalogSchema schema = catalog.schema(schemaName);
    if (schema == null) {
      throw new WarpException(
          ErrorCode.UNKNOWN_SCHEMA,
          "schema \"" + schemaName + "\" does not exist. Create it with CREATE SCHEMA first.");
    }
    return new ObjectName(catalog, schema, names.get(names.size() - 1));
  }

  String schemaName() {
    return schema.name();
  }

  @Override
  public String toString() {
    return "\"" + schema.name() + "\".\"" + name + "\"";
  }
}
