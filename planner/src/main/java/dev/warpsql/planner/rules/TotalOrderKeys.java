package dev.warpsql.planner.rules;

import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Maps DOUBLE values to BIGINT keys in SQL's total order of floating-point values and back: -0.0
 * equals 0.0, and NaN is above +Infinity. Calcite's window MIN and MAX on doubles lose NaN and
 * start from the largest finite value (as {@link TotalOrderMinMax} describes for aggregates), while
 * on BIGINT they are exact, so window MIN and MAX of REAL and DOUBLE values run on these keys. The
 * methods are public because the generated code calls them.
 */
public final class TotalOrderKeys {
  /** The key of a DOUBLE value, NULL for NULL. */
  static final SqlOperator TO_KEY =
      operator("WARP_TOTAL_ORDER_KEY", "toKey", ReturnTypes.BIGINT_NULLABLE);

  /** The DOUBLE value of a key, NULL for NULL. */
  static final SqlOperator FROM_KEY =
      operator("WARP_FROM_TOTAL_ORDER_KEY", "fromKey", ReturnTypes.DOUBLE_NULLABLE);

  private static final long CANONICAL_NAN_BITS = Double.doubleToLongBits(Double.NaN);

  private TotalOrderKeys() {}

  /**
   * Returns the key of {@code value}: its bits, with all but the sign bit flipped for negative
   * values, so that signed comparison of keys orders the values.
   */
  @Strict
  public static long toKey(double value) {
    long bits =
        value == 0.0
            ? 0L
            : Double.isNaN(value) ? CANONICAL_NAN_BITS : Double.doubleToLongBits(value);
    return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
  }

  /** Returns the value of a key that {@link #toKey} made. */
  @Strict
  public static double fromKey(long key) {
    return Double.longBitsToDouble(key >= 0 ? key : key ^ Long.MAX_VALUE);
  }

  private static SqlOperator operator(String name, String method, SqlReturnTypeInference type) {
    return new SqlUserDefinedFunction(
        new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        type,
        null,
        null,
        ScalarFunctionImpl.create(TotalOrderKeys.class, method));
  }
}
