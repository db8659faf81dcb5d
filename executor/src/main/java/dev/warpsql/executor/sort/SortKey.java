package dev.warpsql.executor.sort;

import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.Objects;

/**
 * One ORDER BY key: a column of the rows being sorted, its type, direction and NULL placement. NULL
 * placement does not depend on the direction. A VARCHAR key needs the dictionary of its codes,
 * because strings sort by value (Unicode code point order), not by code.
 */
public record SortKey(
    int column,
    DataType type,
    boolean descending,
    boolean nullsFirst,
    StringDictionary dictionary) {
  public SortKey {
    Objects.requireNonNull(type, "type");
    if (column < 0) {
      throw new IllegalArgumentException("sort column must not be negative, got " + column);
    }
    if (type.kind() == TypeKind.VARCHAR && dictionary == null) {
      throw new IllegalArgumentException(
          "VARCHAR sort key on column " + column + " needs the column's dictionary");
    }
  }

  /**
   * Returns an ascending key with NULLs last, SQL's default for ascending order in PostgreSQL and
   * Oracle.
   */
  public static SortKey ascending(int column, DataType type, StringDictionary dictionary) {
    return new SortKey(column, type, false, false, dictionary);
  }

  /** Returns a descending key with NULLs first, the default for descending order in PostgreSQL. */
  public static SortKey descending(int column, DataType type, StringDictionary dictionary) {
    return new SortKey(column, type, true, true, dictionary);
  }
}
