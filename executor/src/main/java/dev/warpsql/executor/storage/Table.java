package dev.warpsql.executor.storage;

import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.util.AutoCloseables;

/**
 * Immutable in-memory table: a schema, a list of {@link Chunk}s and one {@link StringDictionary}
 * per VARCHAR column, shared by all chunks.
 *
 * <p>A table is one version of a table's contents. It holds one reference to each of its chunks and
 * is itself reference counted: the creator holds the first reference, {@link #tryRetain} adds one
 * for a reader, and {@link #close} releases one and releases the chunks with the last. Readers may
 * use it from any number of threads.
 */
public final class Table implements AutoCloseable {
  private final String name;
  private final TableSchema schema;
  private final List<Chunk> chunks;
  private final List<StringDictionary> dictionaries;
  private final long rowCount;
  private final AtomicInteger references = new AtomicInteger(1);

  /**
   * Creates a table that takes over one reference to each chunk. {@code dictionaries} has one entry
   * per column: the dictionary of a VARCHAR column and null for every other column.
   */
  public Table(
      String name, TableSchema schema, List<Chunk> chunks, List<StringDictionary> dictionaries) {
    this.name = Objects.requireNonNull(name, "name");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.chunks = List.copyOf(Objects.requireNonNull(chunks, "chunks"));
    Objects.requireNonNull(dictionaries, "dictionaries");
    if (dictionaries.size() != schema.size()) {
      throw new IllegalArgumentException(
          "expected " + schema.size() + " dictionary entries, got " + dictionaries.size());
    }
    for (int i = 0; i < schema.size(); i++) {
      boolean isVarchar = schema.type(i).kind() == TypeKind.VARCHAR;
      if (isVarchar != (dictionaries.get(i) != null)) {
        throw new IllegalArgumentException(
            "column "
                + schema.column(i).name()
                + " of type "
                + schema.type(i)
                + (isVarchar ? " needs a dictionary" : " must not have a dictionary"));
      }
    }
    this.dictionaries = new ArrayList<>(dictionaries);
    long rows = 0;
    for (Chunk chunk : this.chunks) {
      if (chunk.vectors().size() != schema.size()) {
        throw new IllegalArgumentException(
            "chunk has " + chunk.vectors().size() + " columns, schema has " + schema.size());
      }
      rows += chunk.rowCount();
    }
    this.rowCount = rows;
  }

  public String name() {
    return name;
  }

  public TableSchema schema() {
    return schema;
  }

  /** Returns the chunks in row order, as an unmodifiable list owned by the table. */
  public List<Chunk> chunks() {
    return chunks;
  }

  public long rowCount() {
    return rowCount;
  }

  /** Returns the dictionary of a VARCHAR column, or null for a column of any other type. */
  public StringDictionary dictionary(int column) {
    return dictionaries.get(column);
  }

  /** Returns the dictionaries, one per column, null for every column that is not VARCHAR. */
  public List<StringDictionary> dictionaries() {
    return Collections.unmodifiableList(dictionaries);
  }

  /**
   * Adds a reference unless the table was already freed, and returns whether it did. A caller that
   * gets true releases the reference with {@link #close}.
   */
  public boolean tryRetain() {
    while (true) {
      int current = references.get();
      if (current <= 0) {
        return false;
      }
      if (references.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  /** Releases one reference and releases every chunk with the last. */
  @Override
  public void close() {
    int remaining = references.decrementAndGet();
    if (remaining > 0) {
      return;
    }
    if (remaining < 0) {
      throw new IllegalStateException("table " + name + " was closed more often than retained");
    }
    try {
      AutoCloseables.close(chunks);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("failed to free the chunks of table " + name, e);
    }
  }

  @Override
  public String toString() {
    return "Table[" + name + ", " + rowCount + " rows, " + chunks.size() + " chunks]";
  }
}
