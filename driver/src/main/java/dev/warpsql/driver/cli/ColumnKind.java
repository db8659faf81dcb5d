package dev.warpsql.driver.cli;

import java.sql.Types;

/** How the command line prints a column, chosen from its JDBC type. */
enum ColumnKind {
  INTEGER(true),
  DECIMAL(true),
  FLOATING_POINT(true),
  BOOLEAN(false),
  DATE(false),
  TIME(false),
  TIMESTAMP(false),
  TEXT(false),
  BINARY(false),
  OTHER(false);

  private final boolean numeric;

  ColumnKind(boolean numeric) {
    this.numeric = numeric;
  }

  /** Returns whether values of this kind are numbers: right-aligned in tables, bare in JSON. */
  boolean isNumeric() {
    return numeric;
  }

  /** Returns the kind for a {@link java.sql.Types} code. */
  static ColumnKind of(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
      case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOATING_POINT;
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      case Types.DATE -> DATE;
      case Types.TIME -> TIME;
      case Types.TIMESTAMP -> TIMESTAMP;
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB ->
          TEXT;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
      default -> OTHER;
    };
  }
}
