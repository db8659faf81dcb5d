package dev.warpsql.planner.ddl;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.executor.write.CreateTableStep;
import dev.warpsql.planner.exec.TableWrite;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;

/** The write of CREATE TABLE ... AS: a new table from the query's rows. */
final class CreateTableAs implements TableWrite {
  private final Catalog catalog;
  private final String schemaName;
  private final String tableName;
  private final List<String> columnNames;

  /**
   * @param columnNames the statement's column list, or null to take the query's column names
   */
  CreateTableAs(Catalog catalog, String schemaName, String tableName, List<String> columnNames) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.schemaName = Objects.requireNonNull(schemaName, "schemaName");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.columnNames = columnNames == null ? null : List.copyOf(columnNames);
  }

  @Override
  public ExecutionStep wrap(ExecutionStep query, int[] fields, RelDataType rowType) {
    TableSchema schema = TableColumns.fromRowType(rowType, columnNames, tableName);
    return new CreateTableStep(catalog, schemaName, tableName, schema, query, fields);
  }
}
