package dev.warpsql.planner.rules;

import java.util.function.UnaryOperator;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rel.rules.FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig;
import org.apache.calcite.rel.rules.FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig;
import org.apache.calcite.rel.rules.FilterProjectTransposeRule;
import org.apache.calcite.rel.rules.ReduceExpressionsRule;
import org.apache.calcite.rel.rules.ReduceExpressionsRule.FilterReduceExpressionsRule.FilterReduceExpressionsRuleConfig;
import org.apache.calcite.rel.rules.ReduceExpressionsRule.ProjectReduceExpressionsRule.ProjectReduceExpressionsRuleConfig;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calcite's rules that fold constants in filters and projections and push filters into joins, with
 * the firings skipped that fail Calcite's own nullability check.
 *
 * <p>Calcite 1.41 builds calls whose type is nullable although none of their operands is. {@code
 * ReduceExpressionsRule} pushes a comparison into the branches of a CASE and keeps the type of the
 * comparison over a NOT NULL branch, and it turns a filter's constant subexpression into a NOT NULL
 * literal without a cast. {@link RexSimplify} keeps a call's type when a CASE among its operands
 * folds to its one NOT NULL branch or a COALESCE to its NOT NULL first operand, and it can then
 * build IS NULL over that call within the same simplification. Simplifying IS NULL or IS NOT NULL
 * over such a call fails in {@code RexSimplify.validateStrongPolicy}, a check that is a Java {@code
 * assert}, so it runs only where assertions are enabled, as in the tests. Where it does not run,
 * the simplified expression is correct. The rules that push filters into joins simplify the
 * conditions that they move, so they meet such calls too. A skipped firing leaves the plan as it
 * was, which the kernels run as well.
 */
public final class NullabilityGuardedRules {
  private static final Logger LOG = LoggerFactory.getLogger(NullabilityGuardedRules.class);

  /** Folds constants in filter conditions, as {@link CoreRules#FILTER_REDUCE_EXPRESSIONS} does. */
  public static final RelOptRule FILTER_REDUCE_EXPRESSIONS =
      new FilterRule(
          CoreRules.FILTER_REDUCE_EXPRESSIONS
              .config
              .withDescription("GuardedFilterReduceExpressionsRule")
              .as(FilterReduceExpressionsRuleConfig.class));

  /** Folds constants in projections, as {@link CoreRules#PROJECT_REDUCE_EXPRESSIONS} does. */
  public static final RelOptRule PROJECT_REDUCE_EXPRESSIONS =
      new ProjectRule(
          CoreRules.PROJECT_REDUCE_EXPRESSIONS
              .config
              .withDescription("GuardedProjectReduceExpressionsRule")
              .as(ProjectReduceExpressionsRuleConfig.class));

  /** Pushes filters into joins, as {@link CoreRules#FILTER_INTO_JOIN} does. */
  public static final RelOptRule FILTER_INTO_JOIN =
      new FilterIntoJoin(
          CoreRules.FILTER_INTO_JOIN
              .config
              .withDescription("GuardedFilterIntoJoinRule")
              .as(FilterIntoJoinRuleConfig.class));

  /**
   * Pushes join conditions into the join's inputs, as {@link CoreRules#JOIN_CONDITION_PUSH} does.
   */
  public static final RelOptRule JOIN_CONDITION_PUSH =
      new JoinConditionPush(
          CoreRules.JOIN_CONDITION_PUSH
              .config
              .withDescription("GuardedJoinConditionPushRule")
              .as(JoinConditionPushRuleConfig.class));

  /**
   * Pushes filters past projections, as {@link CoreRules#FILTER_PROJECT_TRANSPOSE} does. The rule
   * removes every cast that changes only nullability from the condition that it moves. Where a
   * projection computes such a cast around an AND, as RexSimplify's {@code AND(null, IS NULL(b))}
   * for {@code b AND NOT b}, an AND then lands directly under another, and Calcite's filter rejects
   * the condition with an AssertionError because it is not flat. That firing is skipped too.
   */
  public static final RelOptRule FILTER_PROJECT_TRANSPOSE =
      new FilterProjectTranspose(
          CoreRules.FILTER_PROJECT_TRANSPOSE
              .config
              .withDescription("GuardedFilterProjectTransposeRule")
              .as(FilterProjectTransposeRule.Config.class));

  private static final String CHECK_CLASS = RexSimplify.class.getName();
  private static final String CHECK_METHOD = "validateStrongPolicy";

  /** The start of the message of the AssertionError of a Filter whose condition is not flat. */
  private static final String FLAT_CHECK_MESSAGE = "RexUtil.isFlat should be true";

  private NullabilityGuardedRules() {}

  /**
   * Returns whether an AssertionError comes from Calcite's nullability check of a strong call, the
   * only failure that these rules skip. Strong calls, such as comparisons and arithmetic, are NULL
   * exactly when an operand is NULL.
   */
  static boolean isStrongPolicyCheck(AssertionError error) {
    StackTraceElement[] frames = error.getStackTrace();
    return frames.length > 0
        && frames[0].getClassName().equals(CHECK_CLASS)
        && frames[0].getMethodName().equals(CHECK_METHOD);
  }

  /**
   * Returns {@code simplification} applied to {@code expression}, or {@code expression} as it is
   * where the simplification fails Calcite's nullability check.
   */
  static RexNode simplifiedOrSame(RexNode expression, UnaryOperator<RexNode> simplification) {
    try {
      return simplification.apply(expression);
    } catch (AssertionError e) {
      if (!isStrongPolicyCheck(e)) {
        throw e;
      }
      LOG.debug("kept {} unsimplified, which failed Calcite's nullability check", expression, e);
      return expression;
    }
  }

  private static void fireGuarded(RelOptRule rule, Runnable firing) {
    try {
      firing.run();
    } catch (AssertionError e) {
      if (!isStrongPolicyCheck(e) && !isFlatConditionCheck(e)) {
        throw e;
      }
      LOG.debug("skipped {}, which failed Calcite's nullability or flatness check", rule, e);
    }
  }

  /** Returns whether an AssertionError comes from a filter whose condition is not flat. */
  private static boolean isFlatConditionCheck(AssertionError error) {
    StackTraceElement[] frames = error.getStackTrace();
    return frames.length > 0
        && frames[0].getClassName().equals(Filter.class.getName())
        && String.valueOf(error.getMessage()).startsWith(FLAT_CHECK_MESSAGE);
  }

  private static final class FilterRule extends ReduceExpressionsRule.FilterReduceExpressionsRule {
    FilterRule(FilterReduceExpressionsRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      fireGuarded(this, () -> super.onMatch(call));
    }
  }

  private static final class ProjectRule
      extends ReduceExpressionsRule.ProjectReduceExpressionsRule {
    ProjectRule(ProjectReduceExpressionsRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      fireGuarded(this, () -> super.onMatch(call));
    }
  }

  private static final class FilterIntoJoin extends FilterJoinRule.FilterIntoJoinRule {
    FilterIntoJoin(FilterIntoJoinRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      fireGuarded(this, () -> super.onMatch(call));
    }
  }

  private static final class FilterProjectTranspose extends FilterProjectTransposeRule {
    FilterProjectTranspose(FilterProjectTransposeRule.Config config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      fireGuarded(this, () -> super.onMatch(call));
    }
  }

  private static final class JoinConditionPush extends FilterJoinRule.JoinConditionPushRule {
    JoinConditionPush(JoinConditionPushRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      fireGuarded(this, () -> super.onMatch(call));
    }
  }
}
