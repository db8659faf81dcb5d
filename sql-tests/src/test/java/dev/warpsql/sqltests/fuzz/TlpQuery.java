package dev.warpsql.sqltests.fuzz;

import java.util.List;
import java.util.Objects;

/**
 * One ternary logic partitioning check: a query Q and a predicate p. Every row of Q's input makes p
 * TRUE, FALSE or NULL, so Q must return what the union of Q restricted to each of the three
 * partitions returns, combined by the kind.
 *
 * @param kind how Q uses its rows
 * @param from the FROM clause's text, a table or a join
 * @param columns the columns that ROWS and DISTINCT select
 * @param group the grouping column of GROUP_BY, or null
 * @param measure the column that the aggregates of AGGREGATE and GROUP_BY read, or null
 * @param summed whether the aggregates include SUM, which needs a numeric measure
 * @param base Q's own WHERE condition, or null when Q has none
 * @param predicate the partitioning predicate p
 */
record TlpQuery(
    Kind kind,
    String from,
    List<String> columns,
    String group,
    String measure,
    boolean summed,
    FuzzExpr base,
    FuzzExpr predicate) {

  /** What Q computes from its rows, which decides how the partitions' results combine. */
  enum Kind {
    /** Q selects columns; the partitions' rows together are Q's rows as a multiset. */
    ROWS,
    /** Q selects distinct columns; the partitions' distinct rows together are Q's rows. */
    DISTINCT,
    /** Q computes COUNT, SUM, MIN and MAX; the partitions' values combine into Q's. */
    AGGREGATE,
    /** Q computes the aggregates per group; the partitions' groups combine into Q's. */
    GROUP_BY
  }

  TlpQuery {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(predicate, "predicate");
    columns = List.copyOf(columns);
  }

  TlpQuery withPredicate(FuzzExpr newPredicate) {
    return new TlpQuery(kind, from, columns, group, measure, summed, base, newPredicate);
  }

  TlpQuery withoutBase() {
    return new TlpQuery(kind, from, columns, group, measure, summed, null, predicate);
  }

  /** Returns Q. */
  String original() {
    String where = base == null ? "" : " WHERE " + base.sql();
    return select(where);
  }

  /** Returns the SQL of Q restricted to one partition, such as {@code ... WHERE NOT (p)}. */
  String partition(Partition partition) {
    String condition = partition.condition(predicate.sql());
    String where = base == null ? condition : "(" + base.sql() + ") AND " + condition;
    return select(" WHERE " + where);
  }

  /** Returns the one query that combines the three partitions into what Q must return. */
  String combined() {
    String[] parts = new String[Partition.values().length];
    for (Partition partition : Partition.values()) {
      parts[partition.ordinal()] = partition(partition);
    }
    String union = String.join(kind == Kind.DISTINCT ? " UNION " : " UNION ALL ", parts);
    return switch (kind) {
      case ROWS, DISTINCT -> union;
      case AGGREGATE -> "SELECT " + combinedAggregates() + " FROM (" + union + ") AS parts";
      case GROUP_BY ->
          "SELECT "
              + group
              + ", "
              + combinedAggregates()
              + " FROM ("
              + union
              + ") AS parts GROUP BY "
              + group;
    };
  }

  private String select(String where) {
    return switch (kind) {
      case ROWS -> "SELECT " + String.join(", ", columns) + " FROM " + from + where;
      case DISTINCT -> "SELECT DISTINCT " + String.join(", ", columns) + " FROM " + from + where;
      case AGGREGATE -> "SELECT " + aggregates() + " FROM " + from + where;
      case GROUP_BY ->
          "SELECT " + group + ", " + aggregates() + " FROM " + from + where + " GROUP BY " + group;
    };
  }

  private String aggregates() {
    String sum = summed ? ", SUM(" + measure + ") AS s" : "";
    return "COUNT(*) AS n, COUNT("
        + measure
        + ") AS nm"
        + sum
        + ", MIN("
        + measure
        + ") AS lo, MAX("
        + measure
        + ") AS hi";
  }

  private String combinedAggregates() {
    String sum = summed ? ", SUM(s)" : "";
    return "SUM(n), SUM(nm)" + sum + ", MIN(lo), MAX(hi)";
  }

  /** The three partitions of the rows by the value of p. */
  enum Partition {
    TRUE,
    FALSE,
    NULL;

    String condition(String predicate) {
      return switch (this) {
        case TRUE -> "(" + predicate + ")";
        case FALSE -> "NOT (" + predicate + ")";
        case NULL -> "(" + predicate + ") IS NULL";
      };
    }
  }
}
