package dev.warpsql.planner.rel;

import dev.warpsql.executor.load.CsvOptions;
import dev.warpsql.executor.load.FileAccess;
import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.CsvScanStep;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;

/** Scan of a CSV file: the source of a pipeline, which loads the file when the statement runs. */
public final class WarpFileScan extends TableScan implements WarpRel {
  private final String path;
  private final CsvOptions options;
  private final Supplier<FileAccess> access;

  public WarpFileScan(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      String path,
      CsvOptions options,
      Supplier<FileAccess> access) {
    super(cluster, traits, List.of(), table);
    this.path = Objects.requireNonNull(path, "path");
    this.options = Objects.requireNonNull(options, "options");
    this.access = Objects.requireNonNull(access, "access");
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WarpFileScan(getCluster(), traitSet, getTable(), path, options, access);
  }

  @Override
  public RelWriter explainTerms(RelWriter writer) {
    return super.explainTerms(writer).item("file", path);
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    // The file's dictionaries exist only once it is loaded; consumers take them from the batch,
    // so these empty ones only mark the VARCHAR columns.
    List<BatchColumn> columns = new ArrayList<>();
    for (ColumnSchema column : options.columns()) {
      boolean isString = column.type().kind() == TypeKind.VARCHAR;
      columns.add(
          new BatchColumn(
              column.name(),
              column.type(),
              column.nullable(),
              isString ? new StringDictionary() : null));
    }
    return Stream.over(new CsvScanStep(path, options, access), columns, "read_csv " + path);
  }
}
