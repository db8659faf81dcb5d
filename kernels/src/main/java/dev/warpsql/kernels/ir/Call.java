package dev.warpsql.kernels.ir;

import java.util.List;
import java.util.Objects;

/** Application of an {@link Operator} to operands, producing a value of {@code type}. */
public record Call(Operator operator, List<Expr> operands, DataType type, boolean nullable)
    implements Expr {
  public Call {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(type, "type");
    operands = List.copyOf(operands);
    int arity = operator.arity();
    if (arity >= 0 && operands.size() != arity) {
      throw new IllegalArgumentException(
          operator + " takes " + arity + " operands, got " + operands.size());
    }
    if (operator == Operator.CASE && operands.size() % 2 == 0) {
      throw new IllegalArgumentException("CASE needs an odd operand count, got " + operands.size());
    }
    if ((operator == Operator.AND || operator == Operator.OR) && operands.size() < 2) {
      throw new IllegalArgumentException(operator + " needs at least two operands");
    }
    if (operator == Operator.COALESCE && operands.isEmpty()) {
      throw new IllegalArgumentException("COALESCE needs at least one operand");
    }
  }

  /** Returns a call whose result is nullable when any operand is. */
  public static Call of(Operator operator, DataType type, Expr... operands) {
    boolean nullable = false;
    for (Expr operand : operands) {
      nullable |= operand.nullable();
    }
    return new Call(operator, List.of(operands), type, nullable);
  }

  @Override
  public void appendCanonical(StringBuilder out) {
    out.append(operator.name()).append('(');
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      operands.get(i).appendCanonical(out);
    }
    out.append("):").append(type).append(nullable ? "?" : "");
  }
}
