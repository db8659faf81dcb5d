package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.FloatOrder;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.TypeKind;

/**
 * Java expressions for the six comparisons on non-NULL operands. Exact operands compare exactly,
 * DECIMALs of different scales included. A REAL or DOUBLE operand makes it a double comparison in
 * the {@link FloatOrder total order}, where NaN equals NaN and is greater than every other value.
 * Other kinds compare physical values of the same kind: BOOLEAN with FALSE before TRUE, dates and
 * times in time order, VARCHAR by dictionary code.
 */
final class ComparisonExpressions {
  private ComparisonExpressions() {}

  static boolean isComparison(Operator operator) {
    return javaOperator(operator) != null;
  }

  /** Returns the comparison {@code call} of the emitted values of its two operands. */
  static String expression(Call call, JavaValue left, JavaValue right) {
    Operator operator = call.operator();
    String symbol = javaOperator(operator);
    TypeKind leftKind = left.type().kind();
    TypeKind rightKind = right.type().kind();
    if (leftKind.isExactNumeric() && rightKind.isExactNumeric()) {
      int leftScale = CastExpressions.scaleOf(left.type());
      int rightScale = CastExpressions.scaleOf(right.type());
      if (leftScale == rightScale) {
        return "(" + left.value() + " " + symbol + " " + right.value() + ")";
      }
      return "(DecimalArithmetic.compare("
          + CastExpressions.asLong(left.value(), left.type())
          + ", "
          + leftScale
          + ", "
          + CastExpressions.asLong(right.value(), right.type())
          + ", "
          + rightScale
          + ") "
          + symbol
          + " 0)";
    }
    if (isNumeric(leftKind) && isNumeric(rightKind)) {
      String a = CastExpressions.convert(left.value(), left.type(), DataType.DOUBLE);
      String b = CastExpressions.convert(right.value(), right.type(), DataType.DOUBLE);
      return floatComparison(
          operator,
          a,
          b,
          FloatOrder.mayBeNaN(call.operands().get(0)),
          FloatOrder.mayBeNaN(call.operands().get(1)));
    }
    if (leftKind != rightKind) {
      throw new IllegalArgumentException("cannot compare " + left.type() + " with " + right.type());
    }
    if (leftKind == TypeKind.BOOLEAN) {
      return "(Boolean.compare(" + left.value() + ", " + right.value() + ") " + symbol + " 0)";
    }
    return "(" + left.value() + " " + symbol + " " + right.value() + ")";
  }

  /**
   * Returns a comparison of two doubles in the total order. Java's operators agree with it unless
   * an operand is NaN, so only operands that may be NaN cost more than one operator.
   */
  private static String floatComparison(
      Operator operator, String a, String b, boolean aMayBeNaN, boolean bMayBeNaN) {
    if (aMayBeNaN && bMayBeNaN) {
      return "FloatComparisons." + helperMethod(operator) + "(" + a + ", " + b + ")";
    }
    boolean nanMakesTrue =
        switch (operator) {
          case LESS_THAN, LESS_THAN_OR_EQUAL -> bMayBeNaN;
          case GREATER_THAN, GREATER_THAN_OR_EQUAL -> aMayBeNaN;
          default -> false;
        };
    if (nanMakesTrue) {
      // A NaN operand is the greater one, and a negated IEEE comparison is true for it.
      return "(!(" + a + " " + javaOperator(negation(operator)) + " " + b + "))";
    }
    // Against a number, a NaN operand makes "!=" true and the other operators false, as required.
    return "(" + a + " " + javaOperator(operator) + " " + b + ")";
  }

  /** Returns the operator that is true on numbers exactly when {@code operator} is false. */
  private static Operator negation(Operator operator) {
    return switch (operator) {
      case LESS_THAN -> Operator.GREATER_THAN_OR_EQUAL;
      case LESS_THAN_OR_EQUAL -> Operator.GREATER_THAN;
      case GREATER_THAN -> Operator.LESS_THAN_OR_EQUAL;
      case GREATER_THAN_OR_EQUAL -> Operator.LESS_THAN;
      default -> throw new IllegalArgumentException(operator + " has no negation here");
    };
  }

  private static String helperMethod(Operator operator) {
    return switch (operator) {
      case EQUALS -> "equal";
      case NOT_EQUALS -> "notEqual";
      case LESS_THAN -> "lessThan";
      case LESS_THAN_OR_EQUAL -> "lessThanOrEqual";
      case GREATER_THAN -> "greaterThan";
      case GREATER_THAN_OR_EQUAL -> "greaterThanOrEqual";
      default -> throw new IllegalArgumentException(operator + " is not a comparison");
    };
  }

  private static boolean isNumeric(TypeKind kind) {
    return kind.isExactNumeric() || kind.isApproximateNumeric();
  }

  private static String javaOperator(Operator operator) {
    return switch (operator) {
      case EQUALS -> "==";
      case NOT_EQUALS -> "!=";
      case LESS_THAN -> "<";
      case LESS_THAN_OR_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      case GREATER_THAN_OR_EQUAL -> ">=";
      default -> null;
    };
  }
}
