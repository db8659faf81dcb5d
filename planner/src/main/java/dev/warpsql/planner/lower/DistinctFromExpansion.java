package dev.warpsql.planner.lower;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;

/**
 * Expands IS [NOT] DISTINCT FROM into its CASE form before Calcite's code generator compiles an
 * expression, because Calcite 1.41's generator has no implementation of the operator. Lookup tables
 * of string functions are compiled that way, and simplification creates the operator, for example
 * from {@code NOT (s IS NOT DISTINCT FROM 'a')}.
 */
final class DistinctFromExpansion extends RexShuttle {
  private final RexBuilder rexBuilder;

  DistinctFromExpansion(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  @Override
  public RexNode visitCall(RexCall call) {
    RexNode visited = super.visitCall(call);
    if (!(visited instanceof RexCall expanded)) {
      return visited;
    }
    boolean notDistinct = expanded.getKind() == SqlKind.IS_NOT_DISTINCT_FROM;
    if (!notDistinct && expanded.getKind() != SqlKind.IS_DISTINCT_FROM) {
      return expanded;
    }
    return RelOptUtil.isDistinctFrom(
        rexBuilder, expanded.getOperands().get(0), expanded.getOperands().get(1), notDistinct);
  }
}
