package dev.warpsql.planner.rules;

import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpHashJoin;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalJoin;

/** Converts a logical equi-join that kernels can run into a {@link WarpHashJoin}. */
public final class WarpHashJoinRule extends ConverterRule {
  public static final WarpHashJoinRule INSTANCE =
      Config.INSTANCE
          .withConversion(
              LogicalJoin.class,
              join -> WarpHashJoin.unsupportedReason(join) == null,
              Convention.NONE,
              WarpConvention.INSTANCE,
              "WarpHashJoinRule")
          .withRuleFactory(WarpHashJoinRule::new)
          .toRule(WarpHashJoinRule.class);

  private WarpHashJoinRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalJoin join = (LogicalJoin) rel;
    RelNode left = convert(join.getLeft(), WarpConvention.INSTANCE);
    RelNode right = convert(join.getRight(), WarpConvention.INSTANCE);
    return new WarpHashJoin(
        join.getCluster(),
        join.getTraitSet().replace(WarpConvention.INSTANCE),
        left,
        right,
        join.getCondition(),
        join.getJoinType());
  }
}
