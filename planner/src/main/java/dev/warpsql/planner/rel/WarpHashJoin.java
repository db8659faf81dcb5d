package dev.warpsql.planner.rel;

import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.planner.lower.JoinLowering;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.RexSupport;
import dev.warpsql.planner.lower.Stream;
import dev.warpsql.planner.schema.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Hash join: the build side is a pipeline breaker that fills a hash table, and the probe is fused
 * into the probe side's pipeline, so a chain of joins over one fact table runs as one kernel.
 *
 * <p>Inner joins build the input with fewer estimated rows; outer, semi and anti joins build the
 * side whose rows are not preserved. Equality keys must reject NULLs (IS NOT DISTINCT FROM keys
 * fall back unless {@code NullSafeJoinKeysRule} rewrote them). VARCHAR keys of the probe side are
 * translated into codes of the build side's dictionary (see {@code DictionaryTranslation}). A join
 * without equality keys, such as a comparison with a scalar subquery's single row, hashes every
 * build row under one constant key. Each probe row then meets every build row, and the condition is
 * checked pair by pair, as a nested loop would.
 */
public final class WarpHashJoin extends Join implements WarpRel {
  public WarpHashJoin(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode left,
      RelNode right,
      RexNode condition,
      JoinRelType joinType) {
    super(cluster, traits, List.of(), left, right, condition, java.util.Set.of(), joinType);
  }

  @Override
  public Join copy(
      RelTraitSet traitSet,
      RexNode condition,
      RelNode left,
      RelNode right,
      JoinRelType joinType,
      boolean semiJoinDone) {
    return new WarpHashJoin(getCluster(), traitSet, left, right, condition, joinType);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(WarpConvention.COST_FACTOR);
  }

  /** Equality keys and the remaining condition of a join. */
  record Keys(int[] left, int[] right, RexNode residual) {}

  /** Splits a join condition, or returns empty when WARP cannot run the join. */
  static Optional<Keys> keys(Join join) {
    JoinRelType type = join.getJoinType();
    // FULL joins reach WARP as a LEFT and an ANTI join (see FullJoinToUnionRule).
    if (type == JoinRelType.FULL || type == JoinRelType.ASOF || type == JoinRelType.LEFT_ASOF) {
      return Optional.empty();
    }
    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    List<Boolean> filterNulls = new ArrayList<>();
    List<RexNode> nonEqui = new ArrayList<>();
    RexNode condition = pullCommonConjuncts(join.getCluster().getRexBuilder(), join.getCondition());
    RelOptUtil.splitJoinCondition(
        join.getLeft(), join.getRight(), condition, leftKeys, rightKeys, filterNulls, nonEqui);
    if (filterNulls.contains(false)) {
      return Optional.empty();
    }
    RelDataType leftType = join.getLeft().getRowType();
    RelDataType rightType = join.getRight().getRowType();
    for (int i = 0; i < leftKeys.size(); i++) {
      var left = TypeMapping.toDataType(leftType.getFieldList().get(leftKeys.get(i)).getType());
      var right = TypeMapping.toDataType(rightType.getFieldList().get(rightKeys.get(i)).getType());
      if (left.isEmpty()
          || right.isEmpty()
          || !comparableKeys(left.get().kind(), right.get().kind())) {
        return Optional.empty();
      }
    }
    RexNode residual =
        nonEqui.isEmpty()
            ? null
            : RexUtil.composeConjunction(join.getCluster().getRexBuilder(), nonEqui);
    return Optional.of(
        new Keys(
            leftKeys.stream().mapToInt(Integer::intValue).toArray(),
            rightKeys.stream().mapToInt(Integer::intValue).toArray(),
            residual));
  }

