package dev.warpsql.executor.catalog;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schemas and tables of one database, shared by all of its connections.
 *
 * <p>Names are matched exactly. Callers fold unquoted SQL identifiers to lower case before they
 * create or look up a schema or table, and the loaders create lower-case names.
 *
 * <p>Thread-safe. The catalog owns every table added to it and frees them all on {@link #close}.
 */
public final class Catalog implements AutoCloseable {
  /** Name of the schema that every catalog starts with. */
  public static final String DEFAULT_SCHEMA = "main";

  private final ConcurrentHashMap<String, CatalogSchema> schemas = new ConcurrentHashMap<>();

  /** Creates a catalog that contains only the empty schema {@link #DEFAULT_SCHEMA}. */
  public Catalog() {
    createSchema(DEFAULT_SCHEMA);
  }

  /** Returns the schema with this name, or null if there is none. */
  public CatalogSchema schema(String name) {
    return schemas.get(Objects.requireNonNull(name, "name"));
  }

  /** Creates an empty schema, or raises a WarpException if the name is taken. */
  public CatalogSchema createSchema(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("schema name must not be empty");
    }
    CatalogSchema schema = new CatalogSchema(name);
    if (schemas.putIfAbsent(name, schema) != null) {
      throw new WarpException(
          ErrorCode.VALIDATION_ERROR,
          "schema \"" + name + "\" already exists. Choose another name.");
    }
    return schema;
  }

  /** Returns a snapshot of the schemas, ordered by name. */
  public Collection<CatalogSchema> schemas() {
    List<CatalogSchema> snapshot = new ArrayList<>(schemas.values());
    snapshot.sort(Comparator.comparing(CatalogSchema::name));
    return snapshot;
  }

  /** Frees every table of every schema and leaves the schemas empty. */
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
    if (failure != null) {
      throw failure;
    }
  }
}
