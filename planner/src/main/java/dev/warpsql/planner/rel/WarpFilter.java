package dev.warpsql.planner.rel;

import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.RexLowering;
import dev.warpsql.planner.lower.Stream;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/** Filter fused into its input's pipeline: rows that fail it never reach the sink. */
public final class WarpFilter extends Filter implements WarpRel {
  public WarpFilter(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexNode condition) {
    super(cluster, traits, input, condition);
  }

  @Override
  public Filter copy(RelTraitSet traitSet, RelNode input, RexNode condition) {
    return new WarpFilter(getCluster(), traitSet, input, condition);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(WarpConvention.COST_FACTOR);
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    Stream input = lowering.lower(getInput());
    RexLowering rex = lowering.rex(input);
    Expr condition = rex.lower(getCondition());
    return rex.streamWithLookups(input).withFilter(condition, "filter");
  }
}
