package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.storage.Table;
import java.util.Objects;

/**
 * Source of a pipeline: a table's chunks, read in place.
 *
 * <p>A scan of a catalog table reads the version that the execution context chose for the statement
 * (see {@link ExecutionContext#tableVersion}), which stays referenced until the context closes, so
 * a concurrent change or drop of the table never frees chunks that the statement still reads. A
 * scan of a bare {@link Table} borrows it, and its owner keeps it open while the plan runs.
 */
public final class ScanStep implements ExecutionStep {
  private final CatalogTable catalogTable;
  private final Table table;

  /** Creates a scan of whatever version of a catalog table is current at each execution. */
  public ScanStep(CatalogTable catalogTable) {
    this.catalogTable = Objects.requireNonNull(catalogTable, "catalogTable");
    this.table = null;
  }

  /** Creates a scan of a fixed table that the caller owns. */
  public ScanStep(Table table) {
    this.catalogTable = null;
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public Batch execute(ExecutionContext context) {
    context.checkCanceled();
    if (catalogTable == null) {
      return Batch.ofTable(table);
    }
    return Batch.ofTable(context.tableVersion(catalogTable));
  }

  @Override
  public String describe() {
    return "scan " + (catalogTable == null ? table.name() : catalogTable.name());
  }
}
