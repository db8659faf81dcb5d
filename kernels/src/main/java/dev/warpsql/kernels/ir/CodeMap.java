package dev.warpsql.kernels.ir;

import java.util.Objects;

/**
 * A value of {@code type} looked up by dictionary code in lookup table {@code table} of the
 * kernel's arguments.
 *
 * <p>This is how expressions over one string column run, when their result is not BOOLEAN (for
 * BOOLEAN see {@link CodeLookup}, which shares the table index space): the planner evaluates, for
 * example, {@code CHAR_LENGTH(s)} or {@code SUBSTRING(s FROM 1 FOR 2)} once per dictionary entry,
 * and the kernel reads the result by code. A VARCHAR result is a code of a dictionary that the
 * planner builds along with the table. The result is NULL when the code is NULL or when the table
 * stores NULL for that code.
 */
public record CodeMap(Expr code, int table, DataType type) implements Expr {
  public CodeMap {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(type, "type");
    if (code.type().kind() != TypeKind.VARCHAR) {
      throw new IllegalArgumentException("code map needs a VARCHAR code, got " + code.type());
    }
    if (type.kind() == TypeKind.BOOLEAN) {
      throw new IllegalArgumentException("a BOOLEAN result is a CodeLookup, not a CodeMap");
    }
    if (table < 0) {
      throw new IllegalArgumentException("lookup table index must be non-negative: " + table);
    }
  }

  /** Returns true, since a table may store NULL for a code. */
  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public void appendCanonical(StringBuilder out) {
    out.append("MAP#").append(table).append('(');
    code.appendCanonical(out);
    out.append("):").append(type);
  }
}
