package dev.warpsql.driver;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * An in-memory WarpSQL database: a catalog of tables, the Arrow allocator that owns their memory,
 * and JDBC connections to it.
 *
 * <p>{@code jdbc:warp:mem:NAME} connects to the named database of this JVM, creating it on the
 * first connection; it lives until {@link #close()} or the end of the JVM. {@code jdbc:warp:mem:}
 * creates a private database that closes with its connection. Thread-safe.
 */
public final class WarpDatabase implements AutoCloseable {
  private static final ConcurrentMap<String, WarpDatabase> OPEN = new ConcurrentHashMap<>();
  private static final ConcurrentMap<String, WarpDatabase> NAMED = new ConcurrentHashMap<>();

  private final String id;
  private final String name;
  private final Catalog catalog;
  private final BufferAllocator allocator;

  private WarpDatabase(String name) {
    this.id = UUID.randomUUID().toString();
    this.name = name;
    this.allocator = new RootAllocator();
    this.catalog = new Catalog(allocator, CatalogStore.IN_MEMORY);
    OPEN.put(id, this);
  }

  /** Returns a new private in-memory database. */
  public static WarpDatabase inMemory() {
    return new WarpDatabase(null);
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
