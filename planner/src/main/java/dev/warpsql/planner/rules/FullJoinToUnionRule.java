package dev.warpsql.planner.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilder;

/**
 * A rule that rewrites {@code A FULL JOIN B ON c} into joins that WARP runs:
 *
 * <pre>
 *   A LEFT JOIN B ON c
 *   UNION ALL
 *   SELECT NULL, ..., NULL, B.* FROM B WHERE NOT EXISTS (SELECT * FROM A WHERE c)
 * </pre>
 *
 * <p>The LEFT join gives the matched pairs and the rows of A without a match, and the ANTI join the
 * rows of B for which no row of A makes c TRUE. That is the SQL definition of a full outer join, so
 * NULL keys and conditions that are NULL leave a row unmatched on both sides, as they should. Each
 * input is read twice, where a single hash join would mark the build rows that matched and emit the
 * others at the end.
 */
public final class FullJoinToUnionRule extends RelRule<JoinRuleConfig> {
  /** The rule for every logical FULL join. */
  public static final RelOptRule INSTANCE =
      JoinRuleConfig.of(
              "FullJoinToUnionRule",
              join -> join.getJoinType() == JoinRelType.FULL,
              FullJoinToUnionRule::new)
          .toRule();

  private FullJoinToUnionRule(JoinRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    RelNode left = join.getLeft();
    RelNode right = join.getRight();
    RelBuilder builder = call.builder();

    builder.push(left).push(right).join(JoinRelType.LEFT, join.getCondition());

    RexNode swapped = join.getCondition().accept(new SwapSides(left, right));
    builder.push(right).push(left).join(JoinRelType.ANTI, swapped);
    RexBuilder rexBuilder = builder.getRexBuilder();
    RelDataTypeFactory typeFactory = rexBuilder.getTypeFactory();
    List<RexNode> columns = new ArrayList<>();
    for (RelDataTypeField field : left.getRowType().getFieldList()) {
      columns.add(
          rexBuilder.makeNullLiteral(typeFactory.createTypeWithNullability(field.getType(), true)));
    }
    columns.addAll(builder.fields());
    builder.project(columns, join.getRowType().getFieldNames(), true);

    builder.union(true, 2).convert(join.getRowType(), false);
    call.transformTo(builder.build());
  }

  /**
   * Rewrites a condition over the row {@code left || right} into the same condition over the row
   * {@code right || left}.
   */
  private static final class SwapSides extends RexShuttle {
    private final int leftCount;
    private final int rightCount;

    SwapSides(RelNode left, RelNode right) {
      this.leftCount = left.getRowType().getFieldCount();
      this.rightCount = right.getRowType().getFieldCount();
    }

    @Override
    public RexNode visitInputRef(RexInputRef ref) {
      int index = ref.getIndex();
      int swapped = index < leftCount ? index + rightCount : index - leftCount;
      return new RexInputRef(swapped, ref.getType());
    }
  }
}
