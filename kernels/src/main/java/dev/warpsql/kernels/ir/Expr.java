package dev.warpsql.kernels.ir;

/**
 * Expression of the kernel IR: a typed value with SQL NULL semantics, computed once per row.
 *
 * <p>Nodes are immutable. {@link #nullable()} is false only when the value can never be NULL, which
 * lets backends drop validity tracking for that value.
 */
public sealed interface Expr
    permits InputRef, Literal, ParamRef, Call, CodeLookup, CodeMap, BuildRef, InSet {
  /** Returns the type of the value. */
  DataType type();

  /** Returns whether the value may be NULL. */
  boolean nullable();

  /** Appends this expression's canonical text, the form that keys the kernel caches. */
  void appendCanonical(StringBuilder out);
}
