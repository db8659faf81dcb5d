package dev.warpsql.planner.rules;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;

/**
 * Folds each comparison with a NULL operand in filter and join conditions to UNKNOWN. It runs
 * before Calcite's field trimming at preparation and again before WarpSQL's program trims, because
 * trimming reads the plan's predicates.
 *
 * <p>RexSimplify in Calcite 1.41 turns {@code c + NULL <= MOD(-128, 2)} into {@code NULL <=
 * MOD(-128, 2)} but keeps that comparison, because MOD may raise an error and simplification never
 * drops such an operand. Calcite's metadata then rejects the comparison with a NULL literal when it
 * pulls up predicates, with an AssertionError out of RelFieldTrimmer. The comparison is UNKNOWN
 * whatever its other operand is. The SQL standard leaves it to the implementation whether it
 * evaluates an operand that cannot change a result (ISO/IEC 9075-2, 6.3.3.3, rule evaluation
 * order), so folding may skip that operand's error.
 */
public final class NullComparisonFolding extends RelHomogeneousShuttle {
  private static final Set<SqlKind> COMPARISONS =
      EnumSet.of(
          SqlKind.EQUALS,
          SqlKind.NOT_EQUALS,
          SqlKind.LESS_THAN,
          SqlKind.LESS_THAN_OR_EQUAL,
          SqlKind.GREATER_THAN,
          SqlKind.GREATER_THAN_OR_EQUAL);

  private final RelBuilder relBuilder;

  private NullComparisonFolding(RelBuilder relBuilder) {
    this.relBuilder = relBuilder;
  }

  /** Returns the plan with the comparisons with NULL of its filters and joins folded. */
  public static RelNode apply(RelNode plan) {
    RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(plan.getCluster(), null);
    return plan.accept(new NullComparisonFolding(relBuilder));
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode visited = super.visit(other);
    if (visited instanceof LogicalFilter filter) {
      RexNode condition = folded(filter.getCondition(), filter.getCluster().getRexBuilder());
      return condition == null
          ? visited
          : relBuilder.push(filter.getInput()).filter(filter.getVariablesSet(), condition).build();
    }
    if (visited instanceof Join join) {
      RexNode condition = folded(join.getCondition(), join.getCluster().getRexBuilder());
      return condition == null
          ? visited
          : join.copy(
              join.getTraitSet(),
              condition,
              join.getLeft(),
              join.getRight(),
              join.getJoinType(),
              join.isSemiJoinDone());
    }
    return visited;
  }

  /**
   * Returns the condition simplified with its comparisons with NULL folded, or null when it has
   * none, so that conditions without them keep the form that the later rules expect.
   */
  private static RexNode folded(RexNode condition, RexBuilder rexBuilder) {
    RexSimplify simplify = new RexSimplify(rexBuilder, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR);
    RexNode simplified = simplify.simplifyUnknownAsFalse(condition);
    RexNode folded = simplified.accept(new FoldShuttle(rexBuilder));
    return folded == simplified ? null : simplify.simplifyUnknownAsFalse(folded);
  }

  /** Replaces each comparison that has a NULL literal operand with a NULL of its type. */
  private static final class FoldShuttle extends RexShuttle {
    private final RexBuilder rexBuilder;

    FoldShuttle(RexBuilder rexBuilder) {
      this.rexBuilder = rexBuilder;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      RexNode visited = super.visitCall(call);
      if (visited instanceof RexCall comparison
          && COMPARISONS.contains(comparison.getKind())
          && comparison.getOperands().stream().anyMatch(RexLiteral::isNullLiteral)) {
        return rexBuilder.makeNullLiteral(comparison.getType());
      }
      return visited;
    }
  }
}
