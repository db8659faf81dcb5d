package dev.warpsql.sqltests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A table that the fuzzer creates through SQL, with its rows as SQL literals, one per column.
 *
 * @param rows the rows; a value is a literal such as {@code 42}, {@code 'ab'} or {@code NULL}
 */
record FuzzTable(String name, List<FuzzColumn> columns, List<List<String>> rows) {
  FuzzTable {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** Returns the statements that create the table and insert its rows. */
  List<String> createStatements() {
    List<String> statements = new ArrayList<>();
    String columnList =
        columns.stream()
            .map(column -> column.name() + " " + column.type().sqlName())
            .collect(Collectors.joining(", "));
    statements.add("CREATE TABLE " + name + " (" + columnList + ")");
    if (!rows.isEmpty()) {
      String values =
          rows.stream()
              .map(row -> "(" + String.join(", ", row) + ")")
              .collect(Collectors.joining(", "));
      statements.add("INSERT INTO " + name + " VALUES " + values);
    }
    return statements;
  }

  /** Returns a copy with other rows. */
  FuzzTable withRows(List<List<String>> newRows) {
    return new FuzzTable(name, columns, newRows);
  }
}
