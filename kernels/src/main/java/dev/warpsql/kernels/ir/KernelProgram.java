package dev.warpsql.kernels.ir;

import java.util.List;
import java.util.Objects;

/**
 * One fused pipeline as a kernel: read a row of the input columns, keep it when {@code filter} is
 * TRUE (NULL and FALSE drop it; no filter keeps every row), and hand it to the sink.
 *
 * <p>{@code name} names the pipeline in generated code and logs; it is not part of the {@link
 * #canonicalText()}, so pipelines of the same shape share one compiled kernel.
 *
 * @param inputs types and nullability of the input columns that {@link InputRef}s index
 * @param params types of the {@link ParamRef}s, bound per run
 * @param lookupTables number of lookup tables, read by {@link CodeLookup}s and {@link CodeMap}s,
 *     bound per run
 * @param probes hash-join probes, in pipeline order; probe {@code i} reads hash table {@code
 *     probes.get(i).table()}, bound per run
 */
public record KernelProgram(
    String name,
    List<InputColumn> inputs,
    List<DataType> params,
    int lookupTables,
    Expr filter,
    List<ProbeStage> probes,
    Sink sink) {
  public KernelProgram {
    probes = List.copyOf(probes);
    Objects.requireNonNull(name, "name");
    inputs = List.copyOf(inputs);
    params = List.copyOf(params);
    Objects.requireNonNull(sink, "sink");
    if (lookupTables < 0) {
      throw new IllegalArgumentException("lookup table count must be non-negative");
    }
    if (filter != null && filter.type().kind() != TypeKind.BOOLEAN) {
      throw new IllegalArgumentException("filter must be BOOLEAN, got " + filter.type());
    }
  }

  /** Returns a program without hash-join probes. */
  public KernelProgram(
      String name,
      List<InputColumn> inputs,
      List<DataType> params,
      int lookupTables,
      Expr filter,
      Sink sink) {
    this(name, inputs, params, lookupTables, filter, List.of(), sink);
  }

  /** Type and nullability of one input column. */
  public record InputColumn(DataType type, boolean nullable) {
    public InputColumn {
      Objects.requireNonNull(type, "type");
    }
  }

  /** Returns the text that identifies what this kernel computes; equal text, equal kernel. */
  public String canonicalText() {
    StringBuilder out = new StringBuilder();
    out.append("inputs=[");
    for (int i = 0; i < inputs.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      InputColumn input = inputs.get(i);
      out.append(input.type()).append(input.nullable() ? "?" : "");
    }
    out.append("] params=").append(params).append(" lookups=").append(lookupTables);
    out.append(" filter=");
    if (filter == null) {
      out.append("none");
    } else {
      filter.appendCanonical(out);
    }
    for (ProbeStage probe : probes) {
      out.append(' ');
      probe.appendCanonical(out);
    }
    out.append(" sink=");
    sink.appendCanonical(out);
    return out.toString();
  }
}
