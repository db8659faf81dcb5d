package dev.warpsql.kernels.ir;

/** Where the rows that pass a kernel's filter go: the end of a fused pipeline. */
public sealed interface Sink permits MaterializeSink, AggregateSink {
  /** Appends the canonical text of this sink. */
  void appendCanonical(StringBuilder out);
}
