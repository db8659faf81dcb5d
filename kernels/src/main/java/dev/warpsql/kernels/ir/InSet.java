package dev.warpsql.kernels.ir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * BOOLEAN membership test of {@code operand} in a set of non-NULL constants of its type: TRUE when
 * the operand equals one of them, FALSE when it equals none, and NULL when the operand is NULL.
 * REAL and DOUBLE values are equal as {@link Operator#EQUALS} defines it, so NaN matches a NaN
 * member.
 *
 * <p>This is the form of a long IN list. As a chain of OR operands it would make code and nesting
 * grow with the list, while backends test membership in about log2(n) comparisons. The constants
 * are held sorted by value without duplicates; REAL and DOUBLE constants have -0.0 replaced by 0.0,
 * because SQL equality does not tell them apart. VARCHAR operands are not accepted, because a
 * string predicate becomes a {@link CodeLookup}.
 */
public record InSet(Expr operand, List<Literal> values) implements Expr {
  public InSet {
    Objects.requireNonNull(operand, "operand");
    Objects.requireNonNull(values, "values");
    DataType type = operand.type();
    if (type.kind() == TypeKind.VARCHAR || type.kind() == TypeKind.BOOLEAN) {
      throw new IllegalArgumentException("set membership is not defined for " + type);
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("set membership needs at least one value");
    }
    values = normalize(values, type);
  }

  private static List<Literal> normalize(List<Literal> values, DataType type) {
    boolean floating = isFloating(type);
    List<Literal> sorted = new ArrayList<>(values.size());
    for (Literal value : values) {
      if (value.value() == null) {
        throw new IllegalArgumentException("a set member must not be NULL, in set of " + type);
      }
      if (value.type().kind() != type.kind() || value.type().scale() != type.scale()) {
        throw new IllegalArgumentException(
            "set member " + value.value() + " is " + value.type() + ", not " + type);
      }
      Object physical = value.value();
      if (floating && (Double) physical == 0.0) {
        physical = 0.0;
      }
      sorted.add(new Literal(physical, type));
    }
    Comparator<Literal> order =
        floating
            ? Comparator.comparingDouble(literal -> (Double) literal.value())
            : Comparator.comparingLong(literal -> (Long) literal.value());
    sorted.sort(order);

    List<Literal> distinct = new ArrayList<>(sorted.size());
    for (Literal value : sorted) {
      if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(value)) {
        distinct.add(value);
      }
    }
    return List.copyOf(distinct);
  }

  /** Returns whether values of {@code type} are held in floating-point registers. */
  public static boolean isFloating(DataType type) {
    return type.physicalType() == TypeKind.PhysicalType.FLOAT
        || type.physicalType() == TypeKind.PhysicalType.DOUBLE;
  }

  @Override
  public DataType type() {
    return DataType.BOOLEAN;
  }

  @Override
  public boolean nullable() {
    return operand.nullable();
  }

  @Override
  public void appendCanonical(StringBuilder out) {
    out.append("IN_SET(");
    operand.appendCanonical(out);
    out.append(", {");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ",").append(values.get(i).value());
    }
    out.append("}:").append(operand.type()).append(')');
  }
}
