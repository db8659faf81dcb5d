package dev.warpsql.planner.rules;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Gives every REAL, FLOAT and DOUBLE literal of a VALUES operator the Double value that Calcite's
 * own approximate literals hold.
 *
 * <p>In Calcite 1.41 an approximate literal such as {@code 1e300} holds a Double, but an exact
 * literal such as {@code 0.1} that SQL-to-relational conversion casts to DOUBLE in a VALUES column
 * keeps its BigDecimal. Field trimming sorts each column's literals to derive the operator's
 * collation, and comparing a Double with a BigDecimal raises ClassCastException, so {@code INSERT
 * INTO t (d) VALUES (1e300), (0.1)} and {@code VALUES (1e300), (0.1)} failed.
 */
public final class ApproximateValuesLiterals extends RelHomogeneousShuttle {
  private ApproximateValuesLiterals() {}

  /** Returns the plan with the approximate literals of its VALUES operators made Doubles. */
  public static RelNode apply(RelNode plan) {
    return plan.accept(new ApproximateValuesLiterals());
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode visited = super.visit(other);
    if (!(visited instanceof LogicalValues values) || !hasExactApproximateLiteral(values)) {
      return visited;
    }
    RexBuilder rexBuilder = values.getCluster().getRexBuilder();
    List<ImmutableList<RexLiteral>> tuples = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      List<RexLiteral> literals = new ArrayList<>();
      for (int i = 0; i < tuple.size(); i++) {
        literals.add(asDouble(rexBuilder, tuple.get(i), columnType(values, i)));
      }
      tuples.add(ImmutableList.copyOf(literals));
    }
    return LogicalValues.create(
        values.getCluster(), values.getRowType(), ImmutableList.copyOf(tuples));
  }

  private static RelDataType columnType(LogicalValues values, int column) {
    return values.getRowType().getFieldList().get(column).getType();
  }

  private static boolean hasExactApproximateLiteral(LogicalValues values) {
    for (List<RexLiteral> tuple : values.getTuples()) {
      for (int i = 0; i < tuple.size(); i++) {
        if (isExactInApproximateColumn(tuple.get(i), columnType(values, i))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns whether a literal of an approximate column holds an exact value. Such a literal keeps
   * its exact type, such as DECIMAL(2, 1) for {@code 0.1}, although the column is DOUBLE.
   */
  private static boolean isExactInApproximateColumn(RexLiteral literal, RelDataType column) {
    return SqlTypeName.APPROX_TYPES.contains(column.getSqlTypeName())
        && literal.getValue() instanceof BigDecimal;
  }

  private static RexLiteral asDouble(
      RexBuilder rexBuilder, RexLiteral literal, RelDataType column) {
    if (!isExactInApproximateColumn(literal, column)) {
      return literal;
    }
    double value = ((BigDecimal) literal.getValue()).doubleValue();
    RelDataType type = rexBuilder.getTypeFactory().createTypeWithNullability(column, false);
    return rexBuilder.makeApproxLiteral(value, type);
  }
}
