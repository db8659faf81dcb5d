package dev.warpsql.planner.rel;

import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;

/**
 * Scan of a CSV or Parquet file: the source of a pipeline, which loads the file when the statement
 * runs.
 */
public final class WarpFileScan extends TableScan implements WarpRel {
  private final String path;
  private final List<ColumnSchema> columns;
  private final ExecutionStep scan;

  /**
   * @param columns the columns that {@code scan} produces
   * @param scan the stateless step that loads the file at each run
   */
  public WarpFileScan(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      String path,
      List<ColumnSchema> columns,
      ExecutionStep scan) {
    super(cluster, traits, List.of(), table);
    this.path = Objects.requireNonNull(path, "path");
    this.columns = List.copyOf(columns);
    this.scan = Objects.requireNonNull(scan, "scan");
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WarpFileScan(getCluster(), traitSet, getTable(), path, columns, scan);
  }

  @Override
  public RelWriter explainTerms(RelWriter writer) {
    return super.explainTerms(writer).item("file", path);
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    // The file's dictionaries exist only once it is loaded; consumers take them from the batch,
    // so these empty ones only mark the VARCHAR columns.
    List<BatchColumn> batchColumns = new ArrayList<>();
    for (ColumnSchema column : columns) {
      boolean isString = column.type().kind() == TypeKind.VARCHAR;
      batchColumns.add(
          new BatchColumn(
              column.name(),
              column.type(),
              column.nullable(),
              isString ? new StringDictionary() : null));
    }
    return Stream.over(scan, batchColumns, scan.describe());
  }
}
