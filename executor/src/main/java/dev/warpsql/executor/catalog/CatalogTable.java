package dev.warpsql.executor.catalog;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableSchema;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A table of a schema through every version of its contents. A committed change replaces the
 * current version as a whole; a statement that reads the table acquires the version that is current
 * when it starts and keeps reading it, even if a writer commits meanwhile.
 *
 * <p>The column layout is fixed for the life of the table, so a plan made against one version runs
 * against every later version. Thread-safe.
 */
public final class CatalogTable {
  private static final AtomicLong NEXT_ID = new AtomicLong();

  private final long id = NEXT_ID.getAndIncrement();
  private final Catalog catalog;
  private final String schemaName;
  private final TableSchema schema;
  private final AtomicReference<Table> current;
  private volatile boolean dropped;

  /** Wraps a first version and takes over the caller's reference to it. */
  CatalogTable(Catalog catalog, String schemaName, Table first) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.schemaName = Objects.requireNonNull(schemaName, "schemaName");
    this.schema = first.schema();
    this.current = new AtomicReference<>(first);
  }

  /**
   * Returns an id unique within this JVM, which distinguishes tables that reused a dropped name.
   */
  public long id() {
    return id;
  }

  /** Returns the catalog whose transactions change this table. */
  public Catalog catalog() {
    return catalog;
  }

  public String schemaName() {
    return schemaName;
  }

  public String name() {
    return current.get().name();
  }

  public TableSchema schema() {
    return schema;
  }

  /**
   * Returns the current version without adding a reference. The caller may read it only while it
   * holds the catalog's write lock, or for figures such as the row count that need no chunk.
   */
  public Table current() {
    return current.get();
  }

  /**
   * Returns the current version with a reference added, which the caller releases with {@code
   * close()}. Raises {@link ErrorCode#UNKNOWN_TABLE} when the table was dropped.
   */
  public Table acquire() {
    while (true) {
      if (dropped) {
        throw droppedError();
      }
      Table table = current.get();
      if (table.tryRetain()) {
        return table;
      }
    }
  }

  /**
   * Returns the current version for a change, without adding a reference: the caller holds the
   * catalog's write lock, so no other change replaces or frees it meanwhile. Raises {@link
   * ErrorCode#UNKNOWN_TABLE} when the table was dropped.
   */
  public Table currentForWrite() {
    if (!catalog.holdsWriteLock()) {
      throw new IllegalStateException("the caller must hold the catalog's write lock");
    }
    if (dropped) {
      throw droppedError();
    }
    return current.get();
  }

  public boolean isDropped() {
    return dropped;
  }

  private WarpException droppedError() {
    return new WarpException(
        ErrorCode.UNKNOWN_TABLE,
        "table \""
            + schemaName
            + "\".\""
            + name()
            + "\" was dropped after the statement was prepared. Prepare the statement again.");
  }

  /** Publishes a new version, taking over the caller's reference, and releases the old one. */
  void replace(Table next) {
    if (!next.schema().equals(schema)) {
      throw new IllegalArgumentException(
          "new version of " + name() + " has columns " + next.schema() + ", expected " + schema);
    }
    // Plans keep the dictionaries they saw when they were made, so every version shares them.
    if (!sameDictionaries(next, current.get())) {
      throw new IllegalArgumentException(
          "new version of " + name() + " must share the dictionaries of the current version");
    }
    current.getAndSet(next).close();
  }

  /** Returns whether two versions use the same dictionary object for every VARCHAR column. */
  static boolean sameDictionaries(Table first, Table second) {
    for (int i = 0; i < first.schema().size(); i++) {
      if (first.dictionary(i) != second.dictionary(i)) {
        return false;
      }
    }
    return true;
  }

  /** Marks the table dropped and releases the catalog's reference to its current version. */
  void drop() {
    dropped = true;
    current.get().close();
  }

  @Override
  public String toString() {
    return "CatalogTable[" + schemaName + "." + name() + ", id " + id + "]";
  }
}