  /**
   * Rewrites {@code (a AND b) OR (a AND c)} as {@code a AND (b OR c)}, so that an equality that
   * every disjunct requires, such as a join key repeated in each branch of TPC-H Q19, becomes a
   * hash key instead of leaving the join keyless.
   */
  static RexNode pullCommonConjuncts(RexBuilder rexBuilder, RexNode condition) {
    if (condition.getKind() != SqlKind.OR) {
      return condition;
    }
    List<RexNode> disjuncts = RelOptUtil.disjunctions(condition);
    List<RexNode> common = new ArrayList<>(RelOptUtil.conjunctions(disjuncts.get(0)));
    for (RexNode disjunct : disjuncts.subList(1, disjuncts.size())) {
      List<RexNode> conjuncts = RelOptUtil.conjunctions(disjunct);
      common.removeIf(candidate -> !conjuncts.contains(candidate));
    }
    if (common.isEmpty()) {
      return condition;
    }
    List<RexNode> remainders = new ArrayList<>();
    for (RexNode disjunct : disjuncts) {
      List<RexNode> rest = new ArrayList<>(RelOptUtil.conjunctions(disjunct));
      rest.removeAll(common);
      remainders.add(RexUtil.composeConjunction(rexBuilder, rest));
    }
    List<RexNode> result = new ArrayList<>(common);
    result.add(RexUtil.composeDisjunction(rexBuilder, remainders));
    return RexUtil.composeConjunction(rexBuilder, result);
  }

  /**
   * Returns whether two key kinds compare as normalized 64-bit values. VARCHAR keys are codes of
   * two different dictionaries, which the probe translates into the build side's codes.
   */
  private static boolean comparableKeys(TypeKind left, TypeKind right) {
    if (left == right) {
      return true;
    }
    return left.isExactNumeric() && right.isExactNumeric();
  }

  /** Returns why WARP cannot run a join, or null when it can. */
  public static String unsupportedReason(Join join) {
    Optional<Keys> keys = keys(join);
    if (keys.isEmpty()) {
      return "join with IS NOT DISTINCT FROM keys, keys of incomparable types, or a FULL join";
    }
    for (RelNode input : join.getInputs()) {
      if (!WarpFromEnumerable.supports(input.getRowType())) {
        return "join input with a type that kernels cannot hold";
      }
    }
    RexNode residual = keys.get().residual();
    if (residual != null) {
      RelDataType joinedType =
          join.getCluster()
              .getTypeFactory()
              .createJoinType(join.getLeft().getRowType(), join.getRight().getRowType());
      return RexSupport.unsupportedReason(residual, joinedType);
    }
    return null;
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    Keys keys =
        keys(this)
            .orElseThrow(
                () ->
                    new dev.warpsql.planner.lower.UnsupportedLoweringException(
                        "join condition " + getCondition()));
    JoinRelType type = getJoinType();
    boolean buildIsLeft;
    JoinKind kind;
    switch (type) {
      case INNER -> {
        RelMetadataQuery mq = getCluster().getMetadataQuery();
        buildIsLeft = mq.getRowCount(getLeft()) < mq.getRowCount(getRight());
        kind = JoinKind.INNER;
      }
      case LEFT -> {
        buildIsLeft = false;
        kind = JoinKind.LEFT;
      }
      case RIGHT -> {
        buildIsLeft = true;
        kind = JoinKind.LEFT;
      }
      case SEMI -> {
        buildIsLeft = false;
        kind = JoinKind.SEMI;
      }
      case ANTI -> {
        buildIsLeft = false;
        kind = JoinKind.ANTI;
      }
      default -> throw new dev.warpsql.planner.lower.UnsupportedLoweringException(type + " join");
    }
    RelNode probeInput = buildIsLeft ? getRight() : getLeft();
    RelNode buildInput = buildIsLeft ? getLeft() : getRight();
    Stream probe = lowering.lower(probeInput);
    Stream build = lowering.lower(buildInput);
    int[] probeKeys = buildIsLeft ? keys.right() : keys.left();
    int[] buildKeys = buildIsLeft ? keys.left() : keys.right();
    JoinLowering.JoinSpec spec =
        new JoinLowering.JoinSpec(
            probe,
            build,
            buildIsLeft,
            probeKeys,
            buildKeys,
            kind,
            keys.residual(),
            buildInput.getRowType().getFieldNames());
    return JoinLowering.lower(lowering, spec);
  }
}
