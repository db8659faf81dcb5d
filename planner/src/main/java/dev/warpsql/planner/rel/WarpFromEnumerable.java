package dev.warpsql.planner.rel;

import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.planner.exec.EnumerableSourceStep;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.Stream;
import dev.warpsql.planner.schema.TypeMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.Bindable;

/**
 * Fallback boundary: a WARP pipeline reads the rows of an Enumerable subplan, for operators that
 * WARP cannot run yet. The rows are packed into chunks and the pipeline continues as kernels.
 */
public final class WarpFromEnumerable extends ConverterImpl implements WarpRel {
  public WarpFromEnumerable(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, ConventionTraitDef.INSTANCE, traits, input);
  }

  /** Returns whether every column of a row type has a kernel type. */
  public static boolean supports(RelDataType rowType) {
    for (RelDataTypeField field : rowType.getFieldList()) {
      if (TypeMapping.toDataType(field.getType()).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WarpFromEnumerable(getCluster(), traitSet, sole(inputs));
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(2.0);
  }

  /**
   * Returns whether an Enumerable subplan returns the rows of a sort, through operators that keep
   * their order (calcs, projections, filters, limits and the converter from a WARP subplan).
   */
  private static boolean endsInSort(RelNode rel) {
    RelNode node = rel;
    while (true) {
      if (node instanceof Sort sort) {
        return !sort.getCollation().getFieldCollations().isEmpty() || endsInSort(sort.getInput());
      }
      boolean keepsOrder =
          node instanceof Calc
              || node instanceof Project
              || node instanceof Filter
              || node instanceof EnumerableLimit
              || node instanceof ConverterImpl;
      if (!keepsOrder) {
        return false;
      }
      node = node.getInput(0);
    }
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    Map<String, Object> stashed = new HashMap<>();
    Bindable<?> bindable =
        EnumerableInterpretable.toBindable(
            stashed, null, (EnumerableRel) getInput(), EnumerableRel.Prefer.ARRAY);
    List<ColumnSchema> columns = new ArrayList<>();
    for (RelDataTypeField field : getRowType().getFieldList()) {
      columns.add(new ColumnSchema(field.getName(), TypeMapping.require(field.getType()), true));
    }
    EnumerableSourceStep source =
        new EnumerableSourceStep(
            bindable, stashed, columns, getInput().getRelTypeName(), endsInSort(getInput()));
    // The source builds its string dictionaries when it runs; consumers take them from the
    // batch it returns, so these empty dictionaries only mark the VARCHAR columns.
    List<BatchColumn> batchColumns = new ArrayList<>();
    for (ColumnSchema column : columns) {
      boolean isString = column.type().kind() == TypeKind.VARCHAR;
      batchColumns.add(
          new BatchColumn(
              column.name(), column.type(), true, isString ? new StringDictionary() : null));
    }
    return Stream.over(source, batchColumns, "from enumerable");
  }
}
