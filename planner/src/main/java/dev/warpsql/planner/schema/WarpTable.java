package dev.warpsql.planner.schema;

import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.planner.metadata.TableDistinctRowCount;
import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpTableScan;
import java.util.Objects;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * Calcite's view of a catalog table: its row type, statistics and scan operator. Scans read the
 * version of the table that is current when the statement runs.
 */
public final class WarpTable extends AbstractTable implements TranslatableTable {
  private final CatalogTable table;

  public WarpTable(CatalogTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /** Returns the catalog table that scans and changes of this table use. */
  public CatalogTable catalogTable() {
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
    return Statistics.of(table.current().rowCount(), null);
  }

  /** Returns the table's distinct-value estimates when Calcite's metadata requests them. */
  @Override
  public <C> C unwrap(Class<C> type) {
    if (type == BuiltInMetadata.DistinctRowCount.Handler.class) {
      return type.cast(new TableDistinctRowCount(table));
    }
    return super.unwrap(type);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelOptCluster cluster = context.getCluster();
    return new WarpTableScan(
        cluster, cluster.traitSetOf(WarpConvention.INSTANCE), relOptTable, table);
  }
}
