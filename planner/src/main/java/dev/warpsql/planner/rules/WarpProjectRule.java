package dev.warpsql.planner.rules;

import dev.warpsql.planner.lower.RexSupport;
import dev.warpsql.planner.lower.StringPairProjection;
import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpProject;
import dev.warpsql.planner.rel.WarpStringPairProject;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;

/**
 * Converts a logical projection whose expressions have kernel forms into a {@link WarpProject}, or
 * into a {@link WarpStringPairProject} when some compute a string from two string columns or cast a
 * time to VARCHAR.
 */
public final class WarpProjectRule extends ConverterRule {
  public static final WarpProjectRule INSTANCE =
      Config.INSTANCE
          .withConversion(
              LogicalProject.class,
              WarpProjectRule::supported,
              Convention.NONE,
              WarpConvention.INSTANCE,
              "WarpProjectRule")
          .withRuleFactory(WarpProjectRule::new)
          .toRule(WarpProjectRule.class);

  private WarpProjectRule(Config config) {
    super(config);
  }

  private static boolean supported(LogicalProject project) {
    if (RexOver.containsOver(project.getProjects(), null)
        || RexUtil.SubQueryFinder.containsSubQuery(project)) {
      return false;
    }
    RelDataType inputRowType = project.getInput().getRowType();
    for (RexNode expression : project.getProjects()) {
      if (RexSupport.unsupportedReason(expression, inputRowType) != null
          && RexSupport.stringPairInputs(expression, inputRowType) == null
          && !RexSupport.isTimeText(expression, inputRowType)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalProject project = (LogicalProject) rel;
    RelNode input = convert(project.getInput(), WarpConvention.INSTANCE);
    if (StringPairProjection.needed(project.getProjects(), project.getInput().getRowType())) {
      return new WarpStringPairProject(
          project.getCluster(),
          project.getTraitSet().replace(WarpConvention.INSTANCE),
          input,
          project.getProjects(),
          project.getRowType());
    }
    return new WarpProject(
        project.getCluster(),
        project.getTraitSet().replace(WarpConvention.INSTANCE),
        input,
        project.getProjects(),
        project.getRowType());
  }
}
