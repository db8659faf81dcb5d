package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.List;

/**
 * Java expressions for PLUS, MINUS, TIMES, DIVIDE, MOD and NEGATE on non-NULL operands, with the
 * overflow and division-by-zero checks of the call's type.
 */
final class ArithmeticExpressions {
  private ArithmeticExpressions() {}

  static boolean isArithmetic(Operator operator) {
    return switch (operator) {
      case PLUS, MINUS, TIMES, DIVIDE, MOD, NEGATE -> true;
      default -> false;
    };
  }

  /** Returns the expression computing {@code call} from its evaluated operands. */
  static String expression(Call call, List<JavaValue> operands) {
    DataType type = call.type();
    TypeKind kind = type.kind();
    if (kind == TypeKind.DECIMAL) {
      return decimal(call.operator(), type, operands);
    }
    if (kind.isExactNumeric()) {
      return integer(call.operator(), type, operands);
    }
    if (kind.isApproximateNumeric()) {
      return floating(call.operator(), type, operands);
    }
    // DATE and TIMESTAMP arithmetic is ADD_DAYS, ADD_MONTHS and ADD_MICROSECONDS, not PLUS or
    // MINUS.
    throw new IllegalArgumentException(call.operator() + " is not defined on " + type);
  }

  private static String integer(Operator operator, DataType type, List<JavaValue> operands) {
    String[] values = new String[operands.size()];
    for (int i = 0; i < values.length; i++) {
      JavaValue operand = operands.get(i);
      requireNumeric(operator, operand, type);
      values[i] =
          CastExpressions.asLong(
              CastExpressions.convert(operand.value(), operand.type(), type), type);
    }
    String bounds = IntegerRange.of(type).javaArguments();
    String typeName = JavaLiterals.ofString(type.toString());
    String result =
        switch (operator) {
          case PLUS -> call("ExactArithmetic.add", values[0], values[1], bounds, typeName);
          case MINUS -> call("ExactArithmetic.subtract", values[0], values[1], bounds, typeName);
          case TIMES -> call("ExactArithmetic.multiply", values[0], values[1], bounds, typeName);
          case DIVIDE -> call("ExactArithmetic.divide", values[0], values[1], bounds, typeName);
          case MOD -> call("ExactArithmetic.mod", values[0], values[1]);
          case NEGATE -> call("ExactArithmetic.negate", values[0], bounds, typeName);
          default -> throw new IllegalArgumentException(operator + " is not arithmetic");
        };
    return type.physicalType() == TypeKind.PhysicalType.INT ? "((int) " + result + ")" : result;
  }

  private static String decimal(Operator operator, DataType type, List<JavaValue> operands) {
    for (JavaValue operand : operands) {
      if (!operand.type().kind().isExactNumeric()) {
        throw new IllegalArgumentException(
            operator + " on DECIMAL needs exact operands, got " + operand.type());
      }
    }
    String target = type.precision() + ", " + type.scale();
    if (operator == Operator.NEGATE) {
      JavaValue operand = operands.get(0);
      return call(
          "DecimalArithmetic.subtract",
          "0L",
          Integer.toString(CastExpressions.scaleOf(operand.type())),
          CastExpressions.asLong(operand.value(), operand.type()),
          Integer.toString(CastExpressions.scaleOf(operand.type())),
          target);
    }
    String method =
        switch (operator) {
          case PLUS -> "DecimalArithmetic.add";
          case MINUS -> "DecimalArithmetic.subtract";
          case TIMES -> "DecimalArithmetic.multiply";
          case DIVIDE -> "DecimalArithmetic.divide";
          case MOD -> "DecimalArithmetic.mod";
          default -> throw new IllegalArgumentException(operator + " is not arithmetic");
        };
    JavaValue a = operands.get(0);
    JavaValue b = operands.get(1);
    return call(
        method,
        CastExpressions.asLong(a.value(), a.type()),
        Integer.toString(CastExpressions.scaleOf(a.type())),
        CastExpressions.asLong(b.value(), b.type()),
        Integer.toString(CastExpressions.scaleOf(b.type())),
        target);
  }

  private static String floating(Operator operator, DataType type, List<JavaValue> operands) {
    String[] values = new String[operands.size()];
    for (int i = 0; i < values.length; i++) {
      JavaValue operand = operands.get(i);
      requireNumeric(operator, operand, type);
      values[i] = CastExpressions.convert(operand.value(), operand.type(), type);
    }
    // NEGATE cannot overflow, and MOD of finite operands cannot either.
    String suffix = type.kind() == TypeKind.REAL ? "Real" : "";
    return switch (operator) {
      case PLUS -> call("FloatArithmetic.add" + suffix, values[0], values[1]);
      case MINUS -> call("FloatArithmetic.subtract" + suffix, values[0], values[1]);
      case TIMES -> call("FloatArithmetic.multiply" + suffix, values[0], values[1]);
      case DIVIDE -> call("FloatArithmetic.divide" + suffix, values[0], values[1]);
      case MOD ->
          cast(type, "(" + values[0] + " % " + checkedDivisor(values[1], type + " MOD") + ")");
      case NEGATE -> cast(type, "(-" + values[0] + ")");
      default -> throw new IllegalArgumentException(operator + " is not arithmetic");
    };
  }

  private static String cast(DataType type, String result) {
    return type.kind() == TypeKind.REAL ? "((float) " + result + ")" : result;
  }

  private static String checkedDivisor(String divisor, String operation) {
    return "ExactArithmetic.checkFloatDivisor("
        + divisor
        + ", "
        + JavaLiterals.ofString(operation)
        + ")";
  }

  private static void requireNumeric(Operator operator, JavaValue operand, DataType type) {
    TypeKind kind = operand.type().kind();
    if (!kind.isExactNumeric() && !kind.isApproximateNumeric()) {
      throw new IllegalArgumentException(
          operator + " on " + type + " needs numeric operands, got " + operand.type());
    }
  }

  private static String call(String method, String... arguments) {
    return method + "(" + String.join(", ", arguments) + ")";
  }
}
