package dev.warpsql.driver;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogStore;
import dev.warpsql.executor.persist.FileCatalogStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A WarpSQL database: a catalog of tables, the Arrow allocator that owns their memory, and JDBC
 * connections to it.
 *
 * <p>{@code jdbc:warp:mem:NAME} connects to the named in-memory database of this JVM, creating it
 * on the first connection; it lives until {@link #close()} or the end of the JVM. {@code
 * jdbc:warp:mem:} creates a private database that closes with its connection. {@code
 * jdbc:warp:file:DIR} opens the database stored in a directory on the first connection of this JVM,
 * shares it among the JVM's connections, and closes it, releasing the directory for other
 * processes, when the last of them closes. Thread-safe.
 */
public final class WarpDatabase implements AutoCloseable {
  private static final ConcurrentMap<String, WarpDatabase> OPEN = new ConcurrentHashMap<>();
  private static final ConcurrentMap<String, WarpDatabase> NAMED = new ConcurrentHashMap<>();

  /** Open directory databases by absolute path; guards their connection counts too. */
  private static final Map<Path, WarpDatabase> FILES = new HashMap<>();

  private final String id;
  private final String name;
  private final Catalog catalog;
  private final BufferAllocator allocator;
  private final Path directory;

  /** Connections to a directory database; guarded by {@link #FILES}. */
  private int connections;

  private WarpDatabase(String name) {
    this.id = UUID.randomUUID().toString();
    this.name = name;
    this.directory = null;
    this.allocator = new RootAllocator();
    this.catalog = new Catalog(allocator, CatalogStore.IN_MEMORY);
    OPEN.put(id, this);
  }

  private WarpDatabase(Path directory) {
    this.id = UUID.randomUUID().toString();
    this.name = null;
    this.directory = directory;
    this.allocator = new RootAllocator();
    try {
      this.catalog = new Catalog(allocator, FileCatalogStore.open(directory, allocator));
    } catch (RuntimeException e) {
      allocator.close();
      throw e;
    }
    OPEN.put(id, this);
  }

  /**
   * Returns the database stored in a directory, opening it when no connection of this JVM has it
   * open, and counts one more connection to it. The caller calls {@link #releaseConnection} once.
   */
  public static WarpDatabase openDirectory(Path directory) {
    Path key = directoryKey(directory);
    synchronized (FILES) {
      WarpDatabase database = FILES.get(key);
      if (database == null) {
        database = new WarpDatabase(key);
        FILES.put(key, database);
      }
      database.connections++;
      return database;
    }
  }

  /**
   * Returns the path that identifies a directory within this JVM: its real path when it exists, so
   * that a symbolic link to an open directory finds the open database.
   */
  private static Path directoryKey(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    try {
      return java.nio.file.Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (java.io.IOException e) {
      return absolute;
    }
  }

  /** Counts one connection to a directory database less, and closes it after the last. */
  public void releaseConnection() {
    synchronized (FILES) {
      connections--;
      if (connections > 0) {
        return;
      }
      FILES.remove(directory, this);
    }
    close();
  }

  /** Returns a new private in-memory database. */
  public static WarpDatabase inMemory() {
    return new WarpDatabase((String) null);
  }

  /** Returns the named in-memory database of this JVM, creating it when absent. */
  public static WarpDatabase named(String name) {
    Objects.requireNonNull(name, "name");
    return NAMED.computeIfAbsent(name, WarpDatabase::new);
  }

  /** Returns the open database with the given id, or null. */
  static WarpDatabase byId(String id) {
    return id == null ? null : OPEN.get(id);
  }

  String id() {
    return id;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Returns the allocator that owns the memory of this database's tables. */
  public BufferAllocator allocator() {
    return allocator;
  }

  /**
   * Opens a JDBC connection to this database.
   *
   * @param info connection properties, as for {@code DriverManager.getConnection}
   */
  public Connection connect(Properties info) throws SQLException {
    return WarpDriver.INSTANCE.connect(this, info == null ? new Properties() : info, false);
  }

  /** Drops every table and frees their memory; connections to this database stop working. */
  @Override
  public synchronized void close() {
    if (OPEN.remove(id) == null) {
      return;
    }
    if (name != null) {
      NAMED.remove(name, this);
    }
    catalog.close();
    allocator.close();
  }
}
