package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.List;

/**
 * Java expressions for ADD_DAYS, ADD_MONTHS and ADD_MICROSECONDS on non-NULL operands, which call
 * {@link CalendarArithmetic}.
 */
final class CalendarExpressions {
  private CalendarExpressions() {}

  static boolean isCalendar(Operator operator) {
    return switch (operator) {
      case ADD_DAYS, ADD_MONTHS, ADD_MICROSECONDS -> true;
      default -> false;
    };
  }

  /**
   * Returns the expression computing {@code call} from its evaluated operands.
   *
   * @throws IllegalArgumentException when the operand or result types do not fit the operator
   */
  static String expression(Call call, List<JavaValue> operands) {
    Operator operator = call.operator();
    JavaValue value = operands.get(0);
    JavaValue amount = operands.get(1);
    TypeKind kind = value.type().kind();
    boolean microseconds = operator == Operator.ADD_MICROSECONDS;
    boolean accepted =
        microseconds
            ? kind == TypeKind.TIMESTAMP
            : kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP;
    if (!accepted) {
      String expected = microseconds ? "a TIMESTAMP" : "a DATE or TIMESTAMP";
      throw new IllegalArgumentException(
          operator + " needs " + expected + " first operand, got " + value.type());
    }

    if (call.type().kind() != kind) {
      throw new IllegalArgumentException(
          operator + " of a " + value.type() + " returns " + value.type() + ", not " + call.type());
    }

    DataType amountType = amount.type();
    if (!amountType.kind().isExactNumeric() || amountType.kind() == TypeKind.DECIMAL) {
      throw new IllegalArgumentException(
          operator + " needs an integer second operand, got " + amountType);
    }

    String method =
        switch (operator) {
          case ADD_DAYS -> kind == TypeKind.DATE ? "addDaysToDate" : "addDaysToTimestamp";
          case ADD_MONTHS -> kind == TypeKind.DATE ? "addMonthsToDate" : "addMonthsToTimestamp";
          case ADD_MICROSECONDS -> "addMicroseconds";
          default -> throw new IllegalArgumentException(operator + " is not calendar arithmetic");
        };
    return "CalendarArithmetic."
        + method
        + "("
        + value.value()
        + ", "
        + CastExpressions.asLong(amount.value(), amountType)
        + ")";
  }
}
