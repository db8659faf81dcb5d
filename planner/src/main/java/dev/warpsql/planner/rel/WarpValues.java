package dev.warpsql.planner.rel;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
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
    DataType literalType = TypeMapping.require(literal.getType());
    if (literalType.equals(type) || !isNumeric(literalType) || !isNumeric(type)) {
      return RexLowering.toLiteral(literal).value();
    }
    // Calcite leaves a literal in its own type in a VALUES column of another numeric type, such as
    // the INTEGER 1 in the DOUBLE column of INSERT INTO t (d) VALUES (1), (NULL).
    return numberAs(numberOf(literal), type);
  }

  /**
   * Returns a numeric literal's value. Calcite keeps exact literals as BigDecimal and REAL or
   * DOUBLE literals as BigDecimal or Double, depending on how they were made.
   */
  private static BigDecimal numberOf(RexLiteral literal) {
    Object value = literal.getValue();
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    return BigDecimal.valueOf(((Number) value).doubleValue());
  }

  private static boolean isNumeric(DataType type) {
    return switch (type.kind()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> true;
      default -> false;
    };
  }

  /**
   * Returns a number in the kernel form of a numeric type, rounding half away from zero as casts
   * do. Raises SQLSTATE 22003 when the result does not fit a 64-bit integer.
   */
  private static Object numberAs(BigDecimal number, DataType type) {
    try {
      return switch (type.kind()) {
        case REAL, DOUBLE -> number.doubleValue();
        case DECIMAL ->
            number.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue().longValueExact();
        default -> number.setScale(0, RoundingMode.HALF_UP).longValueExact();
      };
    } catch (ArithmeticException e) {
      throw new WarpException(
          ErrorCode.NUMERIC_OVERFLOW, "value " + number + " is out of range for type " + type, e);
    }
  }
}
