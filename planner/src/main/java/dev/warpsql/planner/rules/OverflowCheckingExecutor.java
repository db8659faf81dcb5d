package dev.warpsql.planner.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Constant folding that keeps SQL's overflow and division by zero errors. Exact arithmetic on
 * constants whose result leaves its type is not folded: the kernel evaluates it at run time and
 * raises the numeric overflow error, where Calcite's own folding would wrap around as Java integers
 * do. Nor is a division of approximate numbers by zero, which Calcite's folding turns into infinity
 * or NaN, nor an approximate expression whose result is infinity or NaN, nor a comparison of
 * approximate numbers. Times and timestamps keep their microseconds, and the EPOCH of a time before
 * 1970 rounds toward the past (see {@link MicrosecondFolding}). The wrapped executor folds
 * everything else. It is a {@link FoldingGuard}, so no folding makes a -0.0 literal.
 */
final class OverflowCheckingExecutor implements RexExecutor {
  private final RexExecutor delegate;

  OverflowCheckingExecutor(RexExecutor delegate) {
    this.delegate = delegate;
  }

  /** Wraps a planner's executor, once. */
  static void install(RelOptPlanner planner) {
    RexExecutor current = planner.getExecutor();
    if (current != null && !(current instanceof OverflowCheckingExecutor)) {
      // Calcite's Prepare sets an executor of its own before the programs run, so the guard that
      // preparation installed is gone by then.
      RexExecutor guarded = current instanceof FoldingGuard ? current : new FoldingGuard(current);
      planner.setExecutor(new OverflowCheckingExecutor(guarded));
    }
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    List<RexNode> foldable = new ArrayList<>();
    RexNode[] unfolded = new RexNode[constExps.size()];
    MicrosecondFolding micros = new MicrosecondFolding(rexBuilder, delegate);
    for (int i = 0; i < unfolded.length; i++) {
      RexNode expression = constExps.get(i);
      RexNode exact = micros.foldCasts(expression);
      if (exact instanceof RexLiteral
          || MicrosecondFolding.hasMicrosecondLiteral(exact)
          || MicrosecondFolding.hasEpochExtract(exact)) {
        unfolded[i] = exact;
      } else if (overflows(expression)
          || dividesApproximateByZero(rexBuilder, expression)
          || comparesApproximate(expression)) {
        unfolded[i] = expression;
      } else {
        foldable.add(expression);
      }
    }
    List<RexNode> folded = new ArrayList<>();
    delegate.reduce(rexBuilder, foldable, folded);
    int next = 0;
    for (int i = 0; i < unfolded.length; i++) {
      RexNode value = unfolded[i] != null ? unfolded[i] : folded.get(next++);
      reducedValues.add(isNonFiniteResult(constExps.get(i), value) ? constExps.get(i) : value);
    }
  }

  /**
   * Returns whether folding computed infinity or NaN for an expression that is not itself a
   * literal. Such an expression is kept, so that the kernels or the checked Enumerable functions
   * evaluate it at run time. They raise the error that IEEE arithmetic skips, such as a DOUBLE
   * overflow or a negative base of POWER with a fractional exponent. An expression without such an
   * error, such as {@code CAST('Infinity' AS DOUBLE)}, has the same value at run time.
   */
  private static boolean isNonFiniteResult(RexNode expression, RexNode value) {
    return !(expression instanceof RexLiteral)
        && value instanceof RexLiteral literal
        && !literal.isNull()
        && SqlTypeName.APPROX_TYPES.contains(literal.getType().getSqlTypeName())
        && !Double.isFinite(literal.getValueAs(Double.class));
  }

