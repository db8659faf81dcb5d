package dev.warpsql.planner.rules;

import dev.warpsql.planner.rel.WarpAggregate;
import dev.warpsql.planner.rel.WarpConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;

/** Converts a logical aggregate with kernel-supported calls into a {@link WarpAggregate}. */
public final class WarpAggregateRule extends ConverterRule {
  public static final WarpAggregateRule INSTANCE =
      Config.INSTANCE
          .withConversion(
              LogicalAggregate.class,
              WarpAggregateRule::supported,
              Convention.NONE,
              WarpConvention.INSTANCE,
              "WarpAggregateRule")
          .withRuleFactory(WarpAggregateRule::new)
          .toRule(WarpAggregateRule.class);

  private WarpAggregateRule(Config config) {
    super(config);
  }

  private static boolean supported(LogicalAggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      return false;
    }
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (WarpAggregate.unsupportedReason(call, aggregate.getInput()) != null) {
        return false;
      }
    }
    return true;
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalAggregate aggregate = (LogicalAggregate) rel;
    RelNode input = convert(aggregate.getInput(), WarpConvention.INSTANCE);
    return new WarpAggregate(
        aggregate.getCluster(),
        aggregate.getTraitSet().replace(WarpConvention.INSTANCE),
        input,
        aggregate.getGroupSet(),
        aggregate.getGroupSets(),
        aggregate.getAggCallList());
  }
}
