package dev.warpsql.kernels.ir;

/**
 * Kind of a value that a kernel reads, computes or writes, with its physical representation.
 *
 * <p>The physical representation is what a kernel keeps in a register and what a column stores:
 * DECIMAL is an unscaled 64-bit integer, DATE is days since 1970-01-01, TIME is microseconds since
 * midnight, TIMESTAMP is microseconds since 1970-01-01 00:00:00 (no time zone), and VARCHAR is a
 * 32-bit code into the column's dictionary.
 */
public enum TypeKind {
  BOOLEAN(PhysicalType.BOOLEAN),
  TINYINT(PhysicalType.INT),
  SMALLINT(PhysicalType.INT),
  INTEGER(PhysicalType.INT),
  BIGINT(PhysicalType.LONG),
  REAL(PhysicalType.FLOAT),
  DOUBLE(PhysicalType.DOUBLE),
  DECIMAL(PhysicalType.LONG),
  DATE(PhysicalType.INT),
  TIME(PhysicalType.LONG),
  TIMESTAMP(PhysicalType.LONG),
  VARCHAR(PhysicalType.INT);

  private final PhysicalType physicalType;

  TypeKind(PhysicalType physicalType) {
    this.physicalType = physicalType;
  }

  /** Returns the register type of a value of this kind inside a kernel. */
  public PhysicalType physicalType() {
    return physicalType;
  }

  /** Returns whether values of this kind are exact integers, DECIMAL included. */
  public boolean isExactNumeric() {
    return this == TINYINT
        || this == SMALLINT
        || this == INTEGER
        || this == BIGINT
        || this == DECIMAL;
  }

  /** Returns whether values of this kind are binary floating point. */
  public boolean isApproximateNumeric() {
    return this == REAL || this == DOUBLE;
  }

  /** Register type of a kernel value: what the CPU backend declares and PTX loads. */
  public enum PhysicalType {
    BOOLEAN,
    INT,
    LONG,
    FLOAT,
    DOUBLE
  }
}
