package dev.warpsql.planner.lower;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;

/**
 * Evaluates {@code s [NOT] LIKE 'pattern' [ESCAPE 'c']} over a string column's dictionary entry
 * with a {@link LikePattern} compiled once. Calcite 1.41's generated code creates a cache and
 * compiles a regular expression for every entry, which made a lookup over a column of mostly
 * distinct values, such as TPC-H's comments, take microseconds per entry.
 */
final class LikeFunction implements Function1<DataContext, Object[]> {
  private static final String INPUT_RECORD = "inputRecord";

  private final LikePattern pattern;
  private final boolean negated;

  private LikeFunction(LikePattern pattern, boolean negated) {
    this.pattern = pattern;
    this.negated = negated;
  }

  /**
   * Returns the function for a case-sensitive LIKE, NOT LIKE or NOT over LIKE of field 0 with a
   * literal pattern and escape. Returns null for any other expression, and for a pattern with an
   * invalid escape sequence, whose error Calcite's code then raises.
   */
  static LikeFunction of(RexNode node) {
    boolean negated = false;
    RexNode like = node;
    if (like.getKind() == SqlKind.NOT) {
      negated = true;
      like = ((RexCall) like).getOperands().get(0);
    }
    if (!(like instanceof RexCall call)
        || !(call.getOperator() instanceof SqlLikeOperator operator)
        || call.getKind() != SqlKind.LIKE
        || !operator.isCaseSensitive()) {
      return null;
    }
    if (!(call.getOperands().get(0) instanceof RexInputRef ref) || ref.getIndex() != 0) {
      return null;
    }

    String text = stringLiteral(call.getOperands().get(1));
    String escape = call.getOperands().size() > 2 ? stringLiteral(call.getOperands().get(2)) : "";
    if (text == null || escape == null || escape.length() > 1) {
      return null;
    }
    LikePattern pattern = LikePattern.compile(text, escape.isEmpty() ? 0 : escape.charAt(0));
    if (pattern == null) {
      return null;
    }
    return new LikeFunction(pattern, negated != operator.isNegated());
  }

  private static String stringLiteral(RexNode node) {
    if (node instanceof RexLiteral literal && !literal.isNull()) {
      return literal.getValueAs(String.class);
    }
    return null;
  }

  @Override
  public Object[] apply(DataContext context) {
    Object value = ((Object[]) context.get(INPUT_RECORD))[0];
    if (value == null) {
      return new Object[] {null};
    }
    return new Object[] {pattern.matches(value.toString()) != negated};
  }
}
