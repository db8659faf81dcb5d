package dev.warpsql.executor.pipeline;

/**
 * Source of the codes of a VARCHAR column that a kernel reads or writes, which locates the column's
 * dictionary at execution time. The source is input column {@code index} of the kernel's source
 * batch, payload column {@code index} of the hash table of probe stage {@code probe}, or the string
 * results of lookup table {@code index}.
 */
public record ColumnOrigin(Kind kind, int probe, int index) {
  /** The three places codes come from. */
  public enum Kind {
    INPUT,
    BUILD,
    LOOKUP
  }

  public static ColumnOrigin input(int column) {
    return new ColumnOrigin(Kind.INPUT, -1, column);
  }

  public static ColumnOrigin build(int probe, int column) {
    return new ColumnOrigin(Kind.BUILD, probe, column);
  }

  public static ColumnOrigin lookup(int table) {
    return new ColumnOrigin(Kind.LOOKUP, -1, table);
  }

  public boolean isInput() {
    return kind == Kind.INPUT;
  }

  /** Returns the column or table index. */
  public int column() {
    return index;
  }
}
