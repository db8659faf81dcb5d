package dev.warpsql.planner.rules;

import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpSort;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalSort;

/** Converts a logical sort, with or without OFFSET and FETCH, into a {@link WarpSort}. */
public final class WarpSortRule extends ConverterRule {
  public static final WarpSortRule INSTANCE =
      Config.INSTANCE
          .withConversion(
              LogicalSort.class,
              WarpSort::supports,
              Convention.NONE,
              WarpConvention.INSTANCE,
              "WarpSortRule")
          .withRuleFactory(WarpSortRule::new)
          .toRule(WarpSortRule.class);

  private WarpSortRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalSort sort = (LogicalSort) rel;
    RelNode input = convert(sort.getInput(), WarpConvention.INSTANCE);
    return new WarpSort(
        sort.getCluster(),
        sort.getTraitSet().replace(WarpConvention.INSTANCE),
        input,
        sort.getCollation(),
        sort.offset,
        sort.fetch);
  }
}
