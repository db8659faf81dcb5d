package dev.warpsql.sqltests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws random, well-typed expressions over the columns of a round's tables: comparisons, IS NULL,
 * BETWEEN, IN lists with NULLs, LIKE, AND, OR, NOT, IS DISTINCT FROM, arithmetic, CASE, COALESCE,
 * CAST, string functions and date arithmetic. Every operator appears in SQL that WarpSQL accepts.
 * An operator may still raise a data error (overflow, division by zero, an invalid cast), which the
 * oracle treats as no verdict.
 */
final class ExpressionGenerator {
  private static final String[] COMPARISONS = {"=", "<>", "<", "<=", ">", ">="};
  private static final double LEAF_CHANCE = 0.3;
  private static final double NULL_LITERAL_CHANCE = 0.08;

  private final Random random;
  private final List<FuzzColumn> columns;

  ExpressionGenerator(Random random, List<FuzzColumn> columns) {
    this.random = random;
    this.columns = List.copyOf(columns);
  }

  /** Returns a random predicate, a BOOLEAN expression, of at most {@code depth} levels. */
  FuzzExpr predicate(int depth) {
    return expression(FuzzType.BOOLEAN, depth);
  }

  /** Returns a random expression of a type, of at most {@code depth} levels. */
  FuzzExpr expression(FuzzType type, int depth) {
    if (depth <= 0 || random.nextDouble() < LEAF_CHANCE) {
      return leaf(type);
    }
    return switch (type.family()) {
      case BOOLEAN -> booleanExpression(depth - 1);
      case EXACT, APPROXIMATE -> numericExpression(type, depth - 1);
      case STRING -> stringExpression(depth - 1);
      case DATE -> dateExpression(depth - 1);
      case TIME, TIMESTAMP -> conditional(type, depth - 1);
    };
  }

  /** Returns a column of the type, a literal of it, or now and then a typed NULL. */
  FuzzExpr leaf(FuzzType type) {
    List<FuzzColumn> matching = new ArrayList<>();
    for (FuzzColumn column : columns) {
      if (column.type() == type) {
        matching.add(column);
      }
    }
    if (!matching.isEmpty() && random.nextBoolean()) {
      return FuzzExpr.leaf(matching.get(random.nextInt(matching.size())).name(), type);
    }
    if (random.nextDouble() < NULL_LITERAL_CHANCE) {
      return FuzzExpr.leaf("CAST(NULL AS " + type.sqlName() + ")", type);
    }
    return FuzzExpr.leaf(type.literal(random), type);
  }

  private FuzzExpr booleanExpression(int depth) {
    FuzzType operandType = randomColumnType();
    FuzzExpr operand = expression(operandType, depth);
    return switch (random.nextInt(11)) {
      case 0, 1 -> comparison(operand, depth);
      case 2 -> FuzzExpr.of("$0 IS NULL", FuzzType.BOOLEAN, operand);
      case 3 -> FuzzExpr.of("$0 IS NOT NULL", FuzzType.BOOLEAN, operand);
      case 4 -> between(operand, depth);
      case 5 -> in(operand);
      case 6 -> FuzzExpr.of("$0 AND $1", FuzzType.BOOLEAN, predicate(depth), predicate(depth));
      case 7 -> FuzzExpr.of("$0 OR $1", FuzzType.BOOLEAN, predicate(depth), predicate(depth));
      case 8 -> FuzzExpr.of("NOT $0", FuzzType.BOOLEAN, predicate(depth));
      case 9 -> like(depth);
      default ->
          FuzzExpr.of(
              random.nextBoolean() ? "$0 IS DISTINCT FROM $1" : "$0 IS NOT DISTINCT FROM $1",
              FuzzType.BOOLEAN,
              operand,
              expression(operandType, depth));
    };
  }

  private FuzzExpr comparison(FuzzExpr left, int depth) {
    FuzzType rightType = comparableType(left.type());
    String operator = COMPARISONS[random.nextInt(COMPARISONS.length)];
    return FuzzExpr.of(
        "$0 " + operator + " $1", FuzzType.BOOLEAN, left, expression(rightType, depth));
  }

  private FuzzExpr between(FuzzExpr operand, int depth) {
    String keyword = random.nextBoolean() ? " BETWEEN " : " NOT BETWEEN ";
    return FuzzExpr.of(
        "$0" + keyword + "$1 AND $2",
        FuzzType.BOOLEAN,
        operand,
        expression(operand.type(), depth),
        expression(operand.type(), depth));
  }

