package dev.warpsql.planner.rules;

import dev.warpsql.planner.lower.SecondFractions;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Constant folding of TIME and TIMESTAMP values that keeps their microseconds.
 *
 * <p>Calcite's executor folds times in milliseconds: {@code CAST('12:00:00.000001' AS TIME)} would
 * become {@code TIME '12:00:00'}, and {@code EXTRACT(MICROSECOND FROM ...)} of a literal would lose
 * the last three digits. Here a CAST of a string literal with more than three fractional digits
 * folds to a literal with the exact microseconds, and a constant expression over a literal with
 * microseconds is left for the kernels, which compute in microseconds.
 */
final class MicrosecondFolding {
  private final RexBuilder rexBuilder;
  private final RexExecutor delegate;

  MicrosecondFolding(RexBuilder rexBuilder, RexExecutor delegate) {
    this.rexBuilder = rexBuilder;
    this.delegate = delegate;
  }

  /** Returns the expression with every CAST of a string literal to a time folded exactly. */
  RexNode foldCasts(RexNode expression) {
    return expression.accept(
        new RexShuttle() {
          @Override
          public RexNode visitCall(RexCall call) {
            RexNode visited = super.visitCall(call);
            if (visited instanceof RexCall cast && isTimeCast(cast)) {
              RexCall ofText = withTextLiteral(cast);
              return ofText == null ? visited : foldCast(ofText);
            }
            return visited;
          }
        });
  }

  /** Returns whether an expression contains a TIME or TIMESTAMP literal with microseconds. */
  static boolean hasMicrosecondLiteral(RexNode expression) {
    boolean[] found = {false};
    expression.accept(
        new RexVisitorImpl<Void>(true) {
          @Override
          public Void visitLiteral(RexLiteral literal) {
            found[0] |= SecondFractions.literalMicros(literal) % 1000 != 0;
            return null;
          }
        });
    return found[0];
  }

  /**
   * Returns whether an expression contains {@code EXTRACT(EPOCH FROM ...)}. Calcite's executor
   * divides milliseconds by 1000 toward zero, so 1969-12-31 23:59:59.5 would fold to 0, while
   * kernels round toward the past, to -1, as for every other field of a time before 1970.
   */
  static boolean hasEpochExtract(RexNode expression) {
    boolean[] found = {false};
    expression.accept(
        new RexVisitorImpl<Void>(true) {
          @Override
          public Void visitCall(RexCall call) {
            found[0] |=
                call.getKind() == SqlKind.EXTRACT
                    && call.getOperands().get(0) instanceof RexLiteral unit
                    && unit.getValue() == TimeUnitRange.EPOCH;
            return super.visitCall(call);
          }
        });
    return found[0];
  }

  private static boolean isTimeCast(RexCall call) {
    SqlTypeName target = call.getType().getSqlTypeName();
    return call.getKind() == SqlKind.CAST
        && (target == SqlTypeName.TIME || target == SqlTypeName.TIMESTAMP)
        && SqlTypeFamily.CHARACTER.contains(call.getOperands().get(0).getType());
  }

  /**
   * Returns the cast with its string operand as a literal: the operand itself, or a constant
   * expression such as {@code ' 2024-02-29 ' || '12:00:00.0005'} folded by the wrapped executor,
   * which computes strings exactly. Returns null when the operand is not constant or is NULL.
   */
  private RexCall withTextLiteral(RexCall cast) {
    RexNode operand = cast.getOperands().get(0);
    if (operand instanceof RexLiteral literal) {
      return literal.isNull() ? null : cast;
    }
    if (!RexUtil.isConstant(operand)) {
      return null;
    }
    List<RexNode> folded = new ArrayList<>();
    delegate.reduce(rexBuilder, List.of(operand), folded);
    if (!(folded.get(0) instanceof RexLiteral text) || text.isNull()) {
      return null;
    }
    return (RexCall) rexBuilder.makeCall(cast.getType(), cast.getOperator(), List.of(text));
  }

  /**
   * Folds the cast with Calcite's executor, which also checks the text and raises its errors, then
   * adds the microseconds that Calcite's milliseconds miss. A cast whose text has at most three
   * fractional digits is returned as Calcite folds it.
   */
  private RexNode foldCast(RexCall cast) {
    String text = ((RexLiteral) cast.getOperands().get(0)).getValueAs(String.class);
    long correction = SecondFractions.castCorrection(text);
    if (correction == 0) {
      return cast;
    }
    List<RexNode> folded = new ArrayList<>();
    delegate.reduce(rexBuilder, List.of(cast), folded);
    if (!(folded.get(0) instanceof RexLiteral literal) || literal.isNull()) {
      return cast;
    }
    return SecondFractions.shifted(rexBuilder, literal, correction, cast.getType());
  }
}
