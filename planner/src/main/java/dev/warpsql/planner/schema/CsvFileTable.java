package dev.warpsql.planner.schema;

import dev.warpsql.executor.load.CsvOptions;
import dev.warpsql.executor.load.FileAccess;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpFileScan;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A CSV file read as a table, the result of read_csv and of COPY's source: its columns are fixed
 * when the statement is prepared, and its rows are read each time the statement runs.
 */
public final class CsvFileTable extends AbstractTable implements TranslatableTable {
  private final String path;
  private final CsvOptions options;
  private final Supplier<FileAccess> access;

  /**
   * @param options load options with the declared columns
   * @param access returns the database's current file access policy
   */
  CsvFileTable(String path, CsvOptions options, Supplier<FileAccess> access) {
    this.path = Objects.requireNonNull(path, "path");
    this.options = Objects.requireNonNull(options, "options");
    this.access = Objects.requireNonNull(access, "access");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnSchema column : options.columns()) {
      builder.add(
          column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), column.nullable()));
    }
    return builder.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelOptCluster cluster = context.getCluster();
    return new WarpFileScan(
        cluster, cluster.traitSetOf(WarpConvention.INSTANCE), relOptTable, path, options, access);
  }
}
