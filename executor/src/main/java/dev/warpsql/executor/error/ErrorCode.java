package dev.warpsql.executor.error;

import dev.warpsql.kernels.ir.KernelErrorCode;

/**
 * Every error WarpSQL reports, by category, each with the SQLSTATE that JDBC clients receive.
 *
 * <p>The SQLSTATEs follow the SQL standard's classes, with PostgreSQL's subclasses where the
 * standard has none, so that tools which know PostgreSQL read them the same way.
 */
public enum ErrorCode {
  SYNTAX_ERROR(Category.SYNTAX, "42601"),
  UNKNOWN_TABLE(Category.SEMANTIC, "42P01"),
  UNKNOWN_COLUMN(Category.SEMANTIC, "42703"),
  UNKNOWN_SCHEMA(Category.SEMANTIC, "3F000"),
  DUPLICATE_TABLE(Category.SEMANTIC, "42P07"),
  DUPLICATE_SCHEMA(Category.SEMANTIC, "42P06"),
  DEPENDENT_OBJECTS_EXIST(Category.SEMANTIC, "2BP01"),
  VALIDATION_ERROR(Category.SEMANTIC, "42000"),
  UNSUPPORTED(Category.SEMANTIC, "0A000"),
  INSUFFICIENT_PRIVILEGE(Category.SEMANTIC, "42501"),

  DATA_EXCEPTION(Category.DATA, "22000"),
  INVALID_PARAMETER_VALUE(Category.DATA, "22023"),
  INVALID_TEXT_REPRESENTATION(Category.DATA, "22P02"),
  NUMERIC_OVERFLOW(Category.DATA, "22003"),
  DIVISION_BY_ZERO(Category.DATA, "22012"),
  INVALID_CAST(Category.DATA, "22018"),
  DATETIME_FIELD_OVERFLOW(Category.DATA, "22008"),
  INVALID_LOGARITHM_ARGUMENT(Category.DATA, "2201E"),
  INVALID_POWER_ARGUMENT(Category.DATA, "2201F"),
  INVALID_ROW_COUNT_IN_FETCH(Category.DATA, "2201W"),
  INVALID_ROW_COUNT_IN_OFFSET(Category.DATA, "2201X"),
  INVALID_NTILE_ARGUMENT(Category.DATA, "22014"),
  BAD_CSV_FILE(Category.DATA, "22P04"),
  /** A file that is not Parquet, or whose Parquet structure or pages are damaged. */
  BAD_PARQUET_FILE(Category.DATA, "22P04"),
  INVALID_ESCAPE_CHARACTER(Category.DATA, "22019"),
  INVALID_ESCAPE_SEQUENCE(Category.DATA, "22025"),
  CARDINALITY_VIOLATION(Category.DATA, "21000"),
  NOT_NULL_VIOLATION(Category.DATA, "23502"),
  STRING_DATA_RIGHT_TRUNCATION(Category.DATA, "22001"),

  FILE_NOT_FOUND(Category.RESOURCE, "58P01"),
  IO_ERROR(Category.RESOURCE, "58030"),
  OUT_OF_MEMORY(Category.RESOURCE, "53200"),
  /** A statement whose planning or compilation overflowed the Java stack. */
  STATEMENT_TOO_COMPLEX(Category.RESOURCE, "54001"),
  QUERY_CANCELED(Category.RESOURCE, "57014"),
  LOCK_NOT_AVAILABLE(Category.RESOURCE, "55P03"),
  /**
   * The JVM runs without an option that a feature needs, such as the {@code --add-opens} that
   * writing Arrow IPC files needs. Its SQLSTATE 55000 is object_not_in_prerequisite_state.
   */
  JVM_OPTION_MISSING(Category.RESOURCE, "55000"),

  DEVICE_UNAVAILABLE(Category.DEVICE, "58000"),
  /** A kernel launch, a module load or another driver call failed on the device. */
  DEVICE_FAILED(Category.DEVICE, "58000"),

  INTERNAL_ERROR(Category.INTERNAL, "XX000");

  /** Broad kind of failure: whose input or which component caused it. */
  public enum Category {
    SYNTAX,
    SEMANTIC,
    DATA,
    RESOURCE,
    DEVICE,
    INTERNAL
  }

  private final Category category;
  private final String sqlState;

  ErrorCode(Category category, String sqlState) {
    this.category = category;
    this.sqlState = sqlState;
  }

  public Category category() {
    return category;
  }

  /** Returns the five-character SQLSTATE. */
  public String sqlState() {
    return sqlState;
  }

  /** Returns the code for an error raised by a running kernel. */
  public static ErrorCode of(KernelErrorCode code) {
    return switch (code) {
      case NUMERIC_OVERFLOW -> NUMERIC_OVERFLOW;
      case DIVISION_BY_ZERO -> DIVISION_BY_ZERO;
      case INVALID_CAST -> INVALID_CAST;
      case COMPILATION_FAILED -> INTERNAL_ERROR;
    };
  }
}
