package dev.warpsql.kernels.ir;

import java.util.Objects;

/**
 * BOOLEAN looked up by dictionary code in lookup table {@code table} of the kernel's arguments.
 *
 * <p>This is how string predicates run: the planner evaluates a predicate such as {@code LIKE
 * 'abc%'} once per dictionary entry, and the kernel reads the result by code. The result is NULL
 * when the code is NULL or when the table stores NULL for that code.
 */
public record CodeLookup(Expr code, int table) implements Expr {
  public CodeLookup {
    Objects.requireNonNull(code, "code");
    if (code.type().kind() != TypeKind.VARCHAR) {
      throw new IllegalArgumentException("code lookup needs a VARCHAR code, got " + code.type());
    }
    if (table < 0) {
      throw new IllegalArgumentException("lookup table index must be non-negative: " + table);
    }
  }

  @Override
  public DataType type() {
    return DataType.BOOLEAN;
  }

  /** Returns true, since a lookup table may store NULL for a code. */
  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public void appendCanonical(StringBuilder out) {
    out.append("LOOKUP#").append(table).append('(');
    code.appendCanonical(out);
    out.append(')');
  }
}
