package dev.warpsql.planner.lower;

import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InSet;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.Sarg;

/**
 * Lowers Calcite's {@code SEARCH(x, Sarg)} into kernel IR.
 *
 * <p>A Sarg of many points ({@code x IN (...)}) or of all values but many points ({@code x NOT IN
 * (...)}) becomes an {@link InSet} test. Calcite's own expansion would be one comparison per point
 * under an OR or AND, and a kernel's code would grow with the list until it fails to compile. Other
 * Sargs, such as ranges, are expanded by Calcite.
 */
final class SearchLowering {
  /** Sargs with fewer points than this are expanded into comparisons, which are cheap. */
  static final int MIN_SET_POINTS = 16;

  private final RexBuilder rexBuilder;
  private final Function<RexNode, Expr> lowering;

  SearchLowering(RexBuilder rexBuilder, Function<RexNode, Expr> lowering) {
    this.rexBuilder = rexBuilder;
    this.lowering = lowering;
  }

  Expr lower(RexCall search) {
    RexNode operandNode = search.getOperands().get(0);
    RexLiteral sargLiteral = (RexLiteral) search.getOperands().get(1);
    Sarg<?> sarg = sargLiteral.getValueAs(Sarg.class);
    if (sarg == null || sarg.pointCount < MIN_SET_POINTS) {
      return expand(search);
    }
    boolean complemented = !sarg.isPoints() && sarg.isComplementedPoints();
    if (!sarg.isPoints() && !complemented) {
      return expand(search);
    }
    Expr operand = lowering.apply(operandNode);
    TypeKind kind = operand.type().kind();
    if (kind == TypeKind.VARCHAR || kind == TypeKind.BOOLEAN) {
      return expand(search);
    }
    List<Literal> members = members(sarg, complemented, sargLiteral.getType(), operand.type());
    if (members == null) {
      return expand(search);
    }
    Expr test = new InSet(operand, members);
    if (complemented) {
      test = new Call(Operator.NOT, List.of(test), DataType.BOOLEAN, test.nullable());
    }
    return switch (sarg.nullAs) {
      case UNKNOWN -> test;
      case TRUE ->
          new Call(
              Operator.OR,
              List.of(new Call(Operator.IS_NULL, List.of(operand), DataType.BOOLEAN, false), test),
              DataType.BOOLEAN,
              false);
      case FALSE -> new Call(Operator.IS_TRUE, List.of(test), DataType.BOOLEAN, false);
    };
  }

  private Expr expand(RexCall search) {
    return lowering.apply(RexUtil.expandSearch(rexBuilder, null, search));
  }

  /**
   * Returns the Sarg's points, or the points that its ranges leave out, in their kernel form; null
   * when one does not have the operand's kind and scale, so that the caller expands the Sarg.
   */
  private List<Literal> members(
      Sarg<?> sarg, boolean complemented, RelDataType literalType, DataType operandType) {
    var ranges = complemented ? sarg.rangeSet.complement().asRanges() : sarg.rangeSet.asRanges();
    List<Literal> members = new ArrayList<>(ranges.size());
    for (var range : ranges) {
      RexNode point = rexBuilder.makeLiteral(range.lowerEndpoint(), literalType, true, true);
      if (!(point instanceof RexLiteral literal)) {
        return null;
      }
      Literal member = RexLowering.toLiteral(literal);
      DataType type = member.type();
      if (type.kind() != operandType.kind() || type.scale() != operandType.scale()) {
        return null;
      }
      members.add(new Literal(member.value(), operandType));
    }
    return members;
  }
}
