package dev.warpsql.planner.rules;

import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpToEnumerableConverter;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Lets an Enumerable operator read from a WARP subplan, for operators WARP cannot run yet. */
public final class WarpToEnumerableConverterRule extends ConverterRule {
  public static final WarpToEnumerableConverterRule INSTANCE =
      Config.INSTANCE
          .withConversion(
              RelNode.class,
              WarpConvention.INSTANCE,
              EnumerableConvention.INSTANCE,
              "WarpToEnumerableConverterRule")
          .withRuleFactory(WarpToEnumerableConverterRule::new)
          .toRule(WarpToEnumerableConverterRule.class);

  private WarpToEnumerableConverterRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    return new WarpToEnumerableConverter(
        rel.getCluster(), rel.getTraitSet().replace(EnumerableConvention.INSTANCE), rel);
  }
}
