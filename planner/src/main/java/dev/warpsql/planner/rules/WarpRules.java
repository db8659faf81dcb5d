package dev.warpsql.planner.rules;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * The rules of WarpSQL's cost-based planner: logical rewrites, conversions into the WARP
 * convention, and Calcite's Enumerable rules as the visible fallback for the rest.
 */
public final class WarpRules {
  /** Conversions of logical operators into WARP operators. */
  public static final List<RelOptRule> WARP_RULES =
      List.of(
          WarpFilterRule.INSTANCE,
          WarpProjectRule.INSTANCE,
          WarpAggregateRule.INSTANCE,
          WarpSortRule.INSTANCE,
          WarpHashJoinRule.INSTANCE,
          WarpUnionRule.INSTANCE,
          WarpValuesRule.INSTANCE,
          WarpTableModifyRule.INSTANCE,
          WarpToEnumerableConverterRule.INSTANCE,
          WarpFromEnumerableRule.INSTANCE);

  /**
   * Logical rewrites: constant folding, merging and pushing filters and projections, and the
   * reductions that turn AVG and COUNT(DISTINCT) into the aggregates that kernels compute.
   */
  public static final List<RelOptRule> LOGICAL_RULES =
      List.of(
          NullabilityGuardedRules.PROJECT_REDUCE_EXPRESSIONS,
          NullabilityGuardedRules.FILTER_REDUCE_EXPRESSIONS,
          CoreRules.PROJECT_MERGE,
          CoreRules.PROJECT_REMOVE,
          CoreRules.FILTER_MERGE,
          NullabilityGuardedRules.FILTER_PROJECT_TRANSPOSE,
          CoreRules.FILTER_AGGREGATE_TRANSPOSE,
          CoreRules.AGGREGATE_PROJECT_MERGE,
          CoreRules.AGGREGATE_REDUCE_FUNCTIONS,
          CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN,
          CoreRules.AGGREGATE_ANY_PULL_UP_CONSTANTS,
          CoreRules.SORT_REMOVE_CONSTANT_KEYS,
          CoreRules.SORT_PROJECT_TRANSPOSE,
          NullabilityGuardedRules.FILTER_INTO_JOIN,
          NullabilityGuardedRules.JOIN_CONDITION_PUSH,
          CoreRules.JOIN_PUSH_EXPRESSIONS,
          CoreRules.JOIN_PUSH_TRANSITIVE_PREDICATES,
          CoreRules.PROJECT_JOIN_TRANSPOSE,
          CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW,
          CoreRules.UNION_TO_DISTINCT,
          CoreRules.INTERSECT_TO_DISTINCT,
          CoreRules.MINUS_TO_DISTINCT,
          FullJoinToUnionRule.INSTANCE,
          NullSafeJoinKeysRule.INSTANCE);

  /**
   * Calcite's Enumerable rules, the fallback, without the rules that need the collation trait,
   * which WarpSQL's planner does not track. Its table scan stays for Calcite's own tables, such as
   * the metadata schema; WarpSQL's tables always scan as {@code WarpTableScan}.
   */
  public static final List<RelOptRule> ENUMERABLE_RULES =
      EnumerableRules.ENUMERABLE_RULES.stream()
          .filter(rule -> rule != EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE)
          .filter(rule -> rule != EnumerableRules.ENUMERABLE_SORTED_AGGREGATE_RULE)
          .filter(rule -> rule != EnumerableRules.ENUMERABLE_MERGE_UNION_RULE)
          .toList();

  private WarpRules() {}

  /** Adds every rule of WarpSQL's planner to a planner. */
  public static void register(RelOptPlanner planner) {
    LOGICAL_RULES.forEach(planner::addRule);
    WARP_RULES.forEach(planner::addRule);
    ENUMERABLE_RULES.forEach(planner::addRule);
  }
}
