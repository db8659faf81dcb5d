package dev.warpsql.kernels.ir;

import java.util.List;
import java.util.Objects;

/**
 * A hash-join probe fused into a kernel: look up the current row's {@code keys} in hash table
 * {@code table} of the kernel's arguments and continue the row as {@code kind} defines.
 *
 * <p>A build row matches when every key equals the build row's key of the same position (NULL keys
 * never match, as SQL equality requires) and {@code residual}, when present, is TRUE for the pair.
 * The build rows' key columns and payload columns are whatever the hash table was built with;
 * {@code buildColumns} are the types of the payload columns that {@link BuildRef}s read. {@code
 * after}, when present, filters the rows this stage emits (a WHERE condition above an outer join,
 * which must see the NULL-extended rows). Keys on both sides have the same types.
 */
public record ProbeStage(
    int table,
    List<Expr> keys,
    JoinKind kind,
    List<KernelProgram.InputColumn> buildColumns,
    Expr residual,
    Expr after) {
  public ProbeStage {
    if (table < 0) {
      throw new IllegalArgumentException("hash table index must be non-negative: " + table);
    }
    keys = List.copyOf(keys);
    Objects.requireNonNull(kind, "kind");
    buildColumns = List.copyOf(buildColumns);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a probe needs at least one key");
    }
    checkBoolean(residual, "residual");
    checkBoolean(after, "after");
  }

  private static void checkBoolean(Expr condition, String name) {
    if (condition != null && condition.type().kind() != TypeKind.BOOLEAN) {
      throw new IllegalArgumentException(name + " must be BOOLEAN, got " + condition.type());
    }
  }

  /** Appends the canonical text of this stage. */
  public void appendCanonical(StringBuilder out) {
    out.append("probe#").append(table).append(' ').append(kind).append("(keys=[");
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      keys.get(i).appendCanonical(out);
    }
    out.append("], build=[");
    for (int i = 0; i < buildColumns.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      KernelProgram.InputColumn column = buildColumns.get(i);
      out.append(column.type()).append(column.nullable() ? "?" : "");
    }
    out.append("], residual=");
    if (residual == null) {
      out.append("none");
    } else {
      residual.appendCanonical(out);
    }
    out.append(", after=");
    if (after == null) {
      out.append("none");
    } else {
      after.appendCanonical(out);
    }
    out.append(')');
  }
}
