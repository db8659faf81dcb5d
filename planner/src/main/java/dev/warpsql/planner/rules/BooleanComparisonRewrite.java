package dev.warpsql.planner.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlPostfixOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Rewrites comparisons of two BOOLEAN operands, such as {@code (a < b) BETWEEN FALSE AND TRUE},
 * into AND, OR and NOT with the same three-valued result, before any simplification runs.
 *
 * <p>RexSimplify in Calcite 1.41 merges comparisons of one expression with literals into a SEARCH
 * over a range, and then simplifies the SEARCH's operand as if it were a WHERE condition, where
 * UNKNOWN counts as FALSE. That is wrong for a BOOLEAN operand: {@code i < i} becomes FALSE
 * although it is NULL for a NULL {@code i}, so {@code (i < i) BETWEEN FALSE AND TRUE} became TRUE
 * and a filter passed rows that it must reject. Without comparisons of BOOLEAN values no such
 * SEARCH forms. Calcite simplifies AND, OR and NOT correctly under either treatment of UNKNOWN.
 *
 * <p>Equalities of two input references stay, because they are join keys. A rule that later puts an
 * expression in place of such a reference could still form the SEARCH, but Calcite's rules do not
 * create comparisons of BOOLEAN values otherwise.
 */
public final class BooleanComparisonRewrite extends RelHomogeneousShuttle {
  private final ExpressionRewrite expressions;

  private BooleanComparisonRewrite(RexBuilder rexBuilder) {
    this.expressions = new ExpressionRewrite(rexBuilder, this);
  }

  /** Returns the plan with the comparisons of BOOLEAN operands in all its expressions rewritten. */
  public static RelNode apply(RelNode plan) {
    return plan.accept(new BooleanComparisonRewrite(plan.getCluster().getRexBuilder()));
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode visited = super.visit(other);
    if (visited instanceof Project project) {
      return rewriteProject(project);
    }
    return visited.accept(expressions);
  }

  /**
   * Rewrites a projection's expressions and casts each one back to its type where the rewrite made
   * it NOT NULL, because the projection's row type must not change.
   */
  private RelNode rewriteProject(Project project) {
    RexBuilder rexBuilder = project.getCluster().getRexBuilder();
    List<RexNode> rewritten = new ArrayList<>();
    boolean changed = false;
    for (RexNode expression : project.getProjects()) {
      RexNode visited = expression.accept(expressions);
      if (visited != expression) {
        changed = true;
      }
      if (!visited.getType().equals(expression.getType())) {
        visited = rexBuilder.makeCast(expression.getType(), visited, true, false);
      }
      rewritten.add(visited);
    }
    if (!changed) {
      return project;
    }
    return project.copy(project.getTraitSet(), project.getInput(), rewritten, project.getRowType());
  }

  /** The expression rewrite, bottom-up, that also enters the plans of subqueries. */
  private static final class ExpressionRewrite extends RexShuttle {
    private final RexBuilder rexBuilder;
    private final BooleanComparisonRewrite plans;

    ExpressionRewrite(RexBuilder rexBuilder, BooleanComparisonRewrite plans) {
      this.rexBuilder = rexBuilder;
      this.plans = plans;
    }

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      RexSubQuery visited = (RexSubQuery) super.visitSubQuery(subQuery);
      RelNode rel = visited.rel.accept(plans);
      return rel == visited.rel ? visited : visited.clone(rel);
    }

    @Override
    public RexNode visitCall(RexCall call) {
      RexNode visited = super.visitCall(call);
      if (visited != call) {
        // A rewritten operand may be an AND or OR under another, which Calcite requires flat.
        visited = RexUtil.flatten(rexBuilder, visited);
      }
      if (!(visited instanceof RexCall rewritten) || !comparesBooleans(rewritten)) {
        return visited;
      }
      if (rewritten.getKind() == SqlKind.SEARCH) {
        return RexUtil.expandSearch(rexBuilder, null, rewritten).accept(this);
      }
      RexNode left = rewritten.getOperands().get(0);
      RexNode right = rewritten.getOperands().get(1);
      if (keeps(rewritten.getKind(), left, right)) {
        return rewritten;
      }
      RexNode logic = logic(rewritten.getKind(), left, right);
      if (logic.getType().equals(rewritten.getType())
          || !logic.getType().isNullable() && isBoolean(rewritten)) {
        // A NOT NULL result keeps its type, because a filter rejects a cast around its condition
        // that changes only nullability. NullabilityRepair retypes the calls above it.
        return logic;
      }
      return rexBuilder.makeCast(rewritten.getType(), logic, true, false);
    }

