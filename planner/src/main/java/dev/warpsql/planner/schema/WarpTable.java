package dev.warpsql.planner.schema;

import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpTableScan;
import java.util.Objects;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** Calcite's view of a catalog table: its row type, statistics and scan operator. */
public final class WarpTable extends AbstractTable implements TranslatableTable {
  private final Table table;

  public WarpTable(Table table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /** Returns the stored table that scans of this table read. */
  public Table table() {
    return table;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnSchema column : table.schema().columns()) {
      builder.add(
          column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), column.nullable()));
    }
    return builder.build();
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(table.rowCount(), null);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelOptCluster cluster = context.getCluster();
    return new WarpTableScan(
        cluster, cluster.traitSetOf(WarpConvention.INSTANCE), relOptTable, table);
  }
}
