package dev.warpsql.planner.rel;

import dev.warpsql.planner.exec.WarpBindable;
import dev.warpsql.planner.exec.WarpPlans;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;

/**
 * Fallback boundary: an Enumerable operator reads the rows of a WARP subplan. The subplan runs as
 * kernels; the operators above it run in Calcite's Enumerable engine.
 */
public final class WarpToEnumerableConverter extends ConverterImpl implements EnumerableRel {
  /**
   * The fields whose TIME and TIMESTAMP values the operators above compute with, which {@link
   * EnumerableTimeCheck} sets on the final plan; null means every field.
   */
  private ImmutableBitSet computedTimeFields;

  public WarpToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, ConventionTraitDef.INSTANCE, traits, input);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WarpToEnumerableConverter(getCluster(), traitSet, sole(inputs));
  }

  /** Sets the fields whose values must be whole milliseconds; see {@link EnumerableTimeCheck}. */
  void setComputedTimeFields(ImmutableBitSet fields) {
    computedTimeFields = fields;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(2.0);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer preference) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), preference.preferArray());
    int fields = getRowType().getFieldCount();
    ImmutableBitSet checked =
        computedTimeFields == null ? ImmutableBitSet.range(fields) : computedTimeFields;
    WarpBindable bindable =
        WarpPlans.bindable((WarpRel) getInput(), ImmutableIntList.identity(fields), getRowType())
            .withMillisecondFields(
                checked.toArray(), "an operator that runs in Calcite's Enumerable engine");
    Expression stashed = implementor.stash(bindable, WarpBindable.class);
    BlockBuilder block = new BlockBuilder();
    block.add(
        Expressions.return_(
            null, Expressions.call(stashed, "bind", implementor.getRootExpression())));
    return implementor.result(physType, block.toBlock());
  }
}
