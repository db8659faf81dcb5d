package dev.warpsql.sqltests.fuzz;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A round's tables and one TLP check over them: everything a reproduction needs. */
record FuzzCase(List<FuzzTable> tables, TlpQuery query) {
  FuzzCase {
    tables = List.copyOf(tables);
  }

  /** Runs the check on a fresh database holding the tables. */
  TlpOutcome run() {
    try (Connection connection = FuzzDatabase.open(tables)) {
      return TlpOracle.check(connection, query);
    } catch (SQLException e) {
      return new TlpOutcome(TlpOutcome.Verdict.REJECTED, "creating the tables failed: " + e);
    }
  }

  /** Returns a SQL script that recreates the tables and runs Q and its partitions. */
  String script() {
    List<String> lines = new ArrayList<>();
    for (FuzzTable table : tables) {
      for (String statement : table.createStatements()) {
        lines.add(statement + ";");
      }
    }
    lines.add("-- Q");
    lines.add(query.original() + ";");
    for (TlpQuery.Partition partition : TlpQuery.Partition.values()) {
      lines.add("-- Q where the predicate is " + partition);
      lines.add(query.partition(partition) + ";");
    }
    lines.add("-- the partitions combined, which must return what Q returns");
    lines.add(query.combined() + ";");
    return String.join("\n", lines);
  }
}
