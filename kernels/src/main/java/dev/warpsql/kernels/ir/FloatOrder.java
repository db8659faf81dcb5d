package dev.warpsql.kernels.ir;

/**
 * The total order of REAL and DOUBLE values that comparisons follow, as in PostgreSQL and DuckDB:
 * NaN equals NaN and is greater than every other value, +Infinity included, and -0.0 equals 0.0.
 * Join and group keys match in the same order, MIN and MAX choose by it, and ORDER BY sorts by it.
 *
 * <p>IEEE 754 comparisons differ only where an operand is NaN, so backends test for NaN only on
 * operands that may hold it.
 */
public final class FloatOrder {
  private FloatOrder() {}

  /**
   * Returns whether a comparison operand may be NaN: a REAL or DOUBLE operand other than a literal.
   * An exact operand converted to DOUBLE, and a NULL or numeric literal, never is.
   */
  public static boolean mayBeNaN(Expr operand) {
    if (!operand.type().kind().isApproximateNumeric()) {
      return false;
    }
    return !(operand instanceof Literal literal)
        || (literal.value() instanceof Double value && value.isNaN());
  }
}
