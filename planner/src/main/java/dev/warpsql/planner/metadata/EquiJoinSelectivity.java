package dev.warpsql.planner.metadata;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Selectivity of join conditions from the distinct values of their keys. An equality of a left and
 * a right column keeps 1 / max(distinct left, distinct right) of the cross product, the textbook
 * estimate under the assumption that the side with fewer values finds its values in the other.
 * Calcite's default guesses 0.15 for every equality, so a join on a nation key looked as selective
 * as one on an order key, and TPC-H Q5 joined customers with suppliers first.
 */
public final class EquiJoinSelectivity implements MetadataHandler<BuiltInMetadata.Selectivity> {
  @Override
  public MetadataDef<BuiltInMetadata.Selectivity> getDef() {
    return BuiltInMetadata.Selectivity.DEF;
  }

  /** Returns the selectivity of {@code predicate} over the join's cross product. */
  public @Nullable Double getSelectivity(
      Join join, RelMetadataQuery mq, @Nullable RexNode predicate) {
    if (join.isSemiJoin()) {
      return semiJoinSelectivity(join, mq, predicate);
    }
    if (predicate == null || predicate.isAlwaysTrue()) {
      return 1.0;
    }

    int leftFields = join.getLeft().getRowType().getFieldCount();
    double selectivity = 1;
    for (RexNode conjunct : RelOptUtil.conjunctions(predicate)) {
      Double keySelectivity = equalitySelectivity(join, mq, conjunct, leftFields);
      selectivity *= keySelectivity == null ? RelMdUtil.guessSelectivity(conjunct) : keySelectivity;
    }
    return selectivity;
  }

  /**
   * Returns the selectivity of an equality of a left and a right column, or null for any other
   * condition or when a side has no distinct-value estimate.
   */
  private static @Nullable Double equalitySelectivity(
      Join join, RelMetadataQuery mq, RexNode conjunct, int leftFields) {
    if (conjunct.getKind() != SqlKind.EQUALS) {
      return null;
    }
    RexCall equality = (RexCall) conjunct;
    if (!(equality.getOperands().get(0) instanceof RexInputRef first)
        || !(equality.getOperands().get(1) instanceof RexInputRef second)) {
      return null;
    }
    int left = Math.min(first.getIndex(), second.getIndex());
    int right = Math.max(first.getIndex(), second.getIndex());
    if (left >= leftFields || right < leftFields) {
      return null;
    }

    Double leftDistinct = distinct(mq, join.getLeft(), left);
    Double rightDistinct = distinct(mq, join.getRight(), right - leftFields);
    if (leftDistinct == null || rightDistinct == null) {
      return null;
    }
    return 1 / Math.max(1, Math.max(leftDistinct, rightDistinct));
  }

  private static @Nullable Double distinct(RelMetadataQuery mq, RelNode input, int column) {
    return mq.getDistinctRowCount(input, ImmutableBitSet.of(column), null);
  }

  /**
   * Returns the share of the left rows that a SEMI join keeps, as Calcite's default handler does:
   * the selectivity of a condition that stands for the semi-join's filter, over the left input.
   */
  private static @Nullable Double semiJoinSelectivity(
      Join join, RelMetadataQuery mq, @Nullable RexNode predicate) {
    RexNode condition = RelMdUtil.makeSemiJoinSelectivityRexNode(mq, join);
    if (predicate != null) {
      condition =
          join.getCluster().getRexBuilder().makeCall(SqlStdOperatorTable.AND, condition, predicate);
    }
    return mq.getSelectivity(join.getLeft(), condition);
  }
}
