package dev.warpsql.kernels.ir;

import java.util.Objects;

/**
 * One aggregate of an {@link AggregateSink}: the function, its argument (null only for COUNT(*))
 * and the result type (BIGINT for the counts).
 */
public record AggregateCall(AggregateFunction function, Expr argument, DataType resultType) {
  public AggregateCall {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(resultType, "resultType");
    if ((function == AggregateFunction.COUNT_STAR) != (argument == null)) {
      throw new IllegalArgumentException(
          function == AggregateFunction.COUNT_STAR
              ? "COUNT(*) takes no argument"
              : function + " needs an argument");
    }
    if ((function == AggregateFunction.COUNT_STAR || function == AggregateFunction.COUNT)
        && resultType.kind() != TypeKind.BIGINT) {
      throw new IllegalArgumentException(function + " returns BIGINT, got " + resultType);
    }
  }

  /** Returns whether the result can be NULL: every function but the counts. */
  public boolean nullable() {
    return function != AggregateFunction.COUNT_STAR && function != AggregateFunction.COUNT;
  }

  void appendCanonical(StringBuilder out) {
    out.append(function.name()).append('(');
    if (argument != null) {
      argument.appendCanonical(out);
    }
    out.append("):").append(resultType);
  }
}
