package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.TypeKind;

/**
 * Java expressions for the six comparisons on non-NULL operands. Exact operands compare exactly,
 * DECIMALs of different scales included. A REAL or DOUBLE operand makes it a double comparison.
 * Other kinds compare physical values of the same kind: BOOLEAN with FALSE before TRUE, dates and
 * times in time order, VARCHAR by dictionary code.
 */
final class ComparisonExpressions {
  private ComparisonExpressions() {}

  static boolean isComparison(Operator operator) {
    return javaOperator(operator) != null;
  }

  static String expression(Operator operator, JavaValue left, JavaValue right) {
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
      return "(" + a + " " + symbol + " " + b + ")";
    }
    if (leftKind != rightKind) {
      throw new IllegalArgumentException("cannot compare " + left.type() + " with " + right.type());
    }
    if (leftKind == TypeKind.BOOLEAN) {
      return "(Boolean.compare(" + left.value() + ", " + right.value() + ") " + symbol + " 0)";
    }
    return "(" + left.value() + " " + symbol + " " + right.value() + ")";
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