  /**
   * Returns whether a constant expression compares REAL or DOUBLE values. The wrapped executor
   * compares them with Java's operators, so {@code CAST('NaN' AS DOUBLE) * 2 > 1} would fold to
   * FALSE, while the kernels and the Enumerable engine (see {@link TotalOrderComparisons}) find it
   * TRUE at run time, as the total order of SQL's floating-point values requires.
   */
  static boolean comparesApproximate(RexNode expression) {
    if (!(expression instanceof RexCall call)) {
      return false;
    }
    boolean comparison = isComparison(call);
    for (RexNode operand : call.getOperands()) {
      if (comparison && SqlTypeName.APPROX_TYPES.contains(operand.getType().getSqlTypeName())) {
        return true;
      }
      if (comparesApproximate(operand)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether a call compares its operands: =, <>, <, <=, >, >= or IS [NOT] DISTINCT FROM.
   */
  static boolean isComparison(RexCall call) {
    return switch (call.getKind()) {
      case EQUALS,
          NOT_EQUALS,
          LESS_THAN,
          LESS_THAN_OR_EQUAL,
          GREATER_THAN,
          GREATER_THAN_OR_EQUAL,
          IS_DISTINCT_FROM,
          IS_NOT_DISTINCT_FROM ->
          true;
      default -> false;
    };
  }

  /** Returns whether evaluating the constant expression exactly leaves an exact type's range. */
  static boolean overflows(RexNode expression) {
    return exactValue(expression) == OVERFLOW;
  }

  /**
   * Returns whether a constant expression divides approximate numbers by a divisor that folds to
   * zero. The divisor is folded by the wrapped executor, so it must be free of such divisions.
   */
  private boolean dividesApproximateByZero(RexBuilder rexBuilder, RexNode expression) {
    if (!(expression instanceof RexCall call)) {
      return false;
    }
    for (RexNode operand : call.getOperands()) {
      if (dividesApproximateByZero(rexBuilder, operand)) {
        return true;
      }
    }
    if (call.getKind() != SqlKind.DIVIDE
        || !SqlTypeName.APPROX_TYPES.contains(call.getType().getSqlTypeName())) {
      return false;
    }
    List<RexNode> divisor = new ArrayList<>();
    delegate.reduce(rexBuilder, List.of(call.getOperands().get(1)), divisor);
    return divisor.get(0) instanceof RexLiteral literal
        && !literal.isNull()
        && literal.getValueAs(Double.class) == 0;
  }

  private static final BigDecimal OVERFLOW = new BigDecimal("1E+1000");

  /**
   * Returns the exact value of a constant expression over exact numbers, {@link #OVERFLOW} when a
   * step leaves its type, or null when the expression is of another kind.
   */
  private static BigDecimal exactValue(RexNode node) {
    if (node instanceof RexLiteral literal) {
      return isExact(literal.getType()) && !literal.isNull()
          ? literal.getValueAs(BigDecimal.class)
          : null;
    }
    if (!(node instanceof RexCall call) || !isExact(call.getType())) {
      return null;
    }
    List<BigDecimal> operands = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      BigDecimal value = exactValue(operand);
      if (value == OVERFLOW) {
        return OVERFLOW;
      }
      if (value == null) {
        return null;
      }
      operands.add(value);
    }
    BigDecimal result =
        switch (call.getKind()) {
          case PLUS -> operands.get(0).add(operands.get(1));
          case MINUS -> operands.get(0).subtract(operands.get(1));
          case TIMES -> operands.get(0).multiply(operands.get(1));
          case MINUS_PREFIX -> operands.get(0).negate();
          case CAST -> operands.get(0);
          default -> call.getOperator() == SqlStdOperatorTable.ABS ? operands.get(0).abs() : null;
        };
    if (result == null) {
      return null;
    }
    return fits(result, call.getType()) ? result : OVERFLOW;
  }

  private static boolean isExact(RelDataType type) {
    return SqlTypeName.EXACT_TYPES.contains(type.getSqlTypeName());
  }

  private static boolean fits(BigDecimal value, RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case TINYINT -> inRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> inRange(value, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER -> inRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT -> inRange(value, Long.MIN_VALUE, Long.MAX_VALUE);
      case DECIMAL -> {
        BigDecimal scaled = value.setScale(Math.max(type.getScale(), 0), RoundingMode.HALF_UP);
        yield scaled.precision() - scaled.scale() <= type.getPrecision() - type.getScale()
            && inRange(scaled.unscaledValue(), Long.MIN_VALUE, Long.MAX_VALUE);
      }
      default -> true;
    };
  }

  private static boolean inRange(BigDecimal value, long min, long max) {
    BigDecimal integral = value.setScale(0, RoundingMode.DOWN);
    return integral.compareTo(BigDecimal.valueOf(min)) >= 0
        && integral.compareTo(BigDecimal.valueOf(max)) <= 0;
  }

  private static boolean inRange(java.math.BigInteger value, long min, long max) {
    return value.compareTo(java.math.BigInteger.valueOf(min)) >= 0
        && value.compareTo(java.math.BigInteger.valueOf(max)) <= 0;
  }
}
