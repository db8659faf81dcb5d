package dev.warpsql.planner.rules;

import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpFromEnumerable;
import dev.warpsql.planner.rel.WarpUnion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalUnion;

/** Converts a logical UNION ALL whose columns have kernel types into a {@link WarpUnion}. */
public final class WarpUnionRule extends ConverterRule {
  public static final WarpUnionRule INSTANCE =
      Config.INSTANCE
          .withConversion(
              LogicalUnion.class,
              union -> union.all && WarpFromEnumerable.supports(union.getRowType()),
              Convention.NONE,
              WarpConvention.INSTANCE,
              "WarpUnionRule")
          .withRuleFactory(WarpUnionRule::new)
          .toRule(WarpUnionRule.class);

  private WarpUnionRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalUnion union = (LogicalUnion) rel;
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : union.getInputs()) {
      inputs.add(convert(input, WarpConvention.INSTANCE));
    }
    return new WarpUnion(
        union.getCluster(), union.getTraitSet().replace(WarpConvention.INSTANCE), inputs);
  }
}
