package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.FloatOrder;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxRoutines.Argument;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * PTX for the six comparisons on non-NULL operands. Exact operands compare exactly, DECIMALs of
 * different scales included. A REAL or DOUBLE operand makes it a double comparison in the {@link
 * FloatOrder total order}, where NaN equals NaN and is greater than every other value, and -0.0
 * equals 0.0. Other kinds compare physical values of the same kind: BOOLEAN with FALSE before TRUE,
 * dates and times in time order, VARCHAR by dictionary code.
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

  /** Returns a predicate register holding the comparison {@code call} of two non-NULL values. */
  String emit(Call call, PtxValue left, PtxValue right) {
    Operator operator = call.operator();
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
      boolean aMayBeNaN = FloatOrder.mayBeNaN(call.operands().get(0));
      boolean bMayBeNaN = FloatOrder.mayBeNaN(call.operands().get(1));
      emitFloat(operator, result, a, b, aMayBeNaN, bMayBeNaN);
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

  /**
   * Emits a comparison of two doubles in the total order. IEEE comparisons agree with it unless an
   * operand is NaN, so an operand that may be NaN costs one {@code testp} at most, and two such
   * operands cost a {@code testp} and two {@code setp} that combine predicates.
   */
  private void emitFloat(
      Operator operator, String result, String a, String b, boolean aMayBeNaN, boolean bMayBeNaN) {
    String condition = integerCondition(operator);
    if (!aMayBeNaN && !bMayBeNaN) {
      out.op("setp." + condition + ".f64 " + result + ", " + a + ", " + b);
      return;
    }
    if (!aMayBeNaN || !bMayBeNaN) {
      // Against a number, NaN is unequal and greater, and the unordered form ("u") is true for NaN.
      boolean nanMakesTrue =
          switch (operator) {
            case NOT_EQUALS -> true;
            case LESS_THAN, LESS_THAN_OR_EQUAL -> bMayBeNaN;
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> aMayBeNaN;
            default -> false;
          };
      String form = nanMakesTrue ? condition + "u" : condition;
      out.op("setp." + form + ".f64 " + result + ", " + a + ", " + b);
      return;
    }
    String nanCase = out.register(RegisterClass.PRED);
    switch (operator) {
      case EQUALS, NOT_EQUALS -> {
        // Both NaN makes them equal, one NaN unequal.
        String first = out.register(RegisterClass.PRED);
        out.op("testp.notanumber.f64 " + first + ", " + a);
        String combine = operator == Operator.EQUALS ? "and" : "xor";
        out.op("setp.nan." + combine + ".f64 " + nanCase + ", " + b + ", " + b + ", " + first);
      }
      case LESS_THAN -> {
        // a < NaN for every number a.
        String first = out.register(RegisterClass.PRED);
        out.op("testp.number.f64 " + first + ", " + a);
        out.op("setp.nan.and.f64 " + nanCase + ", " + b + ", " + b + ", " + first);
      }
      case GREATER_THAN -> {
        // NaN > b for every number b.
        String first = out.register(RegisterClass.PRED);
        out.op("testp.number.f64 " + first + ", " + b);
        out.op("setp.nan.and.f64 " + nanCase + ", " + a + ", " + a + ", " + first);
      }
      case LESS_THAN_OR_EQUAL -> out.op("testp.notanumber.f64 " + nanCase + ", " + b);
      case GREATER_THAN_OR_EQUAL -> out.op("testp.notanumber.f64 " + nanCase + ", " + a);
      default -> throw new IllegalArgumentException(operator + " is not a comparison");
    }
    out.op("setp." + condition + ".or.f64 " + result + ", " + a + ", " + b + ", " + nanCase);
  }
}
