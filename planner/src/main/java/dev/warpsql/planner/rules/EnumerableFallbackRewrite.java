package dev.warpsql.planner.rules;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableMergeJoin;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Rewrites the expressions of the plan's Enumerable operators into forms that Calcite's Enumerable
 * engine runs as the kernels do. Operators of the WARP convention keep their expressions.
 *
 * <ul>
 *   <li>Arithmetic on approximate numbers and POWER become {@link CheckedApproximateArithmetic},
 *       which raises division by zero, overflow and invalid arguments of POWER instead of returning
 *       infinity or NaN.
 *   <li>Comparisons of approximate numbers become {@link TotalOrderComparisons}, which order NaN
 *       above every other value as the kernels do. A SEARCH of an approximate number is expanded
 *       into such comparisons first, because Calcite's code for a Sarg compares as Java does. The
 *       key equalities of a hash or merge join stay, so that it keeps its keys.
 *   <li>MIN and MAX of approximate numbers become {@link TotalOrderMinMax}.
 *   <li>CHAR_LENGTH, SUBSTRING, POSITION and OVERLAY count code points ({@link
 *       CodePointFunctions}).
 *   <li>Casts of TIME and TIMESTAMP to strings write the fraction of a second, with {@link
 *       TimeTextFunctions}.
 *   <li>IS [NOT] DISTINCT FROM becomes its CASE form. Calcite 1.41's Enumerable code generator has
 *       no implementation of the operator, and simplification creates it, for example from {@code
 *       NOT (1 IS NOT DISTINCT FROM 0)}, after SQL-to-relational conversion has expanded the ones
 *       that the statement wrote.
 * </ul>
 */
final class EnumerableFallbackRewrite extends RelHomogeneousShuttle {
  /** Returns the plan with the expressions of its Enumerable operators rewritten. */
  static RelNode apply(RelNode plan) {
    return plan.accept(new EnumerableFallbackRewrite());
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode visited = super.visit(other);
    if (visited.getConvention() != EnumerableConvention.INSTANCE) {
      return visited;
    }
    RexBuilder rexBuilder = visited.getCluster().getRexBuilder();
    FallbackShuttle shuttle = new FallbackShuttle(rexBuilder, true);
    if (visited instanceof EnumerableCalc calc) {
      return rewriteCalc(calc, shuttle);
    }
    if (visited instanceof Aggregate aggregate) {
      return TotalOrderMinMax.apply(aggregate);
    }
    if (!(visited instanceof EnumerableHashJoin || visited instanceof EnumerableMergeJoin)) {
      RelNode rewritten = visited.accept(shuttle);
      return rewritten instanceof Join join ? withTestedRemainder(join, shuttle) : rewritten;
    }
    // The key equalities stay Calcite's own, so that the join still finds its keys. Only hash
    // joins get canonical float keys: merge joins, which would order -0.0 below 0.0, are never
    // planned, because WarpRules leaves out Calcite's merge join rule.
    RelNode rewritten = visited.accept(new FallbackShuttle(rexBuilder, false));
    return CanonicalFloatKeys.apply((Join) withTestedRemainder((Join) rewritten, shuttle));
  }

  /**
   * Returns the join with the part of its condition that is not an equality of keys wrapped in
   * {@link IsTrueFunction}, which keeps its meaning, because a join matches a pair of rows only
   * where the condition is TRUE. Calcite 1.41 generates that part of a hash or nested-loop join as
   * a {@code Predicate2} whose method returns the condition's Java type, which is {@code Object}
   * for some conditions on a nullable BOOLEAN column, such as {@code NOT b}, and Janino rejects the
   * code.
   */
  private static RelNode withTestedRemainder(Join join, FallbackShuttle shuttle) {
    JoinInfo info = join.analyzeCondition();
    if (info.nonEquiConditions.isEmpty()) {
      return join;
    }

    RexBuilder rexBuilder = join.getCluster().getRexBuilder();
    RexNode remainder =
        RexUtil.composeConjunction(rexBuilder, info.nonEquiConditions).accept(shuttle);
    RexNode condition =
        RexUtil.composeConjunction(
            rexBuilder,
            List.of(
                info.getEquiCondition(join.getLeft(), join.getRight(), rexBuilder),
                rexBuilder.makeCall(IsTrueFunction.IS_TRUE, remainder)));
    return join.copy(
        join.getTraitSet(),
        condition,
        join.getLeft(),
        join.getRight(),
        join.getJoinType(),
        join.isSemiJoinDone());
  }

  /**
   * Rewrites a calc's expanded expressions and normalizes its program again, because the CASE form
   * of IS DISTINCT FROM nests calls where a program's expressions refer to local ones. Repeated
   * EXTRACT calls then move into a calc below (see {@link EnumerableExtractSplit}).
   */
  private static RelNode rewriteCalc(EnumerableCalc calc, FallbackShuttle shuttle) {
    RexProgram program = calc.getProgram();
    List<RexNode> projects =
        program.getProjectList().stream().map(program::expandLocalRef).toList();
    RexNode condition =
        program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
    List<RexNode> newProjects = shuttle.apply(projects);
    RexNode newCondition = condition == null ? null : condition.accept(shuttle);
    if (newProjects.equals(projects) && (condition == null || newCondition.equals(condition))) {
      return EnumerableExtractSplit.apply(calc, projects, condition);
    }
    RexProgram rewritten =
        RexProgram.create(
            program.getInputRowType(),
            newProjects,
            newCondition,
            program.getOutputRowType(),
            calc.getCluster().getRexBuilder());
    EnumerableCalc rewrittenCalc = EnumerableCalc.create(calc.getInput(), rewritten);
    return EnumerableExtractSplit.apply(rewrittenCalc, newProjects, newCondition);
  }

