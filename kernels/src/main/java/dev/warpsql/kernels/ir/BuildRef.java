package dev.warpsql.kernels.ir;

import java.util.Objects;

/**
 * Column {@code column} of the build row that probe stage {@code probe} matched, in the current
 * row. Readable in that stage's residual condition and in every later stage and the sink; NULL in
 * the row that a LEFT probe emits without a match.
 */
public record BuildRef(int probe, int column, DataType type, boolean nullable) implements Expr {
  public BuildRef {
    if (probe < 0 || column < 0) {
      throw new IllegalArgumentException(
          "probe and column must be non-negative, got " + probe + " and " + column);
    }
    Objects.requireNonNull(type, "type");
  }

  @Override
  public void appendCanonical(StringBuilder out) {
    out.append("build")
        .append(probe)
        .append('$')
        .append(column)
        .append(':')
        .append(type)
        .append(nullable ? "?" : "");
  }
}
