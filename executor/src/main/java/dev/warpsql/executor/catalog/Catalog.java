package dev.warpsql.executor.catalog;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.load.FileAccess;
import dev.warpsql.executor.storage.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Schemas, tables and views of one database, shared by all of its connections.
 *
 * <p>Names are matched exactly. Callers fold unquoted SQL identifiers to lower case before they
 * create or look up a schema or table, and the loaders create lower-case names.
 *
 * <p>Every change runs in a {@link CatalogTransaction}, one at a time: {@link #begin} takes the
 * catalog's write lock, which the transaction holds until it closes. Readers take no lock. The
 * catalog's {@link CatalogStore} makes each commit durable before the change becomes visible.
 *
 * <p>Thread-safe. The catalog holds a reference to the current version of every table and releases
 * them all on {@link #close}.
 */
public final class Catalog implements AutoCloseable {
  /** Name of the schema that every catalog starts with. */
  public static final String DEFAULT_SCHEMA = "main";

  private final ConcurrentHashMap<String, CatalogSchema> schemas = new ConcurrentHashMap<>();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BufferAllocator allocator;
  private final boolean ownsAllocator;
  private final CatalogStore store;
  private volatile FileAccess fileAccess = FileAccess.NONE;
  private final java.util.concurrent.atomic.AtomicLong schemaVersion =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong definitionVersion =
      new java.util.concurrent.atomic.AtomicLong();

  /** Creates an in-memory catalog with its own allocator and the empty schema "main". */
  public Catalog() {
    this(new RootAllocator(), true, CatalogStore.IN_MEMORY);
  }

  /**
   * Creates a catalog whose tables' memory comes from the given allocator, which the caller keeps
   * owning, and whose commits go to the store.
   */
  public Catalog(BufferAllocator allocator, CatalogStore store) {
    this(allocator, false, store);
  }

  private Catalog(BufferAllocator allocator, boolean ownsAllocator, CatalogStore store) {
    this.allocator = Objects.requireNonNull(allocator, "allocator");
    this.ownsAllocator = ownsAllocator;
    this.store = Objects.requireNonNull(store, "store");
    schemas.put(DEFAULT_SCHEMA, new CatalogSchema(this, DEFAULT_SCHEMA));
    restore(store.load(allocator));
  }

  /** Publishes the committed state that the store loaded, taking over its tables. */
  private void restore(CatalogSnapshot committed) {
    for (CatalogSnapshot.SchemaSnapshot loaded : committed.schemas()) {
      CatalogSchema schema =
          schemas.computeIfAbsent(loaded.name(), name -> new CatalogSchema(this, name));
      for (Table table : loaded.tables()) {
        schema.publishTable(new CatalogTable(this, loaded.name(), table));
      }
      for (ViewDefinition view : loaded.views()) {
        schema.publishView(view);
      }
    }
  }

  /** Returns the allocator for the memory of tables that statements create or change. */
  public BufferAllocator allocator() {
    return allocator;
  }

  /** Returns the directories whose files statements on this database may read. */
  public FileAccess fileAccess() {
    return fileAccess;
  }

  /** Sets the directories whose files statements may read; {@link FileAccess#NONE} for none. */
  public void setFileAccess(FileAccess access) {
    this.fileAccess = Objects.requireNonNull(access, "access");
  }

  /** Returns the schema with this name, or null if there is none. */
  public CatalogSchema schema(String name) {
    return schemas.get(Objects.requireNonNull(name, "name"));
  }

  /** Creates an empty schema in a transaction of its own and returns it. */
  public CatalogSchema createSchema(String name) {
    try (CatalogTransaction transaction = begin()) {
      transaction.createSchema(name);
      transaction.commit();
    }
    return schema(name);
  }

  /** Returns a snapshot of the schemas, ordered by name. */
  public Collection<CatalogSchema> schemas() {
    List<CatalogSchema> snapshot = new ArrayList<>(schemas.values());
    snapshot.sort(Comparator.comparing(CatalogSchema::name));
    return snapshot;
  }

  /**
   * Starts a transaction, waiting for the one in progress to close. The caller must close it, in
   * the thread that began it.
   */
  public CatalogTransaction begin() {
    writeLock.lock();
    return new CatalogTransaction(this);
  }

  CatalogStore store() {
    return store;
  }

  /** Returns whether the calling thread holds the write lock, inside a transaction. */
  public boolean holdsWriteLock() {
    return writeLock.isHeldByCurrentThread();
  }

  void releaseWriteLock() {
    writeLock.unlock();
  }

  CatalogSchema newSchema(String name) {
    if (name.isEmpty()) {
      throw new WarpException(ErrorCode.VALIDATION_ERROR, "schema name must not be empty");
    }
    return new CatalogSchema(this, name);
  }

  void publishSchema(CatalogSchema schema) {
    schemas.put(schema.name(), schema);
    schemaVersion.incrementAndGet();
    definitionChanged();
  }

  void unpublishSchema(String name) {
    schemas.remove(name);
    schemaVersion.incrementAndGet();
    definitionChanged();
  }

  void definitionChanged() {
    definitionVersion.incrementAndGet();
  }

  /**
   * Returns a number that changes whenever a schema is created or dropped, so that a connection can
   * tell cheaply whether its view of the schemas is out of date.
   */
  public long schemaVersion() {
    return schemaVersion.get();
  }

  /**
   * Returns a number that changes whenever a schema, table or view is created or dropped, so that a
   * cached plan can tell whether the names it resolved may now mean something else. Changes of a
   * table's rows leave it as it is.
   */
  public long definitionVersion() {
    return definitionVersion.get();
  }

  /** Releases every table of every schema, closes the store, and leaves the schemas empty. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (CatalogSchema schema : schemas.values()) {
      try {
        schema.closeTables();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    try {
      store.close();
      if (ownsAllocator) {
        allocator.close();
      }
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
