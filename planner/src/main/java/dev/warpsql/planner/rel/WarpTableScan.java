package dev.warpsql.planner.rel;

import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.pipeline.ScanStep;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.Stream;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/** Scan of a stored table: the source of a pipeline, reading the table's chunks in place. */
public final class WarpTableScan extends TableScan implements WarpRel {
  private final CatalogTable table;

  public WarpTableScan(
      RelOptCluster cluster, RelTraitSet traits, RelOptTable relOptTable, CatalogTable table) {
    super(cluster, traits, List.of(), relOptTable);
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WarpTableScan(getCluster(), traitSet, getTable(), table);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(WarpConvention.COST_FACTOR);
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    ScanStep scan = new ScanStep(table);
    // Every version of a catalog table has the same columns and dictionaries, so the current one
    // describes the batch of any execution.
    return Stream.over(scan, Batch.ofTable(table.current()).columns(), "scan " + table.name());
  }
}
