package dev.warpsql.kernels.ir;

import java.util.List;

/** Sink that writes each passing row's {@code outputs} as one row of new columns. */
public record MaterializeSink(List<Expr> outputs) implements Sink {
  public MaterializeSink {
    outputs = List.copyOf(outputs);
  }

  @Override
  public void appendCanonical(StringBuilder out) {
    out.append("materialize(");
    for (int i = 0; i < outputs.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      outputs.get(i).appendCanonical(out);
    }
    out.append(')');
  }
}
