package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.Table;
import java.util.Objects;

/** Source of a pipeline: a table's chunks, read in place. */
public final class ScanStep implements ExecutionStep {
  private final Table table;

  public ScanStep(Table table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public Batch execute(ExecutionContext context) {
    context.checkCanceled();
    return Batch.ofTable(table);
  }

  @Override
  public String describe() {
    return "scan " + table.name();
  }
}
