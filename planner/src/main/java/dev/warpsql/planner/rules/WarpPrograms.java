package dev.warpsql.planner.rules;

import dev.warpsql.planner.metadata.WarpMetadata;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.tools.RelBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimization program of a statement: subqueries become joins and aggregates, correlated plans
 * are decorrelated, comparisons with NULL are folded, unused fields are trimmed, multi-way joins
 * are put in a heuristic order by estimated row counts, window functions that Calcite runs wrongly
 * are rewritten, and the cost-based planner chooses WARP or Enumerable operators. The expressions
 * of Enumerable operators are then rewritten where Calcite's Enumerable engine would run them
 * differently from the kernels or not at all.
 */
public final class WarpPrograms {
  private static final Logger LOG = LoggerFactory.getLogger(WarpPrograms.class);

  // NOTE: the heuristic estimates join sizes from row counts and the distinct-value bounds of the
  // keys (see WarpMetadata). The bounds are exact for dense keys but too high for a key column
  // with gaps, so a join on such a key looks more selective than it is.
  /** Joins at or above this count are ordered by the heuristic instead of exhaustive search. */
  private static final int MIN_JOINS_TO_REORDER = 2;

  private WarpPrograms() {}

  /** Returns the program that Calcite runs on each statement's logical plan. */
  public static Program standard() {
    List<RelOptRule> rules = new ArrayList<>();
    rules.addAll(WarpRules.LOGICAL_RULES);
    rules.addAll(WarpRules.WARP_RULES);
    rules.addAll(WarpRules.ENUMERABLE_RULES);
    return Programs.sequence(
        (planner, rel, traits, materializations, lattices) -> {
          OverflowCheckingExecutor.install(planner);
          useWarpMetadata(rel);
          return CorrelatedWindowCheck.apply(rel);
        },
        Programs.subQuery(WarpMetadata.PROVIDER),
        (planner, rel, traits, materializations, lattices) -> decorrelate(rel),
        (planner, rel, traits, materializations, lattices) -> NullComparisonFolding.apply(rel),
        (planner, rel, traits, materializations, lattices) ->
            new RelFieldTrimmer(null, relBuilder(rel)).trim(rel),
        (planner, rel, traits, materializations, lattices) -> WindowFunctionRewrite.apply(rel),
        fullJoinsAsUnions(),
        heuristicJoinOrder(rules),
        Programs.calc(WarpMetadata.PROVIDER),
        (planner, rel, traits, materializations, lattices) -> EnumerableFallbackRewrite.apply(rel));
  }

  /**
   * Turns every FULL join into a LEFT join and an ANTI join before the cost-based planner runs, so
   * that no FULL join reaches Calcite's Enumerable engine. Its nested-loop FULL join (1.41) keeps
   * unmatched right rows in an identity set, so equal rows that are one shared object, such as a
   * small boxed number, come out once. Filters move into the joins first, so that a WHERE condition
   * that rejects NULLs can still turn a FULL join into a LEFT or an inner one.
   */
  private static Program fullJoinsAsUnions() {
    HepProgram program =
        new HepProgramBuilder()
            .addRuleInstance(NullabilityGuardedRules.FILTER_INTO_JOIN)
            .addRuleInstance(FullJoinToUnionRule.INSTANCE)
            .build();
    return Programs.of(program, true, WarpMetadata.PROVIDER);
  }

  /**
   * Runs the cost-based planner, after gathering the inner joins of a plan with at least {@link
   * #MIN_JOINS_TO_REORDER} joins into multi-joins that a rule then orders greedily by the estimated
   * sizes of the joins. Calcite's {@code Programs.heuristicJoinOrder} does the same with Calcite's
   * default metadata, whose join estimates ignore the distinct values of the keys.
   */
  private static Program heuristicJoinOrder(List<RelOptRule> rules) {
    return (planner, rel, traits, materializations, lattices) -> {
      if (RelOptUtil.countJoins(rel) < MIN_JOINS_TO_REORDER) {
        return Programs.ofRules(rules).run(planner, rel, traits, materializations, lattices);
      }
      HepProgram multiJoins =
          new HepProgramBuilder()
              .addRuleInstance(NullabilityGuardedRules.FILTER_INTO_JOIN)
              .addMatchOrder(HepMatchOrder.BOTTOM_UP)
              .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
              .build();
      List<RelOptRule> ordering = new ArrayList<>(rules);
      ordering.add(CoreRules.MULTI_JOIN_OPTIMIZE);
      return Programs.sequence(
              Programs.of(multiJoins, false, WarpMetadata.PROVIDER), Programs.ofRules(ordering))
          .run(planner, rel, traits, materializations, lattices);
    };
  }

  /**
   * Rewrites correlated subplans into joins and aggregates, or keeps them correlated when Calcite's
   * decorrelator fails on them. Calcite 1.41 raises NullPointerException in {@code
   * RelDecorrelator.createValueGenerator} for a correlated NOT IN or {@code <> ALL} whose
   * correlation is not an equality, such as {@code k NOT IN (SELECT k FROM r WHERE r.id > l.id)}.
   * The correlated plan is correct, and the Enumerable engine runs it as a nested loop.
   */
  private static RelNode decorrelate(RelNode rel) {
    try {
      return RelDecorrelator.decorrelateQuery(rel, relBuilder(rel));
    } catch (NullPointerException e) {
      LOG.debug("kept a correlated plan that Calcite's decorrelator failed on", e);
      return rel;
    }
  }

  /**
   * Makes every later phase read WarpSQL's metadata. A hep program sets its provider on the
   * cluster, but the cluster keeps the metadata query of field trimming, which reads Calcite's
   * defaults, until a rule changes the plan, so the cost-based planner could still read those.
   */
  private static void useWarpMetadata(RelNode rel) {
    rel.getCluster().setMetadataProvider(WarpMetadata.PROVIDER);
    rel.getCluster().invalidateMetadataQuery();
  }

  private static RelBuilder relBuilder(RelNode rel) {
    return RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
  }
}
