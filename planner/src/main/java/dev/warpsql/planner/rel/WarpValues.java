package dev.warpsql.planner.rel;

import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.planner.exec.ValuesStep;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.RexLowering;
import dev.warpsql.planner.lower.Stream;
import dev.warpsql.planner.schema.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexLiteral;

/** Constant rows as the source of a pipeline: VALUES, and the empty result of a false filter. */
public final class WarpValues extends Values implements WarpRel {
  public WarpValues(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelDataType rowType,
      List<? extends List<RexLiteral>> tuples) {
    super(cluster, List.of(), rowType, castTuples(tuples), traits);
  }

  @SuppressWarnings("unchecked")
  private static com.google.common.collect.ImmutableList<
          com.google.common.collect.ImmutableList<RexLiteral>>
      castTuples(List<? extends List<RexLiteral>> tuples) {
    com.google.common.collect.ImmutableList.Builder<
            com.google.common.collect.ImmutableList<RexLiteral>>
        builder = com.google.common.collect.ImmutableList.builder();
    for (List<RexLiteral> tuple : tuples) {
      builder.add(com.google.common.collect.ImmutableList.copyOf(tuple));
    }
    return builder.build();
  }

  /** Returns whether every column has a kernel type. */
  public static boolean supports(Values values) {
    return WarpFromEnumerable.supports(values.getRowType());
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WarpValues(getCluster(), traitSet, getRowType(), tuples);
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    List<ColumnSchema> columns = new ArrayList<>();
    List<BatchColumn> batchColumns = new ArrayList<>();
    for (RelDataTypeField field : getRowType().getFieldList()) {
      DataType type = TypeMapping.require(field.getType());
      columns.add(new ColumnSchema(field.getName(), type, field.getType().isNullable()));
      StringDictionary placeholder =
          type.kind() == TypeKind.VARCHAR ? new StringDictionary() : null;
      batchColumns.add(
          new BatchColumn(field.getName(), type, field.getType().isNullable(), placeholder));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : tuples) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < tuple.size(); i++) {
        row.add(value(tuple.get(i), columns.get(i).type()));
      }
      rows.add(row);
    }
    return Stream.over(new ValuesStep(columns, rows), batchColumns, "values");
  }

  private static Object value(RexLiteral literal, DataType type) {
    if (literal.isNull()) {
      return null;
    }
    if (type.kind() == TypeKind.VARCHAR) {
      return literal.getValueAs(String.class);
    }
    return RexLowering.toLiteral(literal).value();
  }
}
