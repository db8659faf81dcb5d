package dev.warpsql.planner.rules;

import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpTableModify;
import dev.warpsql.planner.schema.WarpTable;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalTableModify;

/**
 * Converts an INSERT into a stored table to {@link WarpTableModify}. DELETE and UPDATE never reach
 * the planner as a table modification: statement preparation rewrites them into queries.
 */
public final class WarpTableModifyRule extends ConverterRule {
  public static final WarpTableModifyRule INSTANCE =
      Config.INSTANCE
          .withConversion(
              LogicalTableModify.class,
              WarpTableModifyRule::supports,
              Convention.NONE,
              WarpConvention.INSTANCE,
              "WarpTableModifyRule")
          .withRuleFactory(WarpTableModifyRule::new)
          .toRule(WarpTableModifyRule.class);

  private WarpTableModifyRule(Config config) {
    super(config);
  }

  private static boolean supports(LogicalTableModify modify) {
    return modify.getOperation() == TableModify.Operation.INSERT
        && modify.getTable().unwrap(WarpTable.class) != null;
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalTableModify modify = (LogicalTableModify) rel;
    RelNode input = convert(modify.getInput(), WarpConvention.INSTANCE);
    WarpTable table = modify.getTable().unwrap(WarpTable.class);
    return new WarpTableModify(
        modify.getCluster(),
        modify.getTraitSet().replace(WarpConvention.INSTANCE),
        modify.getTable(),
        modify.getCatalogReader(),
        input,
        table.catalogTable());
  }
}
