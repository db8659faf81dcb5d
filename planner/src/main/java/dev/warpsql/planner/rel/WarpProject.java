package dev.warpsql.planner.rel;

import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.RexLowering;
import dev.warpsql.planner.lower.Stream;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Projection fused into its input's pipeline: its expressions replace the current row and are
 * inlined into whatever reads them, so nothing is computed unless the sink needs it. A projection
 * with a string expression of two string columns is a {@link WarpStringPairProject} instead.
 */
public final class WarpProject extends Project implements WarpRel {
  public WarpProject(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      List<? extends RexNode> projects,
      RelDataType rowType) {
    super(cluster, traits, List.of(), input, projects, rowType, java.util.Set.of());
  }

  @Override
  public Project copy(
      RelTraitSet traitSet, RelNode input, List<RexNode> projects, RelDataType rowType) {
    return new WarpProject(getCluster(), traitSet, input, projects, rowType);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(WarpConvention.COST_FACTOR);
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    Stream input = lowering.lower(getInput());
    RexLowering rex = lowering.rex(input);
    List<Expr> columns = new ArrayList<>();
    List<StringDictionary> dictionaries = new ArrayList<>();
    for (RexNode project : getProjects()) {
      columns.add(rex.lower(project));
      dictionaries.add(
          project instanceof RexInputRef ref ? input.dictionaries().get(ref.getIndex()) : null);
    }
    return rex.streamWithLookups(input).withColumns(columns, dictionaries, "project");
  }
}
