package dev.warpsql.executor.write;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogTransaction;
import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.pipeline.ExecutionContext;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import java.util.Objects;

/**
 * CREATE TABLE ... AS: creates a table from the rows of its input in one catalog transaction and
 * returns their count. When the query or a value fails, no table is created.
 */
public final class CreateTableStep implements ExecutionStep {
  private final Catalog catalog;
  private final String schemaName;
  private final String tableName;
  private final TableSchema schema;
  private final ExecutionStep input;
  private final int[] fields;

  /**
   * @param fields the input column for each table column, in table order
   */
  public CreateTableStep(
      Catalog catalog,
      String schemaName,
      String tableName,
      TableSchema schema,
      ExecutionStep input,
      int[] fields) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.schemaName = Objects.requireNonNull(schemaName, "schemaName");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.input = Objects.requireNonNull(input, "input");
    this.fields = fields.clone();
  }

  @Override
  public Batch execute(ExecutionContext context) {
    try (CatalogTransaction transaction = catalog.begin()) {
      long rows;
      Table table;
      try (Batch batch = input.execute(context);
          TableBuilder builder =
              new TableBuilder(
                  tableName, schema, catalog.allocator(), TableBuilder.DEFAULT_CHUNK_ROWS)) {
        rows = BatchRows.append(builder, batch, fields, -1, true);
        context.checkCanceled();
        table = builder.build();
      }
      Transactions.create(transaction, schemaName, table);
      transaction.commit();
      return RowCounts.of(rows, context.allocator());
    }
  }

  @Override
  public String describe() {
    return "create table " + tableName;
  }
}
