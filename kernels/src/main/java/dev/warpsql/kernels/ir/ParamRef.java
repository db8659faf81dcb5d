package dev.warpsql.kernels.ir;

import java.util.Objects;

/**
 * Value bound when the kernel runs, not when it compiles, such as a JDBC statement parameter.
 *
 * <p>Parameters keep the canonical text free of their values, so that re-executing a prepared
 * statement with new values reuses the compiled kernel. At run time a parameter is passed in the
 * physical representation described in {@link Literal}, or null for SQL NULL.
 */
public record ParamRef(int index, DataType type) implements Expr {
  public ParamRef {
    if (index < 0) {
      throw new IllegalArgumentException("parameter index must be non-negative, got " + index);
    }
    Objects.requireNonNull(type, "type");
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public void appendCanonical(StringBuilder out) {
    out.append("?").append(index).append(':').append(type);
  }
}
