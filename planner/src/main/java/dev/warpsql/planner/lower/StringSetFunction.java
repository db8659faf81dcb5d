package dev.warpsql.planner.lower;

import java.util.HashSet;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * Evaluates {@code s IN (...)} and {@code s NOT IN (...)} over a string column's dictionary entry
 * with a hash set. Calcite 1.41's code generator expands {@code SEARCH} into one comparison per
 * point, nested one level deeper per point, so a list of thousands of strings overflows the stack
 * or fails to compile.
 */
final class StringSetFunction implements Function1<DataContext, Object[]> {
  private static final String INPUT_RECORD = "inputRecord";

  private final Set<String> points;
  private final boolean complemented;
  private final Boolean nullResult;

  private StringSetFunction(Set<String> points, boolean complemented, Boolean nullResult) {
    this.points = points;
    this.complemented = complemented;
    this.nullResult = nullResult;
  }

  /**
   * Returns the function for {@code SEARCH($0, Sarg)} with at least {@link
   * SearchLowering#MIN_SET_POINTS} string points, or with all strings but that many, or null for
   * any other expression.
   */
  static StringSetFunction of(RexNode node) {
    if (node.getKind() != SqlKind.SEARCH) {
      return null;
    }
    RexCall search = (RexCall) node;
    if (!(search.getOperands().get(0) instanceof RexInputRef ref) || ref.getIndex() != 0) {
      return null;
    }
    Sarg<?> sarg = ((RexLiteral) search.getOperands().get(1)).getValueAs(Sarg.class);
    if (sarg == null || sarg.pointCount < SearchLowering.MIN_SET_POINTS) {
      return null;
    }
    boolean complemented = !sarg.isPoints() && sarg.isComplementedPoints();
    if (!sarg.isPoints() && !complemented) {
      return null;
    }
    var ranges = complemented ? sarg.rangeSet.complement().asRanges() : sarg.rangeSet.asRanges();
    Set<String> points = new HashSet<>();
    for (var range : ranges) {
      if (!(range.lowerEndpoint() instanceof NlsString point)) {
        return null;
      }
      points.add(point.getValue());
    }
    Boolean nullResult =
        switch (sarg.nullAs) {
          case UNKNOWN -> null;
          case TRUE -> true;
          case FALSE -> false;
        };
    return new StringSetFunction(points, complemented, nullResult);
  }

  @Override
  public Object[] apply(DataContext context) {
    Object value = ((Object[]) context.get(INPUT_RECORD))[0];
    if (value == null) {
      return new Object[] {nullResult};
    }
    return new Object[] {points.contains(value.toString()) != complemented};
  }
}
