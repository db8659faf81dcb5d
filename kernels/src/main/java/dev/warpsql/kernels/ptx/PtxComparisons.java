package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxRoutines.Argument;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * PTX for the six comparisons on non-NULL operands. Exact operands compare exactly, DECIMALs of
 * different scales included. A REAL or DOUBLE operand makes it a double comparison with Java's
 * semantics: NaN is unequal to everything and -0.0 equals 0.0. Other kinds compare physical values
 * of the same kind: BOOLEAN with FALSE before TRUE, dates and times in time order, VARCHAR by
 * dictionary code.
 */
final class PtxComparisons {
  private final PtxWriter out;
  private final PtxRoutines routines;
  private final PtxConversions conversions;

  PtxComparisons(PtxWriter out, PtxRoutines routines, PtxConversions conversions) {
    this.out = out;
    this.routines = routines;
    this.conversions = conversions;
  }

  static boolean isComparison(Operator operator) {
    return integerCondition(operator) != null;
  }

  /** Returns a predicate register holding the comparison of two non-NULL values. */
  String emit(Operator operator, PtxValue left, PtxValue right) {
    TypeKind leftKind = left.type().kind();
    TypeKind rightKind = right.type().kind();
    String result = out.register(RegisterClass.PRED);
    String condition = integerCondition(operator);
    if (leftKind.isExactNumeric() && rightKind.isExactNumeric()) {
      String a = conversions.toLong(left.value(), left.type());
      String b = conversions.toLong(right.value(), right.type());
      int leftScale = PtxConversions.scaleOf(left.type());
      int rightScale = PtxConversions.scaleOf(right.type());
      if (leftScale == rightScale) {
        out.op("setp." + condition + ".s64 " + result + ", " + a + ", " + b);
        return result;
      }
      String order =
          routines
              .call(
                  out,
                  PtxRoutine.DECIMAL_COMPARE,
                  List.of(
                      Argument.b64(a),
                      Argument.b32(Integer.toString(leftScale)),
                      Argument.b64(b),
                      Argument.b32(Integer.toString(rightScale))),
                  List.of(RegisterClass.B32))
              .get(0);
      out.op("setp." + condition + ".s32 " + result + ", " + order + ", 0");
      return result;
    }
    if (PtxConversions.isNumeric(leftKind) && PtxConversions.isNumeric(rightKind)) {
      String a = conversions.toDouble(left.value(), left.type());
      String b = conversions.toDouble(right.value(), right.type());
      out.op("setp." + floatCondition(operator) + ".f64 " + result + ", " + a + ", " + b);
      return result;
    }
    if (leftKind != rightKind) {
      throw new IllegalArgumentException("cannot compare " + left.type() + " with " + right.type());
    }
    switch (left.type().physicalType()) {
      case BOOLEAN -> {
        String a = out.register(RegisterClass.B32);
        String b = out.register(RegisterClass.B32);
        out.op("selp.u32 " + a + ", 1, 0, " + left.value());
        out.op("selp.u32 " + b + ", 1, 0, " + right.value());
        out.op("setp." + condition + ".u32 " + result + ", " + a + ", " + b);
      }
      case INT ->
          out.op(
              "setp." + condition + ".s32 " + result + ", " + left.value() + ", " + right.value());
      case LONG ->
          out.op(
              "setp." + condition + ".s64 " + result + ", " + left.value() + ", " + right.value());
      default -> throw new IllegalStateException(left.type() + " is not compared by kind");
    }
    return result;
  }

  private static String integerCondition(Operator operator) {
    return switch (operator) {
      case EQUALS -> "eq";
      case NOT_EQUALS -> "ne";
      case LESS_THAN -> "lt";
      case LESS_THAN_OR_EQUAL -> "le";
      case GREATER_THAN -> "gt";
      case GREATER_THAN_OR_EQUAL -> "ge";
      default -> null;
    };
  }

  /** Returns the condition with Java's NaN rules: only "not equal" is true for NaN. */
  private static String floatCondition(Operator operator) {
    return operator == Operator.NOT_EQUALS ? "neu" : integerCondition(operator);
  }
}
