package dev.warpsql.planner.metadata;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMdPredicates;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Util;

/**
 * The predicates that hold for every row of a filter or a join, as Calcite derives them, but
 * without the conjuncts of the condition that compare with a NULL literal.
 *
 * <p>Calcite 1.41's {@link RelOptPredicateList} rejects such a comparison with an AssertionError
 * ("Comparison with NULL in pulledUpPredicates"), but the cost-based planner's rules create them.
 * {@code ReduceExpressionsRule} replaces a column by NULL where its input's predicates contain
 * {@code c IS NULL}, so {@code c >= 31} over the left side of a RIGHT join on {@code c IS NULL}
 * becomes {@code NULL >= 31}, and the rule that fires next on the filter reads its predicates.
 * Leaving a conjunct out of the predicates is safe, because they then claim less about the rows.
 * Such a conjunct is never TRUE, so the filter or join still returns the right rows.
 */
public final class NullComparisonPredicates implements MetadataHandler<BuiltInMetadata.Predicates> {
  /** The comparisons that {@link RelOptPredicateList} rejects with a NULL literal operand. */
  public static final Set<SqlKind> REJECTED_COMPARISONS =
      EnumSet.of(
          SqlKind.EQUALS,
          SqlKind.NOT_EQUALS,
          SqlKind.LESS_THAN,
          SqlKind.LESS_THAN_OR_EQUAL,
          SqlKind.GREATER_THAN,
          SqlKind.GREATER_THAN_OR_EQUAL);

  private static final RelMdPredicates CALCITE_PREDICATES = new RelMdPredicates();

  @Override
  public MetadataDef<BuiltInMetadata.Predicates> getDef() {
    return BuiltInMetadata.Predicates.DEF;
  }

  /** Returns the input's predicates and the conjuncts of the condition that hold for each row. */
  public RelOptPredicateList getPredicates(Filter filter, RelMetadataQuery mq) {
    List<RexNode> conjuncts = RelOptUtil.conjunctions(filter.getCondition());
    if (conjuncts.stream().noneMatch(NullComparisonPredicates::comparesWithNull)) {
      return CALCITE_PREDICATES.getPredicates(filter, mq);
    }

    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    List<RexNode> kept =
        RexUtil.retainDeterministic(
            conjuncts.stream().filter(conjunct -> !comparesWithNull(conjunct)).toList());
    RelOptPredicateList inputPredicates = mq.getPulledUpPredicates(filter.getInput());
    return Util.first(inputPredicates, RelOptPredicateList.EMPTY)
        .union(rexBuilder, RelOptPredicateList.of(rexBuilder, kept));
  }

  /**
   * Returns the predicates that Calcite derives for the join with the comparisons with NULL left
   * out of its condition. Calcite derives them from the predicates of the inputs and the conjuncts
   * of the condition, so leaving a conjunct out only drops what Calcite would derive from it.
   */
  public RelOptPredicateList getPredicates(Join join, RelMetadataQuery mq) {
    List<RexNode> conjuncts = RelOptUtil.conjunctions(join.getCondition());
    if (conjuncts.stream().noneMatch(NullComparisonPredicates::comparesWithNull)) {
      return CALCITE_PREDICATES.getPredicates(join, mq);
    }

    RexBuilder rexBuilder = join.getCluster().getRexBuilder();
    RexNode weaker =
        RexUtil.composeConjunction(
            rexBuilder,
            conjuncts.stream().filter(conjunct -> !comparesWithNull(conjunct)).toList());
    Join weakerJoin =
        join.copy(
            join.getTraitSet(),
            weaker,
            join.getLeft(),
            join.getRight(),
            join.getJoinType(),
            join.isSemiJoinDone());
    return CALCITE_PREDICATES.getPredicates(weakerJoin, mq);
  }

  /** Returns whether a conjunct is a comparison that {@link RelOptPredicateList} rejects. */
  private static boolean comparesWithNull(RexNode conjunct) {
    return conjunct.isA(REJECTED_COMPARISONS)
        && ((RexCall) conjunct)
            .getOperands().stream()
                .anyMatch(operand -> operand instanceof RexLiteral literal && literal.isNull());
  }
}
