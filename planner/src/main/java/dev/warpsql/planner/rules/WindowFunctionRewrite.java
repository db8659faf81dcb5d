package dev.warpsql.planner.rules;

import com.google.common.collect.ImmutableList;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.rex.RexWindowExclusion;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Rewrites the window functions that Calcite's Enumerable engine, which runs every window, gets
 * wrong or cannot run, into window functions that it runs as the SQL standard defines them. It
 * works on the projections of the logical plan, before the planner moves their windows into window
 * operators.
 *
 * <ul>
 *   <li>{@code NTH_VALUE(x, n)}: Calcite 1.41 returns the n-th row from the frame's start even when
 *       the frame ends before it, so {@code NTH_VALUE(x, 2) OVER (ORDER BY x)} gave the second
 *       value on the first row. It becomes {@code CASE WHEN COUNT(*) OVER w >= n THEN NTH_VALUE(x,
 *       n) OVER w END}.
 *   <li>{@code PERCENT_RANK()} and {@code CUME_DIST()}, which Calcite 1.41 cannot implement: {@code
 *       (RANK() - 1) / (rows of the partition - 1)}, 0 for a partition of one row, and {@code rows
 *       up to the current row's last peer / rows of the partition}.
 * </ul>
 *
 * <p>IGNORE NULLS raises SQLSTATE 0A000, because Calcite 1.41 cannot implement it for any window
 * function.
 */
public final class WindowFunctionRewrite extends RelHomogeneousShuttle {
  private WindowFunctionRewrite() {}

  /** Returns the plan with its projections' window functions rewritten. */
  public static RelNode apply(RelNode plan) {
    return plan.accept(new WindowFunctionRewrite());
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode visited = super.visit(other);
    if (!(visited instanceof LogicalProject project)
        || !RexOver.containsOver(project.getProjects(), null)) {
      return visited;
    }
    Rewriter rewriter = new Rewriter(project.getCluster().getRexBuilder());
    List<RexNode> projects = rewriter.apply(project.getProjects());
    if (!rewriter.changed) {
      return visited;
    }
    return project.copy(project.getTraitSet(), project.getInput(), projects, project.getRowType());
  }

  /** The rewrite of the window functions of one projection's expressions. */
  private static final class Rewriter extends RexShuttle {
    private final RexBuilder rexBuilder;
    private final RelDataTypeFactory typeFactory;
    private boolean changed;

    Rewriter(RexBuilder rexBuilder) {
      this.rexBuilder = rexBuilder;
      this.typeFactory = rexBuilder.getTypeFactory();
    }

    @Override
    public RexNode visitOver(RexOver over) {
      if (over.ignoreNulls()) {
        throw new WarpException(
            ErrorCode.UNSUPPORTED,
            over.getAggOperator().getName()
                + " with IGNORE NULLS is not supported: Calcite's Enumerable engine, which runs"
                + " window functions, has no implementation of it. Leave out IGNORE NULLS, or"
                + " filter the NULL rows out in a subquery where the frame allows it");
      }
      RexNode rewritten =
          switch (over.getAggOperator().getKind()) {
            case NTH_VALUE -> nthValueWithinFrame(over);
            case PERCENT_RANK -> percentRank(over);
            case CUME_DIST -> cumulativeDistribution(over);
            default -> null;
          };
      if (rewritten == null) {
        return super.visitOver(over);
      }
      changed = true;
      return rexBuilder.makeCast(over.getType(), rewritten, true, false);
    }

    private RexNode nthValueWithinFrame(RexOver over) {
      RexWindow window = over.getWindow();
      RexNode frameRows =
          over(
              SqlStdOperatorTable.COUNT,
              List.of(),
              window.partitionKeys,
              window.orderKeys,
              window.getLowerBound(),
              window.getUpperBound(),
              window.isRows(),
              window.getExclude());
      RexNode reaches =
          rexBuilder.makeCall(
              SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, frameRows, over.getOperands().get(1));
      return rexBuilder.makeCall(
          SqlStdOperatorTable.CASE, reaches, over, rexBuilder.makeNullLiteral(over.getType()));
    }

    private RexNode percentRank(RexOver over) {
      RexWindow window = over.getWindow();
      RexNode rank = upToLastPeer(SqlStdOperatorTable.RANK, window);
      RexNode partitionRows = partitionRows(window);
      RexNode literalOne = rexBuilder.makeBigintLiteral(BigDecimal.ONE);
      RexNode severalRows =
          rexBuilder.makeCall(SqlStdOperatorTable.GREATER_THAN, partitionRows, literalOne);
      RexNode otherRows =
          rexBuilder.makeCall(
              SqlStdOperatorTable.CASE,
              severalRows,
              rexBuilder.makeCall(SqlStdOperatorTable.MINUS, partitionRows, literalOne),
              literalOne);
      RexNode ranksBelow = rexBuilder.makeCall(SqlStdOperatorTable.MINUS, rank, literalOne);
      return divide(ranksBelow, otherRows);
    }

    private RexNode cumulativeDistribution(RexOver over) {
      RexWindow window = over.getWindow();
      RexNode rowsToLastPeer = upToLastPeer(SqlStdOperatorTable.COUNT, window);
      return divide(rowsToLastPeer, partitionRows(window));
    }

    /**
     * Returns {@code function()} over the rows of {@code window}'s partition up to the current
     * row's last peer in its order.
     */
    private RexNode upToLastPeer(SqlAggFunction function, RexWindow window) {
      return over(
          function,
          List.of(),
          window.partitionKeys,
          window.orderKeys,
          RexWindowBounds.UNBOUNDED_PRECEDING,
          RexWindowBounds.CURRENT_ROW,
          false,
          RexWindowExclusion.EXCLUDE_NO_OTHER);
    }

    /** Returns COUNT(*) over the whole partition of {@code window}. */
    private RexNode partitionRows(RexWindow window) {
      return over(
          SqlStdOperatorTable.COUNT,
          List.of(),
          window.partitionKeys,
          ImmutableList.of(),
          RexWindowBounds.UNBOUNDED_PRECEDING,
          RexWindowBounds.UNBOUNDED_FOLLOWING,
          true,
          RexWindowExclusion.EXCLUDE_NO_OTHER);
    }

    /** Returns the quotient of two BIGINT expressions as a DOUBLE. */
    private RexNode divide(RexNode dividend, RexNode divisor) {
      RelDataType doubleType = typeFactory.createSqlType(SqlTypeName.DOUBLE);
      return rexBuilder.makeCall(
          SqlStdOperatorTable.DIVIDE,
          rexBuilder.makeCast(doubleType, dividend, true, false),
          rexBuilder.makeCast(doubleType, divisor, true, false));
    }

    private RexNode over(
        SqlAggFunction function,
        List<RexNode> operands,
        List<RexNode> partitionKeys,
        ImmutableList<RexFieldCollation> orderKeys,
        RexWindowBound lower,
        RexWindowBound upper,
        boolean rows,
        RexWindowExclusion exclusion) {
      RelDataType bigint = typeFactory.createSqlType(SqlTypeName.BIGINT);
      return rexBuilder.makeOver(
          bigint,
          function,
          operands,
          partitionKeys,
          orderKeys,
          lower,
          upper,
          exclusion,
          rows,
          true,
          false,
          false,
          false);
    }
  }
}
