package dev.warpsql.executor.write;

import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.pipeline.BatchChunk;
import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.List;

/** Builds new versions of a table that share the chunks of the current one. */
public final class TableVersions {
  /**
   * A last chunk below this many rows is rewritten together with appended rows, so that many small
   * inserts do not leave a table of tiny chunks. The bound caps what each insert copies.
   */
  static final int SMALL_CHUNK_ROWS = 4096;

  private TableVersions() {}

  /** Returns a version with the chunks of {@code base} followed by those of {@code added}. */
  static Table concat(Table base, List<Chunk> baseChunks, Table added) {
    return concat(base, baseChunks, added, List.of());
  }

  /**
   * Returns a version with the chunks of {@code base}, those of {@code added}, then the {@code
   * loaded} chunks of a file load, each retained.
   */
  static Table concat(Table base, List<Chunk> baseChunks, Table added, List<Chunk> loaded) {
    List<Chunk> chunks = new ArrayList<>(baseChunks.size() + added.chunks().size() + loaded.size());
    try {
      for (Chunk chunk : baseChunks) {
        chunks.add(chunk.retain());
      }
      for (Chunk chunk : added.chunks()) {
        chunks.add(chunk.retain());
      }
      for (Chunk chunk : loaded) {
        chunks.add(chunk.retain());
      }
      return new Table(base.name(), base.schema(), chunks, base.dictionaries());
    } catch (RuntimeException e) {
      chunks.forEach(Chunk::close);
      throw e;
    }
  }

  /** Returns a new table without rows, with a new dictionary for each VARCHAR column. */
  public static Table emptyTable(String name, TableSchema schema) {
    List<StringDictionary> dictionaries = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      dictionaries.add(schema.type(i).kind() == TypeKind.VARCHAR ? new StringDictionary() : null);
    }
    return new Table(name, schema, List.of(), dictionaries);
  }

  /** Returns an empty version of a table, which keeps its dictionaries. */
  public static Table empty(Table base) {
    return new Table(base.name(), base.schema(), List.of(), base.dictionaries());
  }

  /**
   * Returns the last chunk of a table when it is small enough to rewrite with appended rows, or
   * null.
   */
  static Chunk smallLastChunk(Table base) {
    List<Chunk> chunks = base.chunks();
    if (chunks.isEmpty()) {
      return null;
    }
    Chunk last = chunks.get(chunks.size() - 1);
    return last.rowCount() < SMALL_CHUNK_ROWS ? last : null;
  }

  /** Copies the rows of one chunk of {@code base} into a builder for a new version. */
  static void copyChunk(TableBuilder builder, Table base, Chunk chunk) {
    Batch whole = Batch.ofTable(base);
    Batch single =
        new Batch(
            whole.columns(),
            List.of(new BatchChunk(chunk.rowCount(), chunk.vectors(), null)),
            false);
    int[] fields = new int[base.schema().size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = i;
    }
    BatchRows.append(builder, single, fields, -1, true);
  }
}
