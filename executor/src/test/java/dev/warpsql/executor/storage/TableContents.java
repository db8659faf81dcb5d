package dev.warpsql.executor.storage;

import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** Reads table cells back as Java values, for assertions in tests. */
public final class TableContents {
  private TableContents() {}

  /**
   * Returns a cell: null for NULL, Boolean for BOOLEAN, Double for REAL and DOUBLE, the decoded
   * String for VARCHAR, and the physical Long for every other type.
   */
  public static Object value(Table table, int column, long row) {
    long remaining = row;
    for (Chunk chunk : table.chunks()) {
      if (remaining < chunk.rowCount()) {
        return value(table, chunk, column, (int) remaining);
      }
      remaining -= chunk.rowCount();
    }
    throw new IndexOutOfBoundsException("row " + row + " of " + table.rowCount());
  }

  /** Returns every value of one column in row order. */
  public static List<Object> column(Table table, int column) {
    List<Object> values = new ArrayList<>();
    for (Chunk chunk : table.chunks()) {
      for (int row = 0; row < chunk.rowCount(); row++) {
        values.add(value(table, chunk, column, row));
      }
    }
    return values;
  }

  private static Object value(Table table, Chunk chunk, int column, int row) {
    FieldVector vector = chunk.vector(column);
    if (vector.isNull(row)) {
      return null;
    }
    TypeKind kind = table.schema().type(column).kind();
    return switch (kind) {
      case BOOLEAN -> PhysicalValues.readLong(vector, row) == 1;
      case REAL, DOUBLE -> PhysicalValues.readDouble(vector, row);
      case VARCHAR -> table.dictionary(column).value((int) PhysicalValues.readLong(vector, row));
      default -> PhysicalValues.readLong(vector, row);
    };
  }
}
