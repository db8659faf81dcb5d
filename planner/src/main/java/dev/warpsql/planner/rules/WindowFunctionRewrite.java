package dev.warpsql.planner.rules;

import com.google.common.collect.ImmutableList;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.rex.RexWindowExclusion;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

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
 *   <li>{@code MIN} and {@code MAX} of REAL and DOUBLE values, which Calcite 1.41 computes on
 *       doubles so that NaN is lost and a frame of only infinities gives the largest finite value,
 *       run on the BIGINT keys of {@link TotalOrderKeys}.
 *   <li>{@code NTILE(n)}: Calcite 1.41 computes {@code 1 + n * (row - 1) / rows}, which skips
 *       buckets when n does not divide the rows. It becomes the standard's split: the first {@code
 *       rows mod n} buckets get one row more than the others. An argument below 1 raises 22014.
 * </ul>
 *
 * <p>Every window's keys are fixed first:
 *
 * <ul>
 *   <li>REAL and DOUBLE partition and order keys read -0.0 as 0.0, because Calcite compares them as
 *       Java does, where they differ, and SQL makes them peers.
 *   <li>A RANGE frame with offsets over a descending TINYINT, SMALLINT or INTEGER key orders by the
 *       negated key ascending instead, because Calcite 1.41 subtracts a PRECEDING offset whatever
 *       the direction. Over other descending keys such a frame raises 0A000.
 *   <li>A RANGE frame with INTERVAL offsets raises 0A000: Calcite 1.41 subtracts the interval's
 *       number from the date's, taking a month for a day.
 * </ul>
 *
 * <p>IGNORE NULLS raises SQLSTATE 0A000, because Calcite 1.41 cannot implement it for any window
 * function, and so do DISTINCT in window aggregates other than MIN and MAX and EXCLUDE with
 * FIRST_VALUE, LAST_VALUE and NTH_VALUE, which Calcite ignores.
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
      rejectUnsupported(over);
      RexOver fixed = withFixedKeys(over);
      RexNode rewritten =
          switch (fixed.getAggOperator().getKind()) {
            case NTH_VALUE -> nthValueWithinFrame(fixed);
            case PERCENT_RANK -> percentRank(fixed);
            case CUME_DIST -> cumulativeDistribution(fixed);
            case NTILE -> ntile(fixed);
            case MIN, MAX -> totalOrderMinMax(fixed);
            default -> fixed;
          };
      if (rewritten == over) {
        return over;
      }
      changed = true;
      return rexBuilder.makeCast(over.getType(), rewritten, true, false);
    }

    /**
     * Raises 0A000 for window calls that Calcite 1.41 runs wrongly and no rewrite repairs: DISTINCT
     * in an aggregate other than MIN and MAX, which Calcite ignores, and FIRST_VALUE, LAST_VALUE
     * and NTH_VALUE with EXCLUDE, which they ignore.
     */
    private static void rejectUnsupported(RexOver over) {
      SqlKind kind = over.getAggOperator().getKind();
      if (over.isDistinct() && kind != SqlKind.MIN && kind != SqlKind.MAX) {
        throw new WarpException(
            ErrorCode.UNSUPPORTED,
            over.getAggOperator().getName()
                + "(DISTINCT ...) OVER is not supported: Calcite's Enumerable engine, which runs"
                + " window functions, ignores DISTINCT there. Aggregate the distinct values in a"
                + " subquery and join it back instead");
      }
      boolean valueFunction =
          kind == SqlKind.FIRST_VALUE || kind == SqlKind.LAST_VALUE || kind == SqlKind.NTH_VALUE;
      if (valueFunction && over.getWindow().getExclude() != RexWindowExclusion.EXCLUDE_NO_OTHER) {
        throw new WarpException(
            ErrorCode.UNSUPPORTED,
            over.getAggOperator().getName()
                + " with "
                + over.getWindow().getExclude()
                + " is not supported: Calcite's Enumerable engine, which runs window functions,"
                + " ignores the exclusion for it. Leave out the EXCLUDE clause");
      }
    }

    /** Returns {@code over} with the keys of its window fixed, or itself when none needed it. */
    private RexOver withFixedKeys(RexOver over) {
      RexWindow window = over.getWindow();
      boolean rangeOffsets =
          !window.isRows()
              && (hasOffset(window.getLowerBound()) || hasOffset(window.getUpperBound()));
      if (rangeOffsets
          && (isInterval(window.getLowerBound()) || isInterval(window.getUpperBound()))) {
        throw new WarpException(
            ErrorCode.UNSUPPORTED,
            "RANGE frames with INTERVAL offsets are not supported: Calcite's Enumerable engine,"
                + " which runs window functions, subtracts the interval's number of days or months"
                + " as if it were a day count. Compute the range with a join or a correlated"
                + " subquery instead");
      }

      List<RexNode> partitionKeys = new ArrayList<>();
      for (RexNode key : window.partitionKeys) {
        partitionKeys.add(canonicalZero(key));
      }
      ImmutableList.Builder<RexFieldCollation> orderKeys = ImmutableList.builder();
      for (RexFieldCollation key : window.orderKeys) {
        RexNode expression = canonicalZero(key.left);
        Set<SqlKind> flags = EnumSet.noneOf(SqlKind.class);
        flags.addAll(key.right);
        if (rangeOffsets && key.getDirection() == RelFieldCollation.Direction.DESCENDING) {
          expression = negated(key.left);
          flags.remove(SqlKind.DESCENDING);
          flags.remove(SqlKind.NULLS_FIRST);
          flags.remove(SqlKind.NULLS_LAST);
          flags.add(
              key.getNullDirection() == RelFieldCollation.NullDirection.FIRST
                  ? SqlKind.NULLS_FIRST
                  : SqlKind.NULLS_LAST);
        }
        orderKeys.add(new RexFieldCollation(expression, flags));
      }
      ImmutableList<RexFieldCollation> fixedOrder = orderKeys.build();
      if (partitionKeys.equals(window.partitionKeys) && fixedOrder.equals(window.orderKeys)) {
        return over;
      }
      return (RexOver)
          inFrameOf(
              over.getType(),
              over.getAggOperator(),
              over.getOperands(),
              partitionKeys,
              fixedOrder,
              over.getWindow(),
              over.isDistinct(),
              over.ignoreNulls());
    }

    /**
     * Returns {@code function} over the frame of {@code window} with the given keys, as a plain
     * window call: the NULL for an empty frame and partial frames are wrapped around calls already.
     */
    private RexNode inFrameOf(
        RelDataType type,
        SqlAggFunction function,
        List<RexNode> operands,
        List<RexNode> partitionKeys,
        ImmutableList<RexFieldCollation> orderKeys,
        RexWindow window,
        boolean distinct,
        boolean ignoreNulls) {
      return rexBuilder.makeOver(
          type,
          function,
          operands,
          partitionKeys,
          orderKeys,
          window.getLowerBound(),
          window.getUpperBound(),
          window.getExclude(),
          window.isRows(),
          true,
          false,
          distinct,
          ignoreNulls);
    }

    private static boolean hasOffset(RexWindowBound bound) {
      return !bound.isUnbounded() && !bound.isCurrentRow();
    }

    private static boolean isInterval(RexWindowBound bound) {
      RexNode offset = bound.getOffset();
      return offset != null && SqlTypeUtil.isInterval(offset.getType());
    }

    /** Returns a REAL or DOUBLE key with -0.0 read as 0.0, and any other key as it is. */
    private RexNode canonicalZero(RexNode key) {
      if (!SqlTypeUtil.isApproximateNumeric(key.getType())) {
        return key;
      }
      RexNode zero = rexBuilder.makeZeroLiteral(key.getType());
      RexNode isZero = rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, key, zero);
      return rexBuilder.makeCall(SqlStdOperatorTable.CASE, isZero, zero, key);
    }

    /**
     * Returns the negation of a descending key of a RANGE frame with offsets, widening TINYINT,
     * SMALLINT and INTEGER to BIGINT so that negating the smallest value cannot overflow. Other
     * keys raise 0A000: negating REAL and DOUBLE keeps NaN last instead of first, and negating the
     * smallest BIGINT overflows.
     */
    private RexNode negated(RexNode key) {
      RexNode operand = key;
      SqlTypeName type = key.getType().getSqlTypeName();
      if (!SqlTypeUtil.isIntType(key.getType()) || type == SqlTypeName.BIGINT) {
        throw new WarpException(
            ErrorCode.UNSUPPORTED,
            "a RANGE frame with offsets over a descending "
                + type
                + " key is not supported: Calcite's Enumerable engine, which runs window"
                + " functions, computes its bounds as if the key were ascending. Order by an"
                + " INTEGER key, or use a ROWS frame");
      }
      if (type == SqlTypeName.TINYINT
          || type == SqlTypeName.SMALLINT
          || type == SqlTypeName.INTEGER) {
        RelDataType bigint =
            typeFactory.createTypeWithNullability(
                typeFactory.createSqlType(SqlTypeName.BIGINT), key.getType().isNullable());
        operand = rexBuilder.makeCast(bigint, key, true, false);
      }
      return rexBuilder.makeCall(SqlStdOperatorTable.UNARY_MINUS, operand);
    }

    /**
     * Returns the standard's NTILE: with q and m the quotient and remainder of the partition's rows
     * by n, the first m buckets get q + 1 rows and the others q.
     */
    private RexNode ntile(RexOver over) {
      RexNode buckets = over.getOperands().get(0);
      if (buckets instanceof RexLiteral literal) {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        if (value == null || value.signum() <= 0) {
          throw new WarpException(
              ErrorCode.INVALID_NTILE_ARGUMENT,
              "NTILE(" + literal + ") is invalid: the number of buckets must be 1 or more");
        }
      }

      RexWindow window = over.getWindow();
      RexNode rows = partitionRows(window);
      RexNode row =
          over(
              SqlStdOperatorTable.ROW_NUMBER,
              List.of(),
              window.partitionKeys,
              window.orderKeys,
              RexWindowBounds.UNBOUNDED_PRECEDING,
              RexWindowBounds.CURRENT_ROW,
              true,
              RexWindowExclusion.EXCLUDE_NO_OTHER);

      RelDataType bigint = typeFactory.createSqlType(SqlTypeName.BIGINT);
      RexNode n = rexBuilder.makeCast(bigint, buckets, true, false);
      RexNode literalOne = rexBuilder.makeBigintLiteral(BigDecimal.ONE);
      RexNode index = call(SqlStdOperatorTable.MINUS, row, literalOne);
      RexNode quotient = call(SqlStdOperatorTable.DIVIDE, rows, n);
      RexNode remainder = call(SqlStdOperatorTable.MOD, rows, n);
      RexNode largeSize = call(SqlStdOperatorTable.PLUS, quotient, literalOne);
      RexNode inLarge = call(SqlStdOperatorTable.MULTIPLY, remainder, largeSize);
      RexNode smallSize =
          rexBuilder.makeCall(
              SqlStdOperatorTable.CASE,
              call(
                  SqlStdOperatorTable.GREATER_THAN,
                  quotient,
                  rexBuilder.makeBigintLiteral(BigDecimal.ZERO)),
              quotient,
              literalOne);
      RexNode large =
          call(
              SqlStdOperatorTable.PLUS,
              call(SqlStdOperatorTable.DIVIDE, index, largeSize),
              literalOne);
      RexNode small =
          call(
              SqlStdOperatorTable.PLUS,
              call(
                  SqlStdOperatorTable.DIVIDE,
                  call(SqlStdOperatorTable.MINUS, index, inLarge),
                  smallSize),
              call(SqlStdOperatorTable.PLUS, remainder, literalOne));
      return rexBuilder.makeCall(
          SqlStdOperatorTable.CASE,
          call(SqlStdOperatorTable.LESS_THAN, index, inLarge),
          large,
          small);
    }

    /**
     * Returns MIN or MAX of a REAL or DOUBLE value computed on {@link TotalOrderKeys}, and any
     * other MIN or MAX as it is.
     */
    private RexNode totalOrderMinMax(RexOver over) {
      RexNode value = over.getOperands().get(0);
      if (!SqlTypeUtil.isApproximateNumeric(value.getType())) {
        return over;
      }
      RelDataType doubleType =
          typeFactory.createTypeWithNullability(
              typeFactory.createSqlType(SqlTypeName.DOUBLE), value.getType().isNullable());
      RexNode key =
          rexBuilder.makeCall(
              TotalOrderKeys.TO_KEY, rexBuilder.makeCast(doubleType, value, true, false));
      RexWindow window = over.getWindow();
      RelDataType keyType =
          typeFactory.createTypeWithNullability(
              typeFactory.createSqlType(SqlTypeName.BIGINT), true);
      RexNode extreme =
          inFrameOf(
              keyType,
              over.getAggOperator(),
              List.of(key),
              window.partitionKeys,
              window.orderKeys,
              window,
              over.isDistinct(),
              false);
      return rexBuilder.makeCall(TotalOrderKeys.FROM_KEY, extreme);
    }

    private RexNode call(SqlOperator operator, RexNode left, RexNode right) {
      return rexBuilder.makeCall(operator, left, right);
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
