package dev.warpsql.planner.rules;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;

/**
 * Replaces each division of approximate numbers in the plan's Enumerable operators with a {@link
 * CheckedDivision}, so that an Enumerable fallback raises division by zero as the kernels do
 * instead of returning infinity or NaN. Operators of the WARP convention keep their divisions.
 */
final class EnumerableDivisionCheck extends RelHomogeneousShuttle {
  @Override
  public RelNode visit(RelNode other) {
    RelNode visited = super.visit(other);
    if (visited.getConvention() != EnumerableConvention.INSTANCE) {
      return visited;
    }
    return visited.accept(new DivisionShuttle(visited.getCluster().getRexBuilder()));
  }

  /** Rewrites the approximate divisions of one operator's expressions. */
  private static final class DivisionShuttle extends RexShuttle {
    private final RexBuilder rexBuilder;

    DivisionShuttle(RexBuilder rexBuilder) {
      this.rexBuilder = rexBuilder;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      RexNode visited = super.visitCall(call);
      if (call.getKind() != SqlKind.DIVIDE || !(visited instanceof RexCall division)) {
        return visited;
      }
      SqlOperator checked =
          switch (call.getType().getSqlTypeName()) {
            case DOUBLE, FLOAT -> CheckedDivision.DIVIDE_DOUBLE;
            case REAL -> CheckedDivision.DIVIDE_REAL;
            default -> null;
          };
      if (checked == null) {
        return visited;
      }
      List<RexNode> operands = division.getOperands();
      return rexBuilder.makeCall(call.getType(), checked, operands);
    }
  }

  /** Returns the plan with the divisions of its Enumerable operators checked. */
  static RelNode apply(RelNode plan) {
    return plan.accept(new EnumerableDivisionCheck());
  }
}