  /** Rewrites one operator's expressions. */
  private static final class FallbackShuttle extends RexShuttle {
    private final RexBuilder rexBuilder;
    private final boolean rewritesComparisons;

    /**
     * @param rewritesComparisons whether comparisons of approximate numbers become {@link
     *     TotalOrderComparisons}
     */
    FallbackShuttle(RexBuilder rexBuilder, boolean rewritesComparisons) {
      this.rexBuilder = rexBuilder;
      this.rewritesComparisons = rewritesComparisons;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      RexNode children = super.visitCall(call);
      RexNode visited =
          children instanceof RexCall visitedCall
              ? CodePointFunctions.replaceCall(rexBuilder, visitedCall)
              : children;
      if (!(visited instanceof RexCall rewritten)) {
        return visited;
      }
      List<RexNode> operands = rewritten.getOperands();
      return switch (rewritten.getKind()) {
        case PLUS, MINUS, TIMES, DIVIDE, OTHER_FUNCTION -> checkedArithmetic(rewritten, operands);
        case IS_DISTINCT_FROM ->
            RelOptUtil.isDistinctFrom(rexBuilder, operands.get(0), operands.get(1), false);
        case IS_NOT_DISTINCT_FROM ->
            RelOptUtil.isDistinctFrom(rexBuilder, operands.get(0), operands.get(1), true);
        case EQUALS,
            NOT_EQUALS,
            LESS_THAN,
            LESS_THAN_OR_EQUAL,
            GREATER_THAN,
            GREATER_THAN_OR_EQUAL ->
            totalOrderComparison(rewritten, operands);
        case CAST -> timeText(rewritten, operands.get(0));
        case SEARCH ->
            rewritesComparisons && isApproximate(operands.get(0))
                ? RexUtil.expandSearch(rexBuilder, null, rewritten).accept(this)
                : rewritten;
        default -> rewritten;
      };
    }

    /**
     * Returns a cast of a TIME or TIMESTAMP to a string with the text of {@link TimeTextFunctions},
     * cast on to the target type, which cuts or pads it as the cast would; other casts unchanged.
     */
    private RexNode timeText(RexCall cast, RexNode operand) {
      SqlOperator text = TimeTextFunctions.forType(operand.getType().getSqlTypeName());
      if (text == null || !SqlTypeUtil.inCharFamily(cast.getType())) {
        return cast;
      }
      RexNode call = rexBuilder.makeCall(text, operand);
      return rexBuilder.makeCast(cast.getType(), call, true, false);
    }

    /**
     * Returns the {@link TotalOrderComparisons} form of a comparison of numbers of which one is
     * approximate, or the call itself for other comparisons.
     */
    private RexNode totalOrderComparison(RexCall call, List<RexNode> operands) {
      if (!rewritesComparisons) {
        return call;
      }
      boolean numeric = true;
      boolean approximate = false;
      for (RexNode operand : operands) {
        numeric &= SqlTypeUtil.isNumeric(operand.getType());
        approximate |= isApproximate(operand);
      }
      if (!numeric || !approximate) {
        return call;
      }
      SqlOperator comparison = TotalOrderComparisons.forKind(call.getKind());
      return rexBuilder.makeCall(call.getType(), comparison, operands);
    }

    private static boolean isApproximate(RexNode node) {
      return SqlTypeName.APPROX_TYPES.contains(node.getType().getSqlTypeName());
    }

    /**
     * Returns the checked form of approximate arithmetic, or the call itself for exact arithmetic,
     * which the rest of the plan checks.
     */
    private RexNode checkedArithmetic(RexCall call, List<RexNode> operands) {
      if (!SqlTypeName.APPROX_TYPES.contains(call.getType().getSqlTypeName())) {
        return call;
      }
      boolean real = call.getType().getSqlTypeName() == SqlTypeName.REAL;
      SqlOperator checked =
          switch (call.getKind()) {
            case PLUS ->
                real
                    ? CheckedApproximateArithmetic.ADD_REAL
                    : CheckedApproximateArithmetic.ADD_DOUBLE;
            case MINUS ->
                real
                    ? CheckedApproximateArithmetic.SUBTRACT_REAL
                    : CheckedApproximateArithmetic.SUBTRACT_DOUBLE;
            case TIMES ->
                real
                    ? CheckedApproximateArithmetic.MULTIPLY_REAL
                    : CheckedApproximateArithmetic.MULTIPLY_DOUBLE;
            case DIVIDE ->
                real
                    ? CheckedApproximateArithmetic.DIVIDE_REAL
                    : CheckedApproximateArithmetic.DIVIDE_DOUBLE;
            default ->
                call.getOperator() == SqlStdOperatorTable.POWER
                    ? CheckedApproximateArithmetic.POWER
                    : null;
          };
      return checked == null ? call : rexBuilder.makeCall(call.getType(), checked, operands);
    }
  }
}
