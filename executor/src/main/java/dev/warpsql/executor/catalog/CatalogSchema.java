package dev.warpsql.executor.catalog;

import dev.warpsql.executor.storage.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named set of tables and views inside a {@link Catalog}. Names are matched exactly, and a table
 * and a view never share a name.
 *
 * <p>Thread-safe. Readers see the committed state; every change goes through a {@link
 * CatalogTransaction}, and the methods here that change the schema run one each.
 */
public final class CatalogSchema {
  private final Catalog catalog;
  private final String name;
  private final ConcurrentHashMap<String, CatalogTable> tables = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ViewDefinition> views = new ConcurrentHashMap<>();

  CatalogSchema(Catalog catalog, String name) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.name = Objects.requireNonNull(name, "name");
  }

  public String name() {
    return name;
  }

  /** Returns the catalog this schema belongs to. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Returns the current version of the table with this name, without adding a reference, or null if
   * there is none. See {@link CatalogTable#current()} for what the caller may do with it.
   */
  public Table table(String tableName) {
    CatalogTable entry = catalogTable(tableName);
    return entry == null ? null : entry.current();
  }

  /** Returns the table with this name across its versions, or null if there is none. */
  public CatalogTable catalogTable(String tableName) {
    return tables.get(Objects.requireNonNull(tableName, "tableName"));
  }

  /** Returns a snapshot of the current table versions, ordered by name. */
  public Collection<Table> tables() {
    List<Table> snapshot = new ArrayList<>();
    for (CatalogTable entry : catalogTables()) {
      snapshot.add(entry.current());
    }
    return snapshot;
  }

  /** Returns a snapshot of the tables, ordered by name. */
  public List<CatalogTable> catalogTables() {
    List<CatalogTable> snapshot = new ArrayList<>(tables.values());
    snapshot.sort(Comparator.comparing(CatalogTable::name));
    return snapshot;
  }

  /** Returns the view with this name, or null if there is none. */
  public ViewDefinition view(String viewName) {
    return views.get(Objects.requireNonNull(viewName, "viewName"));
  }

  /** Returns a snapshot of the views, ordered by name. */
  public List<ViewDefinition> views() {
    List<ViewDefinition> snapshot = new ArrayList<>(views.values());
    snapshot.sort(Comparator.comparing(ViewDefinition::name));
    return snapshot;
  }

  /**
   * Adds a table under its own name in a transaction of its own and takes over the caller's
   * reference to it. If the name is taken, raises a WarpException with {@code DUPLICATE_TABLE}, and
   * the caller keeps its reference.
   */
  public void addTable(Table table) {
    addTables(List.of(table));
  }

  /**
   * Adds several tables in one transaction, all or none, and takes over the caller's references
   * when it succeeds. When it fails, the caller keeps every reference.
   */
  public void addTables(List<Table> newTables) {
    try (CatalogTransaction transaction = catalog.begin()) {
      for (Table table : newTables) {
        if (!table.tryRetain()) {
          throw new IllegalArgumentException("table " + table.name() + " was already freed");
        }
        try {
          transaction.createTable(name, table);
        } catch (RuntimeException e) {
          table.close();
          throw e;
        }
      }
      transaction.commit();
    }
    for (Table table : newTables) {
      table.close();
    }
  }

  /** Drops a table in a transaction of its own and returns whether it existed. */
  public boolean dropTable(String tableName) {
    try (CatalogTransaction transaction = catalog.begin()) {
      CatalogTable entry = catalogTable(tableName);
      if (entry == null) {
        return false;
      }
      transaction.dropTable(entry);
      transaction.commit();
      return true;
    }
  }

  boolean isEmpty() {
    return tables.isEmpty() && views.isEmpty();
  }

  void publishTable(CatalogTable entry) {
    tables.put(entry.name(), entry);
    catalog.definitionChanged();
  }

  void unpublishTable(CatalogTable entry) {
    tables.remove(entry.name(), entry);
    catalog.definitionChanged();
  }

  void publishView(ViewDefinition view) {
    views.put(view.name(), view);
    catalog.definitionChanged();
  }

  void unpublishView(String viewName) {
    views.remove(viewName);
    catalog.definitionChanged();
  }

  /** Drops every table, releasing the catalog's references, and every view. */
  void closeTables() {
    RuntimeException failure = null;
    for (CatalogTable entry : List.copyOf(tables.values())) {
      tables.remove(entry.name(), entry);
      try {
        entry.drop();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    views.clear();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "CatalogSchema[" + name + ", " + tables.size() + " tables, " + views.size() + " views]";
  }
}
