package dev.warpsql.executor.persist;

import dev.warpsql.executor.catalog.ViewDefinition;
import dev.warpsql.executor.storage.ColumnSchema;
import java.util.List;

/**
 * The committed state of a database directory: its schemas, and for each table the files that hold
 * its chunks and dictionaries. File names are relative to the directory's data folder.
 */
record Manifest(List<SchemaEntry> schemas) {
  /** Version of the manifest format that this code writes and reads. */
  static final int FORMAT_VERSION = 1;

  Manifest {
    schemas = List.copyOf(schemas);
  }

  record SchemaEntry(String name, List<TableEntry> tables, List<ViewDefinition> views) {
    SchemaEntry {
      tables = List.copyOf(tables);
      views = List.copyOf(views);
    }
  }

  /**
   * @param dictionaryFiles per column, the file of a VARCHAR column's dictionary, null otherwise
   * @param chunkFiles the chunk files in row order
   */
  record TableEntry(
      String name,
      List<ColumnSchema> columns,
      List<String> dictionaryFiles,
      List<String> chunkFiles) {
    TableEntry {
      columns = List.copyOf(columns);
      dictionaryFiles =
          java.util.Collections.unmodifiableList(new java.util.ArrayList<>(dictionaryFiles));
      chunkFiles = List.copyOf(chunkFiles);
    }
  }
}
