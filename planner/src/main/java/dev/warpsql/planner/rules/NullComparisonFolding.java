package dev.warpsql.planner.rules;

import dev.warpsql.planner.metadata.NullComparisonPredicates;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.Strong;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Folds each comparison with an operand that is always NULL in filter and join conditions to
 * UNKNOWN, after it has given their calls the nullability of their operands (see {@link
 * NullabilityRepair}), and repairs the expressions of projections as well. It runs before Calcite's
 * field trimming at preparation and again before WarpSQL's program trims, because trimming reads
 * the plan's predicates.
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
    if (visited instanceof LogicalProject project) {
      return repaired(project);
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
   * Returns the projection with its expressions repaired (see {@link NullabilityRepair}), each cast
   * back to its type where the repair narrowed it, because filters above take them over.
   */
  private static RelNode repaired(LogicalProject project) {
    RexBuilder rexBuilder = project.getCluster().getRexBuilder();
    RexSimplify simplify = new RexSimplify(rexBuilder, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR);
    NullabilityRepair repair = new NullabilityRepair(rexBuilder.getTypeFactory(), simplify);
    List<RexNode> expressions = new ArrayList<>();
    boolean changed = false;
    for (RexNode expression : project.getProjects()) {
      RexNode repairedExpression = expression.accept(repair);
      if (repairedExpression != expression) {
        changed = true;
        repairedExpression = rexBuilder.makeCast(expression.getType(), repairedExpression, true);
      }
      expressions.add(repairedExpression);
    }
    if (!changed) {
      return project;
    }
    return project.copy(
        project.getTraitSet(), project.getInput(), expressions, project.getRowType());
  }

  /**
   * Returns the condition simplified with its comparisons with NULL folded, or null when it has
   * none, so that conditions without them keep the form that the later rules expect. It folds
   * before it simplifies too, because RexSimplify in Calcite 1.41 can itself turn {@code 1.50 >=
   * CAST(3e0 / CAST(NULL AS REAL) AS DECIMAL(10, 2))} into {@code 1.50 >= NULL}. It looks for a
   * NULL operand before it simplifies the operands, and it compares no NULL literal with a literal
   * of another type, such as DECIMAL(3, 2) and DECIMAL(10, 2). It then adds that comparison to the
   * predicates that it uses for the next conjunct, which reject it with an AssertionError.
   */
  private static RexNode folded(RexNode condition, RexBuilder rexBuilder) {
    RexSimplify simplify = new RexSimplify(rexBuilder, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR);
    FoldShuttle fold = new FoldShuttle(rexBuilder, simplify);
    NullabilityRepair repair = new NullabilityRepair(rexBuilder.getTypeFactory(), simplify);
    RexNode early = condition.accept(repair).accept(fold);
    RexNode simplified = simplified(simplify, early).accept(repair);
    RexNode folded = simplified.accept(fold);
    if (early == condition && folded == simplified) {
      return null;
    }
    return simplified(simplify, folded);
  }

  /**
   * Returns the condition simplified, or as it is where simplification fails Calcite's nullability
   * check (see {@link NullabilityGuardedRules}). RexSimplify can fail it within one call, because
   * it builds IS NULL over operands that it has already narrowed, as in the expansion of IS NOT
   * DISTINCT FROM.
   */
  private static RexNode simplified(RexSimplify simplify, RexNode condition) {
    return NullabilityGuardedRules.simplifiedOrSame(condition, simplify::simplifyUnknownAsFalse);
  }

  /** Replaces each comparison that has an operand that is always NULL with a NULL of its type. */
  private static final class FoldShuttle extends RexShuttle {
    private final RexBuilder rexBuilder;
    private final RexSimplify simplify;

    FoldShuttle(RexBuilder rexBuilder, RexSimplify simplify) {
      this.rexBuilder = rexBuilder;
      this.simplify = simplify;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      RexNode visited = super.visitCall(call);
      if (visited instanceof RexCall comparison
          && NullComparisonPredicates.REJECTED_COMPARISONS.contains(comparison.getKind())
          && comparison.getOperands().stream().anyMatch(this::isAlwaysNull)) {
        return rexBuilder.makeNullLiteral(comparison.getType());
      }
      return visited;
    }

    /**
     * Returns whether an operand is NULL whatever the row, such as {@code CAST(NULL AS INTEGER) *
     * 2} or a CASE whose only reachable branch is NULL. It may skip an error of the operand.
     */
    private boolean isAlwaysNull(RexNode operand) {
      return Strong.isNull(operand, ImmutableBitSet.of())
          || RexUtil.isNullLiteral(
              NullabilityGuardedRules.simplifiedOrSame(operand, simplify::simplify), true);
    }
  }
}
