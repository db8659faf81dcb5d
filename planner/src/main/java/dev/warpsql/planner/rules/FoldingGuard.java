package dev.warpsql.planner.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Constant folding with the wrapped executor, except where Calcite 1.41's folding gives another
 * value than the kernels compute at run time. Preparation folds with this executor from the
 * conversion of the statement on, and {@link OverflowCheckingExecutor} wraps it later.
 *
 * <ul>
 *   <li>No folding makes a REAL or DOUBLE literal of -0.0. RexSimplify compares two such literals
 *       with {@code Double.compareTo}, and so does the code that Calcite's executor generates for a
 *       comparison. Both put -0.0 below 0.0, so {@code CAST('-0.0' AS DOUBLE) < 0.0E0} folded to
 *       TRUE, where SQL finds -0.0 equal to 0.0. An expression whose value is -0.0 folds to {@code
 *       -(0.0)} instead of a literal, and a comparison folds with each of its operands that is -0.0
 *       read as 0.0.
 *   <li>CHAR_LENGTH, SUBSTRING, POSITION and OVERLAY count code points ({@link
 *       CodePointFunctions}).
 *   <li>A cast of a TIME or TIMESTAMP to a string stays unfolded, because Calcite writes no
 *       fraction of a second, and the kernels or {@link TimeTextFunctions} write it at run time.
 * </ul>
 */
public final class FoldingGuard implements RexExecutor {
  private final RexExecutor delegate;

  public FoldingGuard(RexExecutor delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    List<RexNode> comparable = new ArrayList<>();
    ZeroOperands zeroOperands = new ZeroOperands(rexBuilder);
    for (RexNode expression : constExps) {
      comparable.add(CodePointFunctions.rewrite(rexBuilder, expression.accept(zeroOperands)));
    }
    List<RexNode> foldable = new ArrayList<>();
    for (RexNode expression : comparable) {
      if (!TimeTextFunctions.castsTimeToText(expression)) {
        foldable.add(expression);
      }
    }
    List<RexNode> folded = new ArrayList<>();
    delegate.reduce(rexBuilder, foldable, folded);
    int next = 0;
    for (int i = 0; i < comparable.size(); i++) {
      if (TimeTextFunctions.castsTimeToText(comparable.get(i))) {
        reducedValues.add(constExps.get(i));
        continue;
      }
      RexNode value = folded.get(next++);
      reducedValues.add(isNegativeZero(value) ? negatedZero(rexBuilder, value) : value);
    }
  }

  /** Returns {@code -(0.0)} of the literal's type. */
  private static RexNode negatedZero(RexBuilder rexBuilder, RexNode literal) {
    RexNode zero = rexBuilder.makeZeroLiteral(literal.getType());
    return rexBuilder.makeCall(literal.getType(), SqlStdOperatorTable.UNARY_MINUS, List.of(zero));
  }

  private static boolean isNegativeZero(RexNode node) {
    return node instanceof RexLiteral literal
        && !literal.isNull()
        && SqlTypeName.APPROX_TYPES.contains(literal.getType().getSqlTypeName())
        && Double.doubleToRawLongBits(literal.getValueAs(Double.class))
            == Double.doubleToRawLongBits(-0.0);
  }

  /** Replaces each REAL or DOUBLE operand of a comparison whose value is -0.0 by 0.0. */
  private final class ZeroOperands extends RexShuttle {
    private final RexBuilder rexBuilder;

    ZeroOperands(RexBuilder rexBuilder) {
      this.rexBuilder = rexBuilder;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      RexCall visited = (RexCall) super.visitCall(call);
      if (!OverflowCheckingExecutor.isComparison(visited)) {
        return visited;
      }
      List<RexNode> operands = new ArrayList<>();
      boolean changed = false;
      for (RexNode operand : visited.getOperands()) {
        RexNode replaced = operand;
        if (SqlTypeName.APPROX_TYPES.contains(operand.getType().getSqlTypeName())
            && RexUtil.isConstant(operand)) {
          List<RexNode> value = new ArrayList<>();
          delegate.reduce(rexBuilder, List.of(operand), value);
          if (isNegativeZero(value.get(0))) {
            replaced = rexBuilder.makeZeroLiteral(operand.getType());
            changed = true;
          }
        }
        operands.add(replaced);
      }
      return changed ? visited.clone(visited.getType(), operands) : visited;
    }
  }
}
