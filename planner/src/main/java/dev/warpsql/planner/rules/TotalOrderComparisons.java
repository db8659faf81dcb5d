package dev.warpsql.planner.rules;

import dev.warpsql.kernels.cpu.FloatComparisons;
import dev.warpsql.kernels.ir.FloatOrder;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Comparisons of REAL and DOUBLE values in the {@link FloatOrder total order}, for code that
 * Calcite's Enumerable engine generates. Calcite 1.41 compares primitive doubles with Java's
 * operators, so {@code NaN > 1} is FALSE and {@code NaN = NaN} is FALSE there, while the kernels
 * find both TRUE, as DuckDB and PostgreSQL do.
 *
 * <p>The operands are numbers of any type because one side may be exact, and a DECIMAL arrives as a
 * BigDecimal. Every function returns NULL when an operand is NULL. The methods are public because
 * the generated code calls them.
 */
public final class TotalOrderComparisons {
  static final SqlOperator EQUALS = operator("WARP_FLOAT_EQUALS", "equal");
  static final SqlOperator NOT_EQUALS = operator("WARP_FLOAT_NOT_EQUALS", "notEqual");
  static final SqlOperator LESS_THAN = operator("WARP_FLOAT_LESS_THAN", "lessThan");
  static final SqlOperator LESS_THAN_OR_EQUAL =
      operator("WARP_FLOAT_LESS_THAN_OR_EQUAL", "lessThanOrEqual");
  static final SqlOperator GREATER_THAN = operator("WARP_FLOAT_GREATER_THAN", "greaterThan");
  static final SqlOperator GREATER_THAN_OR_EQUAL =
      operator("WARP_FLOAT_GREATER_THAN_OR_EQUAL", "greaterThanOrEqual");

  private TotalOrderComparisons() {}

  /** Returns the total-order function for a comparison kind, or null for other kinds. */
  static SqlOperator forKind(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> EQUALS;
      case NOT_EQUALS -> NOT_EQUALS;
      case LESS_THAN -> LESS_THAN;
      case LESS_THAN_OR_EQUAL -> LESS_THAN_OR_EQUAL;
      case GREATER_THAN -> GREATER_THAN;
      case GREATER_THAN_OR_EQUAL -> GREATER_THAN_OR_EQUAL;
      default -> null;
    };
  }

  @Strict
  public static boolean equal(Number a, Number b) {
    return FloatComparisons.equal(a.doubleValue(), b.doubleValue());
  }

  @Strict
  public static boolean notEqual(Number a, Number b) {
    return FloatComparisons.notEqual(a.doubleValue(), b.doubleValue());
  }

  @Strict
  public static boolean lessThan(Number a, Number b) {
    return FloatComparisons.lessThan(a.doubleValue(), b.doubleValue());
  }

  @Strict
  public static boolean lessThanOrEqual(Number a, Number b) {
    return FloatComparisons.lessThanOrEqual(a.doubleValue(), b.doubleValue());
  }

  @Strict
  public static boolean greaterThan(Number a, Number b) {
    return FloatComparisons.greaterThan(a.doubleValue(), b.doubleValue());
  }

  @Strict
  public static boolean greaterThanOrEqual(Number a, Number b) {
    return FloatComparisons.greaterThanOrEqual(a.doubleValue(), b.doubleValue());
  }

  private static SqlOperator operator(String name, String method) {
    return new SqlUserDefinedFunction(
        new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.BOOLEAN_NULLABLE,
        null,
        null,
        ScalarFunctionImpl.create(TotalOrderComparisons.class, method));
  }
}
