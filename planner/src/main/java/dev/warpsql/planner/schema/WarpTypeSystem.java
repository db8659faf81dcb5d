package dev.warpsql.planner.schema;

import dev.warpsql.kernels.ir.DataType;
import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * WarpSQL's rules for derived types, where they differ from Calcite's defaults.
 *
 * <p>DECIMAL has at most {@link DataType#MAX_DECIMAL_PRECISION} digits, because kernels keep it in
 * one 64-bit integer. SUM of a DECIMAL widens to that precision, so that totals have room to grow
 * (Calcite's default keeps the argument's precision). AVG of a DECIMAL keeps at least six
 * fractional digits: the SQL standard leaves AVG's precision and scale to the implementation, and
 * Calcite's default, the argument's own scale, would round {@code AVG(quantity)} to cents. SUM of
 * TINYINT, SMALLINT or INTEGER is a BIGINT, as in PostgreSQL, so that it rarely overflows. AVG of
 * an integer type is a DOUBLE, as in DuckDB, rather than a truncated integer; a DECIMAL with six
 * fractional digits would overflow 64 bits for large BIGINT totals.
 */
public final class WarpTypeSystem extends RelDataTypeSystemImpl {
  /** Shared instance; Calcite's {@code typeSystem} connection property reads this field. */
  public static final WarpTypeSystem INSTANCE = new WarpTypeSystem();

  private static final int MIN_AVG_SCALE = 6;

  /** Fractional digits of seconds that TIME and TIMESTAMP values hold: microseconds. */
  private static final int MICROSECOND_PRECISION = 6;

  /**
   * Gives UNION, CASE and VALUES of strings of different lengths a VARCHAR type, as PostgreSQL and
   * DuckDB do, instead of the SQL standard's CHAR, which pads the shorter strings with spaces.
   */
  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  /**
   * Returns half away from zero ({@code HALF_UP} on BigDecimal), the rounding of WarpSQL's kernels,
   * so that Calcite folds constant casts and runs fallback operators the same way; the SQL standard
   * leaves the choice between rounding and truncating to the implementation, and PostgreSQL rounds
   * this way.
   */
  @Override
  public RoundingMode roundingMode() {
    return RoundingMode.HALF_UP;
  }

  // NOTE: Calcite's common type of DECIMAL(p, s) and BIGINT (in COALESCE, CASE or UNION) keeps all
  // 19 integer digits of BIGINT and so gets scale 0 under this cap, rounding away the DECIMAL's
  // fraction; PostgreSQL keeps the scale. Wider DECIMALs would remove the cap.
  @Override
  public int getMaxNumericPrecision() {
    return DataType.MAX_DECIMAL_PRECISION;
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return DataType.MAX_DECIMAL_PRECISION;
    }
    if (typeName == SqlTypeName.TIME || typeName == SqlTypeName.TIMESTAMP) {
      return MICROSECOND_PRECISION;
    }
    return super.getMaxPrecision(typeName);
  }

  /**
   * Gives TIME and TIMESTAMP without a precision six fractional digits, the SQL standard's default
   * for TIMESTAMP and what kernels store; Calcite's default, 0, would make a literal such as {@code
   * TIMESTAMP '2024-02-29 12:00:00.000001'} equal to the whole second.
   */
  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.TIME || typeName == SqlTypeName.TIMESTAMP) {
      return MICROSECOND_PRECISION;
    }
    return super.getDefaultPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return DataType.MAX_DECIMAL_PRECISION;
    }
    return super.getMaxScale(typeName);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
      RelDataType sum =
          typeFactory.createSqlType(
              SqlTypeName.DECIMAL, DataType.MAX_DECIMAL_PRECISION, argumentType.getScale());
      return typeFactory.createTypeWithNullability(sum, argumentType.isNullable());
    }
    SqlTypeName name = argumentType.getSqlTypeName();
    if (name == SqlTypeName.TINYINT
        || name == SqlTypeName.SMALLINT
        || name == SqlTypeName.INTEGER) {
      RelDataType sum = typeFactory.createSqlType(SqlTypeName.BIGINT);
      return typeFactory.createTypeWithNullability(sum, argumentType.isNullable());
    }
    return super.deriveSumType(typeFactory, argumentType);
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
      int scale = Math.max(argumentType.getScale(), MIN_AVG_SCALE);
      RelDataType avg =
          typeFactory.createSqlType(SqlTypeName.DECIMAL, DataType.MAX_DECIMAL_PRECISION, scale);
      return typeFactory.createTypeWithNullability(avg, argumentType.isNullable());
    }
    if (SqlTypeName.INT_TYPES.contains(argumentType.getSqlTypeName())) {
      RelDataType avg = typeFactory.createSqlType(SqlTypeName.DOUBLE);
      return typeFactory.createTypeWithNullability(avg, argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }
}
