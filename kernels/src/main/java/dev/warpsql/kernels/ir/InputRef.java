package dev.warpsql.kernels.ir;

import java.util.Objects;

/** Reference to input column {@code index} of the kernel's source, in the current row. */
public record InputRef(int index, DataType type, boolean nullable) implements Expr {
  public InputRef {
    if (index < 0) {
      throw new IllegalArgumentException("input index must be non-negative, got " + index);
    }
    Objects.requireNonNull(type, "type");
  }

  @Override
  public void appendCanonical(StringBuilder out) {
    out.append('$').append(index).append(':').append(type).append(nullable ? "?" : "");
  }
}
