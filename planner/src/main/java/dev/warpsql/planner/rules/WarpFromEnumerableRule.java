package dev.warpsql.planner.rules;

import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpFromEnumerable;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/**
 * Lets a WARP pipeline read from an Enumerable subplan, when every column of its rows has a kernel
 * type.
 */
public final class WarpFromEnumerableRule extends ConverterRule {
  public static final WarpFromEnumerableRule INSTANCE =
      Config.INSTANCE
          .withConversion(
              RelNode.class,
              rel -> WarpFromEnumerable.supports(rel.getRowType()),
              EnumerableConvention.INSTANCE,
              WarpConvention.INSTANCE,
              "WarpFromEnumerableRule")
          .withRuleFactory(WarpFromEnumerableRule::new)
          .toRule(WarpFromEnumerableRule.class);

  private WarpFromEnumerableRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    return new WarpFromEnumerable(
        rel.getCluster(), rel.getTraitSet().replace(WarpConvention.INSTANCE), rel);
  }
}
