package dev.warpsql.planner.rules;

import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpValues;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalValues;

/** Converts logical constant rows whose columns have kernel types into {@link WarpValues}. */
public final class WarpValuesRule extends ConverterRule {
  public static final WarpValuesRule INSTANCE =
      Config.INSTANCE
          .withConversion(
              LogicalValues.class,
              WarpValues::supports,
              Convention.NONE,
              WarpConvention.INSTANCE,
              "WarpValuesRule")
          .withRuleFactory(WarpValuesRule::new)
          .toRule(WarpValuesRule.class);

  private WarpValuesRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalValues values = (LogicalValues) rel;
    return new WarpValues(
        values.getCluster(),
        values.getTraitSet().replace(WarpConvention.INSTANCE),
        values.getRowType(),
        values.getTuples());
  }
}
