package dev.warpsql.planner.rel;

import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.write.AppendStep;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.Stream;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;

/**
 * INSERT into a stored table: the input pipeline's rows, already cast to the table's column types,
 * are appended to the table in one transaction. The result is one row with the inserted count.
 */
public final class WarpTableModify extends TableModify implements WarpRel {
  private final CatalogTable target;

  public WarpTableModify(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      Prepare.CatalogReader catalogReader,
      RelNode input,
      CatalogTable target) {
    super(cluster, traits, table, catalogReader, input, Operation.INSERT, null, null, false);
    this.target = Objects.requireNonNull(target, "target");
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WarpTableModify(
        getCluster(), traitSet, getTable(), getCatalogReader(), sole(inputs), target);
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    Stream input = lowering.lower(getInput());
    PlanLowering.Closed closed = lowering.close(input, getInput().getRowType().getFieldNames());
    int[] fields = new int[closed.columns().size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = i;
    }
    AppendStep append = new AppendStep(target, closed.step(), fields);
    String countName = getRowType().getFieldNames().get(0);
    BatchColumn count = new BatchColumn(countName, DataType.BIGINT, false, null);
    return Stream.over(append, List.of(count), "insert into " + target.name());
  }
}
