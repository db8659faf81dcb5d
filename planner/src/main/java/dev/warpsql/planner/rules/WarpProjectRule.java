package dev.warpsql.planner.rules;

import dev.warpsql.planner.lower.RexSupport;
import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpProject;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;

/** Converts a logical projection whose expressions have kernel forms into a {@link WarpProject}. */
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
    for (RexNode expression : project.getProjects()) {
      if (RexSupport.unsupportedReason(expression, project.getInput().getRowType()) != null) {
        return false;
      }
    }
    return true;
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalProject project = (LogicalProject) rel;
    RelNode input = convert(project.getInput(), WarpConvention.INSTANCE);
    return new WarpProject(
        project.getCluster(),
        project.getTraitSet().replace(WarpConvention.INSTANCE),
        input,
        project.getProjects(),
        project.getRowType());
  }
}
