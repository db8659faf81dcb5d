package dev.warpsql.planner.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A rule that turns each {@code a IS NOT DISTINCT FROM b} between the two sides of a join into two
 * plain equalities, which WARP's hash joins take as keys:
 *
 * <pre>
 *   COALESCE(a, 0) = COALESCE(b, 0) AND (a IS NULL) = (b IS NULL)
 * </pre>
 *
 * <p>Two NULLs then match and a NULL never matches a value, as IS NOT DISTINCT FROM requires; the
 * zero could be any value of the key's type, because the second equality separates NULL from it.
 * The key expressions are computed by projections below the join and dropped above it. Calcite's
 * decorrelator writes such conditions for correlated subqueries, such as {@code k NOT IN (SELECT k
 * FROM r WHERE r.id = l.id)}. VARCHAR keys stay as they are, because a COALESCE with a string
 * constant has no kernel form and would run on Enumerable operators anyway.
 */
public final class NullSafeJoinKeysRule extends RelRule<JoinRuleConfig> {
  /** The rule for every logical join. */
  public static final RelOptRule INSTANCE =
      JoinRuleConfig.of(
              "NullSafeJoinKeysRule",
              join -> join.getJoinType() != JoinRelType.ASOF,
              NullSafeJoinKeysRule::new)
          .toRule();

  private static final int MAX_FIELD = Integer.MAX_VALUE;

  private NullSafeJoinKeysRule(JoinRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int rightCount = join.getRight().getRowType().getFieldCount();
    RelBuilder builder = call.builder();
    RexBuilder rexBuilder = builder.getRexBuilder();

    List<RexNode> leftKeys = new ArrayList<>();
    List<RexNode> rightKeys = new ArrayList<>();
    List<RexNode> others = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      RexNode[] sides = sides(conjunct, leftCount);
      if (sides == null) {
        others.add(conjunct);
        continue;
      }
      RexNode left = sides[0];
      RexNode right = RexUtil.shift(sides[1], -leftCount);
      leftKeys.add(coalesced(rexBuilder, left));
      leftKeys.add(rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, left));
      rightKeys.add(coalesced(rexBuilder, right));
      rightKeys.add(rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, right));
    }
    if (leftKeys.isEmpty()) {
      return;
    }

    int added = leftKeys.size();
    builder.push(join.getLeft());
    builder.project(concat(builder.fields(), leftKeys));
    builder.push(join.getRight());
    builder.project(concat(builder.fields(), rightKeys));

    List<RexNode> condition = new ArrayList<>();
    int rightStart = leftCount + added;
    for (int i = 0; i < added; i++) {
      condition.add(
          builder.equals(
              rexBuilder.makeInputRef(leftKeys.get(i).getType(), leftCount + i),
              rexBuilder.makeInputRef(rightKeys.get(i).getType(), rightStart + rightCount + i)));
    }
    for (RexNode other : others) {
      // References to the right side move past the left side's added keys.
      condition.add(RexUtil.shift(other, leftCount, added));
    }
    builder.join(join.getJoinType(), condition);

    List<RexNode> outputs = new ArrayList<>();
    for (int i = 0; i < leftCount; i++) {
      outputs.add(builder.field(i));
    }
    if (join.getJoinType().projectsRight()) {
      for (int i = 0; i < rightCount; i++) {
        outputs.add(builder.field(rightStart + i));
      }
    }
    builder.project(outputs, join.getRowType().getFieldNames(), true);
    builder.convert(join.getRowType(), false);
    call.transformTo(builder.build());
  }

  /**
   * Returns the operands of {@code a IS NOT DISTINCT FROM b}, left side first, when one reads only
   * the left input and the other only the right and neither is a string; otherwise null.
   */
  private static RexNode[] sides(RexNode conjunct, int leftCount) {
    if (!conjunct.isA(SqlKind.IS_NOT_DISTINCT_FROM)) {
      return null;
    }
    RexNode first = ((RexCall) conjunct).getOperands().get(0);
    RexNode second = ((RexCall) conjunct).getOperands().get(1);
    if (SqlTypeUtil.inCharFamily(first.getType()) || SqlTypeUtil.inCharFamily(second.getType())) {
      return null;
    }
    ImmutableBitSet firstInputs = RelOptUtil.InputFinder.bits(first);
    ImmutableBitSet secondInputs = RelOptUtil.InputFinder.bits(second);
    if (readsOnly(firstInputs, 0, leftCount) && readsOnly(secondInputs, leftCount, MAX_FIELD)) {
      return new RexNode[] {first, second};
    }
    if (readsOnly(secondInputs, 0, leftCount) && readsOnly(firstInputs, leftCount, MAX_FIELD)) {
      return new RexNode[] {second, first};
    }
    return null;
  }

  /** Returns whether an expression reads some fields, all in [from, to). */
  private static boolean readsOnly(ImmutableBitSet inputs, int from, int to) {
    return !inputs.isEmpty() && inputs.nextSetBit(0) >= from && inputs.length() <= to;
  }

  /** Returns {@code COALESCE(key, zero of its type)}, which is never NULL. */
  private static RexNode coalesced(RexBuilder rexBuilder, RexNode key) {
    RexNode zero =
        rexBuilder.makeZeroLiteral(
            rexBuilder.getTypeFactory().createTypeWithNullability(key.getType(), false));
    return rexBuilder.makeCall(SqlStdOperatorTable.COALESCE, key, zero);
  }

  private static List<RexNode> concat(List<RexNode> first, List<RexNode> second) {
    List<RexNode> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
