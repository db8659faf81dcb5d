package dev.warpsql.planner.rel;

import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.pipeline.UnionStep;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.RexLowering;
import dev.warpsql.planner.lower.Stream;
import dev.warpsql.planner.schema.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * UNION ALL: each input pipeline is closed into a batch of the union's column types, and the
 * batches are concatenated. UNION without ALL reaches WARP as an aggregate over this operator.
 */
public final class WarpUnion extends Union implements WarpRel {
  public WarpUnion(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs) {
    super(cluster, traits, List.of(), inputs, true);
  }

  @Override
  public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
    return new WarpUnion(getCluster(), traitSet, inputs);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(WarpConvention.COST_FACTOR);
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    List<String> names = getRowType().getFieldNames();
    List<DataType> types = new ArrayList<>();
    List<BatchColumn> columns = new ArrayList<>();
    for (RelDataTypeField field : getRowType().getFieldList()) {
      DataType type = TypeMapping.require(field.getType());
      types.add(type);
      StringDictionary placeholder =
          type.kind() == TypeKind.VARCHAR ? new StringDictionary() : null;
      columns.add(
          new BatchColumn(field.getName(), type, field.getType().isNullable(), placeholder));
    }

    List<ExecutionStep> steps = new ArrayList<>();
    for (RelNode input : getInputs()) {
      Stream stream = lowering.lower(input);
      List<Expr> converted = new ArrayList<>();
      for (int i = 0; i < types.size(); i++) {
        converted.add(RexLowering.castTo(stream.columns().get(i), types.get(i)));
      }
      Stream typed = stream.withColumns(converted, stream.dictionaries(), "union input");
      steps.add(lowering.close(typed, names).step());
    }
    return Stream.over(new UnionStep(steps, columns), columns, "union all");
  }
}
