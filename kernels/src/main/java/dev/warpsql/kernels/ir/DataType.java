package dev.warpsql.kernels.ir;

import java.util.Objects;

/**
 * Type of a kernel value: its kind plus, for DECIMAL, precision and scale, and for VARCHAR, the
 * maximum length ({@link #UNBOUNDED} when none was declared).
 *
 * <p>DECIMAL precision is at most {@link #MAX_DECIMAL_PRECISION} because a DECIMAL is one scaled
 * 64-bit integer. A signed 64-bit integer represents every 18-digit value but only part of the
 * 19-digit range, so a DECIMAL(19, s) value overflows when it leaves the range of {@code long}
 * rather than when it reaches 19 digits; Calcite's default type system caps DECIMAL at 19 digits,
 * and allowing 19 keeps its derived types (such as products of DECIMAL(15, 2)) inside the IR.
 */
public record DataType(TypeKind kind, int precision, int scale) {
  /** Largest DECIMAL precision; 19 digits only within the range of {@code long}. */
  public static final int MAX_DECIMAL_PRECISION = 19;

  /** Largest DECIMAL precision of a stored column, whose every value fits in a {@code long}. */
  public static final int MAX_STORED_DECIMAL_PRECISION = 18;

  /** Precision of a VARCHAR without a declared length, and of kinds without precision. */
  public static final int UNBOUNDED = -1;

  public static final DataType BOOLEAN = of(TypeKind.BOOLEAN);
  public static final DataType TINYINT = of(TypeKind.TINYINT);
  public static final DataType SMALLINT = of(TypeKind.SMALLINT);
  public static final DataType INTEGER = of(TypeKind.INTEGER);
  public static final DataType BIGINT = of(TypeKind.BIGINT);
  public static final DataType REAL = of(TypeKind.REAL);
  public static final DataType DOUBLE = of(TypeKind.DOUBLE);
  public static final DataType DATE = of(TypeKind.DATE);
  public static final DataType TIME = of(TypeKind.TIME);
  public static final DataType TIMESTAMP = of(TypeKind.TIMESTAMP);
  public static final DataType VARCHAR = of(TypeKind.VARCHAR);

  public DataType {
    Objects.requireNonNull(kind, "kind");
    if (kind == TypeKind.DECIMAL) {
      if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
        throw new IllegalArgumentException(
            "DECIMAL precision must be between 1 and "
                + MAX_DECIMAL_PRECISION
                + ", got "
                + precision);
      }
      if (scale < 0 || scale > precision) {
        throw new IllegalArgumentException(
            "DECIMAL scale must be between 0 and the precision " + precision + ", got " + scale);
      }
    } else if (kind == TypeKind.VARCHAR) {
      if (precision != UNBOUNDED && precision < 1) {
        throw new IllegalArgumentException("VARCHAR length must be positive, got " + precision);
      }
      if (scale != 0) {
        throw new IllegalArgumentException("VARCHAR has no scale, got " + scale);
      }
    } else if (precision != UNBOUNDED || scale != 0) {
      throw new IllegalArgumentException(kind + " has no precision or scale");
    }
  }

  private static DataType of(TypeKind kind) {
    return new DataType(kind, UNBOUNDED, 0);
  }

  /** Returns DECIMAL(precision, scale). */
  public static DataType decimal(int precision, int scale) {
    return new DataType(TypeKind.DECIMAL, precision, scale);
  }

  /** Returns VARCHAR(length), or unbounded VARCHAR when length is {@link #UNBOUNDED}. */
  public static DataType varchar(int length) {
    return new DataType(TypeKind.VARCHAR, length, 0);
  }

  /** Returns the register type of values of this type. */
  public TypeKind.PhysicalType physicalType() {
    return kind.physicalType();
  }

  /** Returns the SQL spelling, such as {@code DECIMAL(15, 2)}; part of canonical IR text. */
  @Override
  public String toString() {
    if (kind == TypeKind.DECIMAL) {
      return "DECIMAL(" + precision + ", " + scale + ")";
    }
    if (kind == TypeKind.VARCHAR && precision != UNBOUNDED) {
      return "VARCHAR(" + precision + ")";
    }
    return kind.name();
  }
}
