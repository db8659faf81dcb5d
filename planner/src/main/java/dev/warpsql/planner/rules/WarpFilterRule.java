package dev.warpsql.planner.rules;

import dev.warpsql.planner.lower.RexSupport;
import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpFilter;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexUtil;

/** Converts a logical filter whose condition has a kernel form into a {@link WarpFilter}. */
public final class WarpFilterRule extends ConverterRule {
  public static final WarpFilterRule INSTANCE =
      Config.INSTANCE
          .withConversion(
              LogicalFilter.class,
              filter ->
                  !filter.containsOver()
                      && !RexUtil.SubQueryFinder.containsSubQuery(filter)
                      && RexSupport.unsupportedReason(
                              filter.getCondition(), filter.getInput().getRowType())
                          == null,
              Convention.NONE,
              WarpConvention.INSTANCE,
              "WarpFilterRule")
          .withRuleFactory(WarpFilterRule::new)
          .toRule(WarpFilterRule.class);

  private WarpFilterRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalFilter filter = (LogicalFilter) rel;
    RelNode input = convert(filter.getInput(), WarpConvention.INSTANCE);
    return new WarpFilter(
        filter.getCluster(),
        filter.getTraitSet().replace(WarpConvention.INSTANCE),
        input,
        filter.getCondition());
  }
}
