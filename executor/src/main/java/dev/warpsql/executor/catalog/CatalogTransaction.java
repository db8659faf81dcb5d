package dev.warpsql.executor.catalog;

import dev.warpsql.executor.catalog.CatalogSnapshot.SchemaSnapshot;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A set of catalog changes that commits as a whole: the store persists the resulting state, and
 * only then do readers see the changes. A transaction that closes without {@link #commit} changes
 * nothing and releases the table versions it was given.
 *
 * <p>Each change is checked against the committed state plus the changes before it, and raises a
 * {@link WarpException} naming the conflict. The transaction holds the catalog's write lock from
 * {@link Catalog#begin} until {@link #close}; it is used by one thread.
 */
public final class CatalogTransaction implements AutoCloseable {
  private final Catalog catalog;
  private final Map<String, Draft> drafts = new TreeMap<>();
  private final List<Runnable> publications = new ArrayList<>();
  private final List<Table> ownedVersions = new ArrayList<>();
  private boolean committed;
  private boolean closed;

  /** The state of one schema as this transaction's changes leave it. */
  private static final class Draft {
    final Map<String, Table> tables = new TreeMap<>();
    final Map<String, ViewDefinition> views = new TreeMap<>();
  }

  CatalogTransaction(Catalog catalog) {
    this.catalog = catalog;
    for (CatalogSchema schema : catalog.schemas()) {
      Draft draft = new Draft();
      for (CatalogTable table : schema.catalogTables()) {
        draft.tables.put(table.name(), table.current());
      }
      for (ViewDefinition view : schema.views()) {
        draft.views.put(view.name(), view);
      }
      drafts.put(schema.name(), draft);
    }
  }

  /** Creates an empty schema. */
  public void createSchema(String name) {
    checkOpen();
    if (drafts.containsKey(name)) {
      throw new WarpException(
          ErrorCode.DUPLICATE_SCHEMA,
          "schema \"" + name + "\" already exists. Choose another name.");
    }
    CatalogSchema schema = catalog.newSchema(name);
    drafts.put(name, new Draft());
    publications.add(() -> catalog.publishSchema(schema));
  }

  /** Drops an empty schema. The default schema cannot be dropped. */
  public void dropSchema(String name) {
    checkOpen();
    Draft draft = draft(name);
    if (name.equals(Catalog.DEFAULT_SCHEMA)) {
      throw new WarpException(
          ErrorCode.VALIDATION_ERROR,
          "schema \"" + name + "\" is the default schema and cannot be dropped.");
    }
    if (!draft.tables.isEmpty() || !draft.views.isEmpty()) {
      throw new WarpException(
          ErrorCode.DEPENDENT_OBJECTS_EXIST,
          "schema \""
              + name
              + "\" is not empty: it contains "
              + describe(draft)
              + ". Drop them first.");
    }
    drafts.remove(name);
    publications.add(() -> catalog.unpublishSchema(name));
  }

  /**
   * Adds a table under its own name. It takes over the caller's reference to the table only when it
   * returns normally.
   */
  public void createTable(String schemaName, Table table) {
    checkOpen();
    Draft draft = draft(schemaName);
    checkNameFree(schemaName, draft, table.name());
    draft.tables.put(table.name(), table);
    ownedVersions.add(table);
    publications.add(
        () -> {
          CatalogSchema schema = catalog.schema(schemaName);
          schema.publishTable(new CatalogTable(catalog, schemaName, table));
        });
  }

  /**
   * Replaces the contents of a table with a new version that has the same columns. It takes over
   * the caller's reference to the version only when it returns normally.
   */
  public void replaceTable(CatalogTable target, Table next) {
    checkOpen();
    Draft draft = draft(target.schemaName());
    if (target.isDropped() || draft.tables.get(target.name()) == null) {
      throw unknownTable(target.schemaName(), target.name());
    }
    if (!next.schema().equals(target.schema())
        || !CatalogTable.sameDictionaries(next, target.current())) {
      throw new IllegalArgumentException(
          "new version of table "
              + target.name()
              + " must have the columns and dictionaries of the current one");
    }
    draft.tables.put(target.name(), next);
    ownedVersions.add(next);
    publications.add(() -> target.replace(next));
  }

  /** Drops a table; statements that already read it finish on the version they hold. */
  public void dropTable(CatalogTable target) {
    checkOpen();
    Draft draft = draft(target.schemaName());
    if (target.isDropped() || draft.tables.remove(target.name()) == null) {
      throw unknownTable(target.schemaName(), target.name());
    }
    publications.add(
        () -> {
          catalog.schema(target.schemaName()).unpublishTable(target);
          target.drop();
        });
  }

  /** Adds a view. */
  public void createView(String schemaName, ViewDefinition view) {
    checkOpen();
    Draft draft = draft(schemaName);
    checkNameFree(schemaName, draft, view.name());
    draft.views.put(view.name(), view);
    publications.add(() -> catalog.schema(schemaName).publishView(view));
  }

  /** Drops a view. */
  public void dropView(String schemaName, String viewName) {
    checkOpen();
    Draft draft = draft(schemaName);
    if (draft.views.remove(viewName) == null) {
      throw new WarpException(
          ErrorCode.UNKNOWN_TABLE,
          "view \"" + schemaName + "\".\"" + viewName + "\" does not exist.");
    }
    publications.add(() -> catalog.schema(schemaName).unpublishView(viewName));
  }

  /**
   * Persists the state that the changes lead to, then makes the changes visible. When the store
   * fails, nothing changes and the exception passes to the caller.
   */
  public void commit() {
    checkOpen();
    if (publications.isEmpty()) {
      committed = true;
      return;
    }
    catalog.store().persist(snapshot());
    for (Runnable publication : publications) {
      publication.run();
    }
    ownedVersions.clear();
    committed = true;
  }

  /** Releases the versions of an uncommitted transaction and the catalog's write lock. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!committed) {
        for (Table table : ownedVersions) {
          table.close();
        }
      }
    } finally {
      catalog.releaseWriteLock();
    }
  }

  private CatalogSnapshot snapshot() {
    List<SchemaSnapshot> schemas = new ArrayList<>();
    for (Map.Entry<String, Draft> entry : drafts.entrySet()) {
      Draft draft = entry.getValue();
      schemas.add(
          new SchemaSnapshot(
              entry.getKey(),
              new ArrayList<>(draft.tables.values()),
              new ArrayList<>(draft.views.values())));
    }
    return new CatalogSnapshot(schemas);
  }

  private Draft draft(String schemaName) {
    Draft draft = drafts.get(Objects.requireNonNull(schemaName, "schemaName"));
    if (draft == null) {
      throw new WarpException(
          ErrorCode.UNKNOWN_SCHEMA, "schema \"" + schemaName + "\" does not exist.");
    }
    return draft;
  }

  private static void checkNameFree(String schemaName, Draft draft, String name) {
    String kind = draft.tables.containsKey(name) ? "table" : "view";
    if (draft.tables.containsKey(name) || draft.views.containsKey(name)) {
      throw new WarpException(
          ErrorCode.DUPLICATE_TABLE,
          kind
              + " \""
              + name
              + "\" already exists in schema \""
              + schemaName
              + "\". Drop it first or choose another name.");
    }
  }

  private static WarpException unknownTable(String schemaName, String name) {
    return new WarpException(
        ErrorCode.UNKNOWN_TABLE, "table \"" + schemaName + "\".\"" + name + "\" does not exist.");
  }

  private static String describe(Draft draft) {
    List<String> names = new ArrayList<>();
    draft.tables.keySet().forEach(name -> names.add("table " + name));
    draft.views.keySet().forEach(name -> names.add("view " + name));
    return String.join(", ", names);
  }

  private void checkOpen() {
    if (closed || committed) {
      throw new IllegalStateException("transaction is already committed or closed");
    }
  }
}
