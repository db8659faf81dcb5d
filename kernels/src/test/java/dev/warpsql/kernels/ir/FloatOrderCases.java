package dev.warpsql.kernels.ir;

import java.util.List;

/**
 * Values and expected results for tests of the {@link FloatOrder total order} on the CPU backend
 * and in interpreted PTX. Expected results come from {@code Double.compare(a + 0.0, b + 0.0)},
 * which orders NaN above every other value as the total order does, and where adding 0.0 turns -0.0
 * into 0.0.
 */
public final class FloatOrderCases {
  /** Values whose comparisons IEEE 754 and the total order may disagree on. */
  public static final List<Double> SPECIAL_VALUES =
      List.of(
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          0.0,
          -0.0,
          1.5,
          -1.5,
          Double.MAX_VALUE);

  public static final List<Operator> COMPARISONS =
      List.of(
          Operator.EQUALS,
          Operator.NOT_EQUALS,
          Operator.LESS_THAN,
          Operator.LESS_THAN_OR_EQUAL,
          Operator.GREATER_THAN,
          Operator.GREATER_THAN_OR_EQUAL);

  private FloatOrderCases() {}

  /** Returns the comparison's result in the total order. */
  public static boolean expected(Operator operator, double a, double b) {
    int order = Double.compare(a + 0.0, b + 0.0);
    return switch (operator) {
      case EQUALS -> order == 0;
      case NOT_EQUALS -> order != 0;
      case LESS_THAN -> order < 0;
      case LESS_THAN_OR_EQUAL -> order <= 0;
      case GREATER_THAN -> order > 0;
      case GREATER_THAN_OR_EQUAL -> order >= 0;
      default -> throw new IllegalArgumentException(operator + " is not a comparison");
    };
  }

  /** Returns the value that a column or literal of the type stores, rounded to float for REAL. */
  public static double stored(DataType type, double value) {
    return type.kind() == TypeKind.REAL ? (double) (float) value : value;
  }
}
