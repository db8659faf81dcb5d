package dev.warpsql.sqltests.fuzz;

import java.util.List;
import java.util.Random;

/**
 * The column types that the fuzzer creates tables with: every type that WarpSQL tables store, with
 * the literals it draws values from. The literals include each type's extremes, and few enough
 * distinct values that rows often repeat.
 */
enum FuzzType {
  BOOLEAN("BOOLEAN", Family.BOOLEAN, List.of("TRUE", "FALSE")),
  TINYINT("TINYINT", Family.EXACT, List.of("0", "1", "-1", "2", "7", "127", "-128")),
  SMALLINT("SMALLINT", Family.EXACT, List.of("0", "1", "-3", "12", "300", "32767", "-32768")),
  INTEGER("INTEGER", Family.EXACT, List.of("0", "1", "-1", "5", "42", "-1000", "2147483647")),
  BIGINT(
      "BIGINT",
      Family.EXACT,
      List.of("0", "1", "-7", "42", "100000", "-9223372036854775807", "9223372036854775807")),
  DECIMAL("DECIMAL(10, 2)", Family.EXACT, List.of("0.00", "1.50", "-2.25", "42.00", "99999999.99")),
  // Approximate literals all carry an exponent: INSERT ... VALUES with 1e300 and 0.1 in one DOUBLE
  // column fails in Calcite (see FuzzRegressionTest.mixedApproximateValuesInsert).
  REAL("REAL", Family.APPROXIMATE, List.of("0e0", "1.5e0", "-0.25e0", "3e0", "1e10", "-1e-3")),
  DOUBLE(
      "DOUBLE", Family.APPROXIMATE, List.of("0e0", "1.5e0", "-2e0", "0.1e0", "1e300", "-3.75e0")),
  DATE(
      "DATE",
      Family.DATE,
      List.of("DATE '2024-02-29'", "DATE '1970-01-01'", "DATE '1999-12-31'", "DATE '2024-03-01'")),
  TIME("TIME", Family.TIME, List.of("TIME '00:00:00'", "TIME '12:30:00'", "TIME '23:59:59'")),
  TIMESTAMP(
      "TIMESTAMP",
      Family.TIMESTAMP,
      List.of(
          "TIMESTAMP '2024-02-29 12:00:00'",
          "TIMESTAMP '1970-01-01 00:00:00'",
          "TIMESTAMP '1969-12-31 23:59:59'")),
  VARCHAR(
      "VARCHAR(8)", Family.STRING, List.of("''", "'a'", "'ab'", "'B'", "'a%b'", "'zz'", "' a'"));

  /** Groups of types whose values compare with one another. */
  enum Family {
    BOOLEAN,
    /** Integers and DECIMAL. */
    EXACT,
    /** REAL and DOUBLE. */
    APPROXIMATE,
    DATE,
    TIME,
    TIMESTAMP,
    STRING;

    boolean isNumeric() {
      return this == EXACT || this == APPROXIMATE;
    }
  }

  private final String sqlName;
  private final Family family;
  private final List<String> literals;

  FuzzType(String sqlName, Family family, List<String> literals) {
    this.sqlName = sqlName;
    this.family = family;
    this.literals = literals;
  }

  /** Returns the type as CREATE TABLE and CAST spell it, such as {@code DECIMAL(10, 2)}. */
  String sqlName() {
    return sqlName;
  }

  Family family() {
    return family;
  }

  /** Returns whether values of the two types compare with each other without a cast. */
  boolean comparesWith(FuzzType other) {
    return family == other.family || (family.isNumeric() && other.family.isNumeric());
  }

  /** Returns a random non-NULL literal of this type. */
  String literal(Random random) {
    return literals.get(random.nextInt(literals.size()));
  }

  /** Returns a literal that is NULL with probability {@code nullChance}, else a random value. */
  String literalOrNull(Random random, double nullChance) {
    return random.nextDouble() < nullChance ? "NULL" : literal(random);
  }
}
