package dev.warpsql.planner.schema;

import dev.warpsql.kernels.ir.DataType;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between Calcite's SQL types and the kernel IR's {@link DataType}s. */
public final class TypeMapping {
  private TypeMapping() {}

  /** Returns the kernel type for a SQL type, or empty when kernels cannot hold it. */
  public static Optional<DataType> toDataType(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    DataType result =
        switch (name) {
          case BOOLEAN -> DataType.BOOLEAN;
          case TINYINT -> DataType.TINYINT;
          case SMALLINT -> DataType.SMALLINT;
          case INTEGER -> DataType.INTEGER;
          case BIGINT -> DataType.BIGINT;
          case REAL -> DataType.REAL;
          case FLOAT, DOUBLE -> DataType.DOUBLE;
          case DECIMAL ->
              type.getPrecision() <= DataType.MAX_DECIMAL_PRECISION && type.getScale() >= 0
                  ? DataType.decimal(type.getPrecision(), type.getScale())
                  : null;
          case DATE -> DataType.DATE;
          case TIME -> DataType.TIME;
          case TIMESTAMP -> DataType.TIMESTAMP;
          case CHAR, VARCHAR -> DataType.VARCHAR;
          default -> null;
        };
    return Optional.ofNullable(result);
  }

  /** Returns the kernel type for a SQL type, or throws when kernels cannot hold it. */
  public static DataType require(RelDataType type) {
    return toDataType(type)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "type " + type.getFullTypeString() + " is not supported by WarpSQL kernels"));
  }

  /** Returns the SQL type for a column of the given kernel type. */
  public static RelDataType toRelDataType(
      RelDataTypeFactory typeFactory, DataType type, boolean nullable) {
    RelDataType sqlType =
        switch (type.kind()) {
          case BOOLEAN -> typeFactory.createSqlType(SqlTypeName.BOOLEAN);
          case TINYINT -> typeFactory.createSqlType(SqlTypeName.TINYINT);
          case SMALLINT -> typeFactory.createSqlType(SqlTypeName.SMALLINT);
          case INTEGER -> typeFactory.createSqlType(SqlTypeName.INTEGER);
          case BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
          case REAL -> typeFactory.createSqlType(SqlTypeName.REAL);
          case DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
          case DECIMAL ->
              typeFactory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
          case DATE -> typeFactory.createSqlType(SqlTypeName.DATE);
          case TIME -> typeFactory.createSqlType(SqlTypeName.TIME, 6);
          case TIMESTAMP -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 6);
          case VARCHAR ->
              type.precision() == DataType.UNBOUNDED
                  ? typeFactory.createSqlType(SqlTypeName.VARCHAR)
                  : typeFactory.createSqlType(SqlTypeName.VARCHAR, type.precision());
        };
    return typeFactory.createTypeWithNullability(sqlType, nullable);
  }
}
