package dev.warpsql.planner.rules;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Turns a projection of literals over one row of VALUES into VALUES of those literals.
 *
 * <p>Calcite 1.41 converts a row of {@code INSERT ... VALUES} whose literals need a cast, such as
 * {@code 1.5} for a REAL column, into such a projection, with casts that only change nullability.
 * Kernels do not project string literals, so the row ran in Calcite's Enumerable engine, which
 * keeps times in milliseconds, so a TIMESTAMP with microseconds in the same row could not be
 * stored. VALUES of literals run as kernels, strings included. A projection with any other
 * expression stays.
 */
public final class ConstantRowValues extends RelHomogeneousShuttle {
  private ConstantRowValues() {}

  /** Returns the plan with every such projection made VALUES. */
  public static RelNode apply(RelNode plan) {
    return plan.accept(new ConstantRowValues());
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode visited = super.visit(other);
    if (!(visited instanceof LogicalProject project)
        || !(project.getInput() instanceof LogicalValues values)
        || values.getTuples().size() != 1) {
      return visited;
    }
    RexBuilder rexBuilder = project.getCluster().getRexBuilder();
    List<RexLiteral> row = new ArrayList<>();
    for (RexNode expression : project.getProjects()) {
      RexLiteral literal = literalOf(rexBuilder, expression);
      if (literal == null) {
        return visited;
      }
      row.add(literal);
    }
    return LogicalValues.create(
        project.getCluster(), project.getRowType(), ImmutableList.of(ImmutableList.copyOf(row)));
  }

  /**
   * Returns the value of a literal, or of a cast of a literal that changes only nullability, as a
   * literal of the expression's type. Returns null for any other expression.
   */
  private static RexLiteral literalOf(RexBuilder rexBuilder, RexNode expression) {
    RexNode operand = expression;
    if (expression.getKind() == SqlKind.CAST) {
      operand = ((RexCall) expression).getOperands().get(0);
      if (!SqlTypeUtil.equalSansNullability(operand.getType(), expression.getType())) {
        return null;
      }
    }
    if (!(operand instanceof RexLiteral literal)) {
      return null;
    }
    if (literal.getType().equals(expression.getType())) {
      return literal;
    }
    RexNode retyped = rexBuilder.makeLiteral(literal.getValue(), expression.getType(), false);
    return retyped instanceof RexLiteral result ? result : null;
  }
}
