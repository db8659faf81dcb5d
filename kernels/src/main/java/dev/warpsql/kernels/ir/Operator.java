package dev.warpsql.kernels.ir;

/**
 * Operators of {@link Call}. Unless stated otherwise, an operator returns NULL when any operand is
 * NULL.
 *
 * <p>Arithmetic on exact types raises {@link KernelException} with {@link
 * KernelErrorCode#NUMERIC_OVERFLOW} when the result does not fit the call's type (for DECIMAL: more
 * digits than its precision) and {@link KernelErrorCode#DIVISION_BY_ZERO} for a zero divisor.
 * DECIMAL operands are first brought to the scale the operation needs; where the result has fewer
 * fractional digits than the exact value, it is rounded half away from zero.
 */
public enum Operator {
  /** Sum of two values of the call's type (after conversion to it). */
  PLUS(2),
  /** Difference of two values of the call's type (after conversion to it). */
  MINUS(2),
  /** Product; for DECIMAL the exact product is rounded to the call's scale. */
  TIMES(2),
  /**
   * Quotient. Integers truncate toward zero; DECIMAL rounds half away from zero to the call's
   * scale; REAL and DOUBLE divide in IEEE arithmetic, but a zero divisor still raises.
   */
  DIVIDE(2),
  /** Remainder with the sign of the dividend, for exact types; zero divisor raises. */
  MOD(2),
  /** Negation; raises on overflow (the minimum BIGINT has no negation). */
  NEGATE(1),

  /**
   * Comparisons: operands of the same kind; DECIMAL operands may differ in scale. Numeric operands
   * of which one is REAL or DOUBLE compare as doubles in the {@link FloatOrder total order}, not as
   * IEEE 754 does: NaN equals NaN and is greater than every other value, +Infinity included, and
   * -0.0 equals 0.0.
   */
  EQUALS(2),
  NOT_EQUALS(2),
  LESS_THAN(2),
  LESS_THAN_OR_EQUAL(2),
  GREATER_THAN(2),
  GREATER_THAN_OR_EQUAL(2),

  /** Three-valued AND of two or more operands: FALSE wins over NULL. */
  AND(-1),
  /** Three-valued OR of two or more operands: TRUE wins over NULL. */
  OR(-1),
  /** Three-valued NOT. */
  NOT(1),
  /** Never NULL. */
  IS_NULL(1),
  /** Never NULL. */
  IS_NOT_NULL(1),
  /** Never NULL: TRUE only for TRUE. */
  IS_TRUE(1),
  /** Never NULL: TRUE for FALSE and NULL. */
  IS_NOT_TRUE(1),
  /** Never NULL: TRUE only for FALSE. */
  IS_FALSE(1),
  /** Never NULL: TRUE for TRUE and NULL. */
  IS_NOT_FALSE(1),

  /**
   * {@code CASE WHEN c1 THEN v1 ... ELSE e END} with operands {@code c1, v1, ..., e}: an odd count,
   * the ELSE value last. A NULL condition counts as not TRUE. Only the chosen branch is evaluated,
   * so a branch that would raise does not raise when it is not chosen.
   */
  CASE(-1),
  /** First non-NULL operand, evaluated left to right and lazily. */
  COALESCE(-1),
  /**
   * Conversion of the operand to the call's type: between numeric kinds (raises on overflow, rounds
   * half away from zero when DECIMAL scale shrinks or a float becomes exact), DATE to TIMESTAMP and
   * TIMESTAMP to DATE (floor to the day), TIMESTAMP to TIME (the time of day, as {@link
   * #MICROSECOND_OF_DAY} counts it).
   */
  CAST(1),
  /** Year of a DATE or TIMESTAMP, as BIGINT. */
  EXTRACT_YEAR(1),
  /** Quarter 1..4 of a DATE or TIMESTAMP, as BIGINT: January to March is 1. */
  EXTRACT_QUARTER(1),
  /** Month 1..12 of a DATE or TIMESTAMP, as BIGINT. */
  EXTRACT_MONTH(1),
  /** Day of month 1..31 of a DATE or TIMESTAMP, as BIGINT. */
  EXTRACT_DAY(1),
  /** Day of year 1..366 of a DATE or TIMESTAMP, as BIGINT: January 1 is 1. */
  EXTRACT_DOY(1),
  /**
   * Day of week 1..7 of a DATE or TIMESTAMP, as BIGINT: Sunday is 1 and Saturday 7, as in Calcite.
   */
  EXTRACT_DOW(1),
  /**
   * Microseconds since midnight, 0 to 86,399,999,999, of a TIME or TIMESTAMP, as BIGINT; a
   * TIMESTAMP before 1970 counts from the midnight before it, not toward zero.
   */
  MICROSECOND_OF_DAY(1),
  /**
   * Whole seconds since 1970-01-01 00:00:00 of a DATE or TIMESTAMP, as BIGINT, rounded toward
   * negative infinity: 1969-12-31 23:59:59.5 is -1, the second that it falls in.
   */
  EXTRACT_EPOCH(1),
  /**
   * A DATE or TIMESTAMP (first operand) plus a BIGINT number of days (second operand, may be
   * negative), as the first operand's type; raises on overflow of the type's range.
   */
  ADD_DAYS(2),
  /**
   * A DATE or TIMESTAMP plus a BIGINT number of months, as the first operand's type. A day of month
   * past the end of the target month becomes its last day (January 31 plus one month is February 28
   * or 29), as in PostgreSQL; the time of day of a TIMESTAMP is kept.
   */
  ADD_MONTHS(2),
  /** A TIMESTAMP plus a BIGINT number of microseconds, as TIMESTAMP; raises on overflow. */
  ADD_MICROSECONDS(2);

  private final int arity;

  Operator(int arity) {
    this.arity = arity;
  }

  /** Returns the number of operands, or -1 when the count varies. */
  public int arity() {
    return arity;
  }
}
