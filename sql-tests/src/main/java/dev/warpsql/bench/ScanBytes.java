package dev.warpsql.bench;

import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.kernels.cuda.ColumnUpload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bytes of table columns in the layout that the device reads them in: for each chunk, the data
 * buffer ({@link ColumnUpload#dataBytes}: the physical width times the rows, dictionary codes for
 * VARCHAR) plus the validity bitmap when the chunk has NULLs, as {@link ColumnUpload} copies them.
 *
 * <p>TODO: the columns come from the query's text ({@link QueryColumns}), not from the pipelines of
 * its plan, so a column that a plan reads twice (a self-join, a subquery) counts once, and chunks
 * that zone maps skip still count.
 */
final class ScanBytes {
  /** Description of the count, for the report. */
  static final String METHOD =
      "bytes = each table column that the query names, counted once, over all its chunks: rows x"
          + " physical width (dictionary codes for VARCHAR) plus a validity bitmap where a chunk"
          + " has NULLs, as the device copies columns; a lower bound on what a plan reads, since a"
          + " plan may read a column more than once and zone maps may skip chunks";

  private ScanBytes() {}

  /** Returns each table's lower-case name and column names, in the schema's column order. */
  static Map<String, List<String>> tableColumns(CatalogSchema schema) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (Table table : schema.tables()) {
      columns.put(table.name(), table.schema().names());
    }
    return columns;
  }

  /** Returns the bytes of the named columns of the named tables of a schema. */
  static long of(CatalogSchema schema, Map<String, Set<String>> columns) {
    long bytes = 0;
    for (Map.Entry<String, Set<String>> entry : columns.entrySet()) {
      Table table = schema.table(entry.getKey());
      for (String column : entry.getValue()) {
        bytes += columnBytes(table, table.schema().columnIndex(column));
      }
    }
    return bytes;
  }

  private static long columnBytes(Table table, int column) {
    ColumnSchema columnSchema = table.schema().column(column);
    long bytes = 0;
    for (Chunk chunk : table.chunks()) {
      int rows = chunk.rowCount();
      bytes += ColumnUpload.dataBytes(columnSchema.type(), rows);
      if (columnSchema.nullable() && chunk.vector(column).getNullCount() > 0) {
        bytes += (rows + 7) / 8;
      }
    }
    return bytes;
  }
}