  private FuzzExpr in(FuzzExpr operand) {
    int count = 1 + random.nextInt(4);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(operand.type().literalOrNull(random, 0.2));
    }
    String keyword = random.nextBoolean() ? " IN (" : " NOT IN (";
    return FuzzExpr.of("$0" + keyword + String.join(", ", values) + ")", FuzzType.BOOLEAN, operand);
  }

  private FuzzExpr like(int depth) {
    String[] patterns = {"'a%'", "'%b'", "'_'", "''", "'%'", "'a\\%%' ESCAPE '\\'"};
    String pattern = patterns[random.nextInt(patterns.length)];
    String keyword = random.nextBoolean() ? " LIKE " : " NOT LIKE ";
    return FuzzExpr.of(
        "$0" + keyword + pattern, FuzzType.BOOLEAN, expression(FuzzType.VARCHAR, depth));
  }

  private FuzzExpr numericExpression(FuzzType type, int depth) {
    FuzzExpr left = expression(type, depth);
    return switch (random.nextInt(9)) {
      case 0 -> FuzzExpr.of("$0 + $1", type, left, expression(numericType(), depth));
      case 1 -> FuzzExpr.of("$0 - $1", type, left, expression(numericType(), depth));
      case 2 -> FuzzExpr.of("$0 * $1", type, left, expression(numericType(), depth));
      case 3 -> FuzzExpr.of("-$0", type, left);
      case 4 -> FuzzExpr.of("ABS($0)", type, left);
      case 5 ->
          type.family() == FuzzType.Family.EXACT
              ? FuzzExpr.of("MOD($0, $1)", type, left, expression(type, depth))
              : FuzzExpr.of("$0 / $1", type, left, expression(type, depth));
      case 6 ->
          FuzzExpr.of("CAST($0 AS " + type.sqlName() + ")", type, expression(numericType(), depth));
      case 7 -> extract(type, depth);
      default -> conditional(type, depth);
    };
  }

  private FuzzExpr extract(FuzzType type, int depth) {
    String[] fields = {"YEAR", "MONTH", "DAY"};
    String field = fields[random.nextInt(fields.length)];
    return FuzzExpr.of(
        "CAST(EXTRACT(" + field + " FROM $0) AS " + type.sqlName() + ")",
        type,
        expression(FuzzType.DATE, depth));
  }

  private FuzzExpr stringExpression(int depth) {
    FuzzExpr operand = expression(FuzzType.VARCHAR, depth);
    return switch (random.nextInt(6)) {
      case 0 -> FuzzExpr.of("SUBSTRING($0 FROM 1 FOR 1)", FuzzType.VARCHAR, operand);
      case 1 -> FuzzExpr.of("UPPER($0)", FuzzType.VARCHAR, operand);
      case 2 -> FuzzExpr.of("TRIM($0)", FuzzType.VARCHAR, operand);
      case 3 -> FuzzExpr.of("$0 || 'x'", FuzzType.VARCHAR, operand);
      default -> conditional(FuzzType.VARCHAR, depth);
    };
  }

  private FuzzExpr dateExpression(int depth) {
    FuzzExpr operand = expression(FuzzType.DATE, depth);
    return switch (random.nextInt(3)) {
      case 0 -> FuzzExpr.of("$0 + INTERVAL '1' DAY", FuzzType.DATE, operand);
      case 1 -> FuzzExpr.of("$0 - INTERVAL '1' MONTH", FuzzType.DATE, operand);
      default -> conditional(FuzzType.DATE, depth);
    };
  }

  /** Returns CASE or COALESCE with operands of the type. */
  private FuzzExpr conditional(FuzzType type, int depth) {
    if (random.nextBoolean()) {
      return FuzzExpr.of(
          "CASE WHEN $0 THEN $1 ELSE $2 END",
          type,
          predicate(depth),
          expression(type, depth),
          expression(type, depth));
    }
    return FuzzExpr.of("COALESCE($0, $1)", type, expression(type, depth), expression(type, depth));
  }

  /** Returns the type of a random column, so that operands read the tables' columns often. */
  private FuzzType randomColumnType() {
    return columns.get(random.nextInt(columns.size())).type();
  }

  /** Returns the type itself or, for numbers, now and then another numeric type. */
  private FuzzType comparableType(FuzzType type) {
    if (type.family().isNumeric() && random.nextInt(4) == 0) {
      return numericType();
    }
    return type;
  }

  private FuzzType numericType() {
    List<FuzzType> numeric = new ArrayList<>();
    for (FuzzType type : FuzzType.values()) {
      if (type.family().isNumeric()) {
        numeric.add(type);
      }
    }
    return numeric.get(random.nextInt(numeric.size()));
  }
}
