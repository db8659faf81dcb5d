package dev.warpsql.planner.schema;

import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpFileScan;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A CSV or Parquet file read as a table, the result of read_csv, read_parquet and of COPY's source:
 * its columns are fixed when the statement is prepared, and its rows are read each time the
 * statement runs.
 */
public final class FileTable extends AbstractTable implements TranslatableTable {
  private final String path;
  private final List<ColumnSchema> columns;
  private final ExecutionStep scan;

  /**
   * @param columns the declared columns, which {@code scan} produces
   * @param scan the step that reads the file when the statement runs
   */
  FileTable(String path, List<ColumnSchema> columns, ExecutionStep scan) {
    this.path = Objects.requireNonNull(path, "path");
    this.columns = List.copyOf(columns);
    this.scan = Objects.requireNonNull(scan, "scan");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnSchema column : columns) {
      builder.add(
          column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), column.nullable()));
    }
    return builder.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelOptCluster cluster = context.getCluster();
    return new WarpFileScan(
        cluster, cluster.traitSetOf(WarpConvention.INSTANCE), relOptTable, path, columns, scan);
  }
}
