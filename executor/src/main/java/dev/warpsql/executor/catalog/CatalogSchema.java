package dev.warpsql.executor.catalog;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named set of tables inside a {@link Catalog}. Table names are matched exactly.
 *
 * <p>Thread-safe. The schema owns the tables added to it. A dropped table passes to the caller,
 * which must close it once no query reads it any more.
 */
public final class CatalogSchema {
  private final String name;
  private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();

  CatalogSchema(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  public String name() {
    return name;
  }

  /** Returns the table with this name, or null if there is none. */
  public Table table(String tableName) {
    return tables.get(Objects.requireNonNull(tableName, "tableName"));
  }

  /** Returns a snapshot of the tables, ordered by name. */
  public Collection<Table> tables() {
    List<Table> snapshot = new ArrayList<>(tables.values());
    snapshot.sort(Comparator.comparing(Table::name));
    return snapshot;
  }

  /**
   * Adds a table under its own name and takes ownership of it. If the name is taken, raises a
   * WarpException with {@link ErrorCode#DUPLICATE_TABLE}, and the caller keeps ownership.
   */
  public void addTable(Table table) {
    Objects.requireNonNull(table, "table");
    if (tables.putIfAbsent(table.name(), table) != null) {
      throw new WarpException(
          ErrorCode.DUPLICATE_TABLE,
          "table \""
              + table.name()
              + "\" already exists in schema \""
              + name
              + "\". Drop it first or choose another name.");
    }
  }

  /** Removes a table and returns it to the caller, which then owns it. Returns null if absent. */
  public Table dropTable(String tableName) {
    return tables.remove(Objects.requireNonNull(tableName, "tableName"));
  }

  /** Removes and frees every table. */
  void closeTables() {
    RuntimeException failure = null;
    for (String tableName : List.copyOf(tables.keySet())) {
      Table table = tables.remove(tableName);
      if (table == null) {
        continue;
      }
      try {
        table.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "CatalogSchema[" + name + ", " + tables.size() + " tables]";
  }
}
