package dev.warpsql.sqltests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws the tables of a fuzzing round: one or two tables of one to five columns of random types,
 * each with up to 20 rows, NULLs in about a fifth of the values, repeated rows, and sometimes no
 * rows at all.
 */
final class TableGenerator {
  private static final int MAX_COLUMNS = 5;
  private static final int MAX_ROWS = 20;
  private static final double NULL_CHANCE = 0.2;
  private static final double EMPTY_CHANCE = 0.1;
  private static final double REPEAT_CHANCE = 0.25;

  private TableGenerator() {}

  /** Returns one or two tables named {@code t0} and {@code t1} with columns {@code t0_c0}, .... */
  static List<FuzzTable> tables(Random random) {
    int count = 1 + random.nextInt(2);
    List<FuzzTable> tables = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      tables.add(table(random, "t" + t));
    }
    return tables;
  }

  private static FuzzTable table(Random random, String name) {
    FuzzType[] types = FuzzType.values();
    List<FuzzColumn> columns = new ArrayList<>();
    int columnCount = 1 + random.nextInt(MAX_COLUMNS);
    for (int c = 0; c < columnCount; c++) {
      columns.add(new FuzzColumn(name + "_c" + c, types[random.nextInt(types.length)]));
    }

    List<List<String>> rows = new ArrayList<>();
    int rowCount = random.nextDouble() < EMPTY_CHANCE ? 0 : 1 + random.nextInt(MAX_ROWS);
    for (int r = 0; r < rowCount; r++) {
      if (!rows.isEmpty() && random.nextDouble() < REPEAT_CHANCE) {
        rows.add(rows.get(random.nextInt(rows.size())));
        continue;
      }
      List<String> row = new ArrayList<>();
      for (FuzzColumn column : columns) {
        row.add(column.type().literalOrNull(random, NULL_CHANCE));
      }
      rows.add(row);
    }
    return new FuzzTable(name, columns, rows);
  }
}
