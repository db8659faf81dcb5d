package dev.warpsql.planner.prepare;

import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.planner.schema.FileTable;
import dev.warpsql.planner.schema.WarpTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;

/**
 * The facts a plan took as given when it was made, so that a cached copy can tell whether it still
 * fits the catalog. One is the catalog's definition version, which changes when any schema, table
 * or view is created or dropped. The other is the row count of each table the plan reads, from
 * which the planner chose its join order.
 *
 * <p>A plan stays correct when rows change, because scans read the table's version that is current
 * when the statement runs. It stops being a good plan when a table's size moves far from the one it
 * was planned for, and it stops being the plan of its SQL text when a name it resolved may now
 * refer to another object.
 */
record PlanAssumptions(long definitionVersion, List<TableSize> tables) {

  /** A table grown or shrunk by this factor since planning makes the join order worth redoing. */
  private static final long SIZE_FACTOR = 2;

  /**
   * Tables below this many rows count as this size, so that a small table filled a few rows at a
   * time does not discard the plans that read it after every insert.
   */
  private static final long SMALL_TABLE_ROWS = 1024;

  /** A table the plan reads and its row count when the plan was made. */
  record TableSize(CatalogTable table, long rowCount) {}

  /**
   * Returns the assumptions of a physical plan made at the given definition version. Returns null
   * when the plan reads files, whose columns and types came from the files' contents at planning
   * time, or calls a table function, whose result the plan cannot check.
   */
  static PlanAssumptions of(RelNode plan, long definitionVersion) {
    List<TableSize> tables = new ArrayList<>();
    boolean[] reusable = {true};
    new RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, RelNode parent) {
        if (node instanceof TableFunctionScan) {
          reusable[0] = false;
        } else if (node instanceof TableScan scan) {
          RelOptTable table = scan.getTable();
          WarpTable warp = table.unwrap(WarpTable.class);
          if (table.unwrap(FileTable.class) != null) {
            reusable[0] = false;
          } else if (warp != null) {
            CatalogTable catalogTable = warp.catalogTable();
            tables.add(new TableSize(catalogTable, catalogTable.current().rowCount()));
          }
        }
        super.visit(node, ordinal, parent);
      }
    }.go(plan);
    return reusable[0] ? new PlanAssumptions(definitionVersion, List.copyOf(tables)) : null;
  }

  /**
   * Returns whether the plan still fits a catalog at the given definition version: nothing was
   * created or dropped since, and every table it reads is within a factor of two of its planned
   * size.
   */
  boolean hold(long currentDefinitionVersion) {
    if (currentDefinitionVersion != definitionVersion) {
      return false;
    }
    for (TableSize size : tables) {
      if (size.table().isDropped()) {
        return false;
      }
      long planned = Math.max(size.rowCount(), SMALL_TABLE_ROWS);
      long now = Math.max(size.table().current().rowCount(), SMALL_TABLE_ROWS);
      if (now > planned * SIZE_FACTOR || now * SIZE_FACTOR < planned) {
        return false;
      }
    }
    return true;
  }
}
