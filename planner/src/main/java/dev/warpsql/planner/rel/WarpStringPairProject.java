package dev.warpsql.planner.rel;

import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.Stream;
import dev.warpsql.planner.lower.StringPairProjection;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

/**
 * Projection with string expressions of two string columns, such as {@code a || b}, or casts of
 * times to VARCHAR: a pipeline breaker whose kernel writes both operands' codes or the time's
 * microseconds, followed by steps that evaluate each expression once per distinct pair or value
 * (see {@link StringPairProjection}).
 *
 * <p>It is no {@code Project}, so that Calcite's rules for projections, such as pushing a filter
 * below one, do not move its expressions into operators that have no form for them.
 */
public final class WarpStringPairProject extends SingleRel implements WarpRel {
  private final List<RexNode> projects;

  public WarpStringPairProject(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      List<? extends RexNode> projects,
      RelDataType rowType) {
    super(cluster, traits, input);
    this.projects = List.copyOf(projects);
    this.rowType = rowType;
  }

  public List<RexNode> getProjects() {
    return projects;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WarpStringPairProject(getCluster(), traitSet, sole(inputs), projects, rowType);
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelWriter explainTerms(RelWriter writer) {
    RelWriter terms = super.explainTerms(writer);
    List<String> names = rowType.getFieldNames();
    for (int i = 0; i < projects.size(); i++) {
      terms.item(names.get(i), projects.get(i));
    }
    return terms;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(this);
    RelOptCost cost = planner.getCostFactory().makeCost(rows, rows * projects.size(), 0);
    return cost.multiplyBy(WarpConvention.COST_FACTOR);
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    Stream input = lowering.lower(getInput());
    return StringPairProjection.lower(
        lowering, input, projects, rowType.getFieldNames(), getInput().getRowType());
  }
}
