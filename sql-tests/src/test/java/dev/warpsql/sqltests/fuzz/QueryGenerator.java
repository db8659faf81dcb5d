package dev.warpsql.sqltests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws random TLP checks over a round's tables: a FROM clause (a table, or with two tables an
 * INNER, LEFT, RIGHT, FULL or CROSS join), a kind of query, an optional WHERE of Q itself and the
 * partitioning predicate.
 */
final class QueryGenerator {
  private static final int PREDICATE_DEPTH = 3;

  private final Random random;
  private final List<FuzzTable> tables;

  QueryGenerator(Random random, List<FuzzTable> tables) {
    this.random = random;
    this.tables = List.copyOf(tables);
  }

  TlpQuery next() {
    List<FuzzColumn> columns = new ArrayList<>();
    String from = from(columns);
    ExpressionGenerator expressions = new ExpressionGenerator(random, columns);

    TlpQuery.Kind[] kinds = TlpQuery.Kind.values();
    TlpQuery.Kind kind = kinds[random.nextInt(kinds.length)];
    List<String> selected = new ArrayList<>();
    for (FuzzColumn column : columns) {
      if (selected.isEmpty() || random.nextBoolean()) {
        selected.add(column.name());
      }
    }
    FuzzColumn group = columns.get(random.nextInt(columns.size()));
    FuzzColumn measure = measure(columns);
    boolean summed = measure.type().family().isNumeric();
    FuzzExpr base = random.nextInt(4) == 0 ? expressions.predicate(1) : null;
    FuzzExpr predicate = expressions.predicate(PREDICATE_DEPTH);
    return new TlpQuery(
        kind, from, selected, group.name(), measure.name(), summed, base, predicate);
  }

  /** Returns the FROM clause and adds the columns it makes visible. */
  private String from(List<FuzzColumn> columns) {
    FuzzTable first = tables.get(0);
    columns.addAll(first.columns());
    if (tables.size() == 1 || random.nextInt(3) == 0) {
      return first.name();
    }
    FuzzTable second = tables.get(1);
    columns.addAll(second.columns());
    String[] joins = {" JOIN ", " LEFT JOIN ", " RIGHT JOIN ", " FULL JOIN ", " CROSS JOIN "};
    String join = joins[random.nextInt(joins.length)];
    if (join.equals(" CROSS JOIN ")) {
      return first.name() + join + second.name();
    }
    ExpressionGenerator onColumns = new ExpressionGenerator(random, columns);
    return first.name() + join + second.name() + " ON " + joinCondition(first, second, onColumns);
  }

  /** Returns an equality of two comparable columns when there is one, else a random predicate. */
  private String joinCondition(FuzzTable first, FuzzTable second, ExpressionGenerator expressions) {
    List<String> equalities = new ArrayList<>();
    for (FuzzColumn left : first.columns()) {
      for (FuzzColumn right : second.columns()) {
        if (left.type().comparesWith(right.type())) {
          equalities.add(left.name() + " = " + right.name());
        }
      }
    }
    if (!equalities.isEmpty() && random.nextInt(4) != 0) {
      return equalities.get(random.nextInt(equalities.size()));
    }
    return expressions.predicate(1).sql();
  }

  /** Returns a column that MIN and MAX accept, preferring numbers so that SUM runs too. */
  private FuzzColumn measure(List<FuzzColumn> columns) {
    List<FuzzColumn> numeric = new ArrayList<>();
    List<FuzzColumn> ordered = new ArrayList<>();
    for (FuzzColumn column : columns) {
      if (column.type().family().isNumeric()) {
        numeric.add(column);
      }
      if (column.type() != FuzzType.BOOLEAN) {
        ordered.add(column);
      }
    }
    List<FuzzColumn> choices = !numeric.isEmpty() && random.nextInt(4) != 0 ? numeric : ordered;
    if (choices.isEmpty()) {
      choices = columns;
    }
    return choices.get(random.nextInt(choices.size()));
  }
}