    private static boolean isBoolean(RexNode node) {
      return node.getType().getSqlTypeName() == SqlTypeName.BOOLEAN;
    }

    private static boolean comparesBooleans(RexCall call) {
      switch (call.getKind()) {
        case EQUALS:
        case NOT_EQUALS:
        case LESS_THAN:
        case LESS_THAN_OR_EQUAL:
        case GREATER_THAN:
        case GREATER_THAN_OR_EQUAL:
        case IS_DISTINCT_FROM:
        case IS_NOT_DISTINCT_FROM:
        case SEARCH:
          return call.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.BOOLEAN;
        default:
          return false;
      }
    }

    /**
     * Keeps join keys, comparisons with a NULL literal (folded elsewhere) and operands that are not
     * deterministic, which the rewrite would evaluate more than once.
     */
    private static boolean keeps(SqlKind kind, RexNode left, RexNode right) {
      boolean equality = kind == SqlKind.EQUALS || kind == SqlKind.IS_NOT_DISTINCT_FROM;
      if (equality && left instanceof RexInputRef && right instanceof RexInputRef) {
        return true;
      }
      if (RexUtil.isNullLiteral(left, true) || RexUtil.isNullLiteral(right, true)) {
        return true;
      }
      return !RexUtil.isDeterministic(left) || !RexUtil.isDeterministic(right);
    }

    /** Returns the comparison as logic over its operands, with FALSE ordered before TRUE. */
    private RexNode logic(SqlKind kind, RexNode x, RexNode y) {
      switch (kind) {
        case EQUALS:
          return or(and(x, y), and(not(x), not(y)));
        case NOT_EQUALS:
          return or(and(x, not(y)), and(not(x), y));
        case LESS_THAN:
          return lessThan(x, y);
        case GREATER_THAN:
          return lessThan(y, x);
        case LESS_THAN_OR_EQUAL:
          return lessThanOrEqual(x, y);
        case GREATER_THAN_OR_EQUAL:
          return lessThanOrEqual(y, x);
        case IS_NOT_DISTINCT_FROM:
          return notDistinct(x, y);
        case IS_DISTINCT_FROM:
          return not(notDistinct(x, y));
        default:
          throw new IllegalArgumentException("not a comparison: " + kind);
      }
    }

    /** TRUE only for FALSE < TRUE; the last two terms make the result NULL when one is NULL. */
    private RexNode lessThan(RexNode x, RexNode y) {
      return or(and(not(x), y), and(x, not(x)), and(y, not(y)));
    }

    /** FALSE only for TRUE <= FALSE; the last two terms make the result NULL when one is NULL. */
    private RexNode lessThanOrEqual(RexNode x, RexNode y) {
      return and(or(not(x), y), or(x, not(x)), or(y, not(y)));
    }

    private RexNode notDistinct(RexNode x, RexNode y) {
      return or(
          and(is(SqlStdOperatorTable.IS_TRUE, x), is(SqlStdOperatorTable.IS_TRUE, y)),
          and(is(SqlStdOperatorTable.IS_FALSE, x), is(SqlStdOperatorTable.IS_FALSE, y)),
          and(is(SqlStdOperatorTable.IS_NULL, x), is(SqlStdOperatorTable.IS_NULL, y)));
    }

    private RexNode is(SqlPostfixOperator test, RexNode operand) {
      return rexBuilder.makeCall(test, operand);
    }

    /** Returns a flat AND, which Calcite requires, without TRUE operands. */
    private RexNode and(RexNode... operands) {
      return RexUtil.composeConjunction(rexBuilder, List.of(operands));
    }

    /** Returns a flat OR, which Calcite requires, without FALSE operands. */
    private RexNode or(RexNode... operands) {
      return RexUtil.composeDisjunction(rexBuilder, List.of(operands));
    }

    private RexNode not(RexNode operand) {
      if (operand instanceof RexLiteral literal && literal.getValue() instanceof Boolean value) {
        return rexBuilder.makeLiteral(!value);
      }
      return rexBuilder.makeCall(SqlStdOperatorTable.NOT, operand);
    }
  }
}
