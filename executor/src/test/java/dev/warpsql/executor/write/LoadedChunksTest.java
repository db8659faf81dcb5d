package dev.warpsql.executor.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadedChunksTest {
  private static final TableSchema SCHEMA =
      new TableSchema(
          List.of(
              ColumnSchema.notNull("id", DataType.BIGINT),
              ColumnSchema.nullable("name", DataType.varchar(8))));

  private static final int[] IN_ORDER = {0, 1};

  private BufferAllocator allocator;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    allocator.close();
  }

  @Test
  void chunksLoadedForTargetAreKept() {
    Table base = table(SCHEMA, null, allocator);
    Table loaded = table(SCHEMA, base.dictionaries(), allocator);

    List<?> kept = LoadedChunks.adoptable(Batch.ofLoadedTable(loaded), IN_ORDER, base, allocator);

    assertThat(kept).isEqualTo(loaded.chunks());
  }

  @Test
  void chunksOfStoredTableAreCopied() {
    Table base = table(SCHEMA, null, allocator);
    Table other = table(SCHEMA, base.dictionaries(), allocator);

    assertThat(LoadedChunks.adoptable(Batch.ofTable(other), IN_ORDER, base, allocator)).isNull();
  }

  @Test
  void otherDictionaryIsCopied() {
    Table base = table(SCHEMA, null, allocator);
    Table loaded = table(SCHEMA, null, allocator);

    assertThat(LoadedChunks.adoptable(Batch.ofLoadedTable(loaded), IN_ORDER, base, allocator))
        .isNull();
  }

  @Test
  void otherAllocatorIsCopied() {
    Table base = table(SCHEMA, null, allocator);

    try (BufferAllocator child = allocator.newChildAllocator("query", 0, Long.MAX_VALUE);
        Table loaded = build(SCHEMA, base.dictionaries(), child)) {
      assertThat(LoadedChunks.adoptable(Batch.ofLoadedTable(loaded), IN_ORDER, base, allocator))
          .isNull();
    }
  }

  @Test
  void otherColumnsAreCopied() {
    Table base = table(SCHEMA, null, allocator);
    TableSchema nullableId =
        new TableSchema(
            List.of(
                ColumnSchema.nullable("id", DataType.BIGINT),
                ColumnSchema.nullable("name", DataType.varchar(8))));
    Table loaded = table(nullableId, base.dictionaries(), allocator);
    Table same = table(SCHEMA, base.dictionaries(), allocator);

    assertThat(LoadedChunks.adoptable(Batch.ofLoadedTable(loaded), IN_ORDER, base, allocator))
        .isNull();
    assertThat(LoadedChunks.adoptable(Batch.ofLoadedTable(same), new int[] {1, 0}, base, allocator))
        .isNull();
  }

  /** Returns a table of three rows in two chunks, closed after the test. */
  private Table table(
      TableSchema schema, List<StringDictionary> dictionaries, BufferAllocator memory) {
    Table table = build(schema, dictionaries, memory);
    open.add(table);
    return table;
  }

  private static Table build(
      TableSchema schema, List<StringDictionary> dictionaries, BufferAllocator memory) {
    try (TableBuilder builder = new TableBuilder("t", schema, dictionaries, memory, 2)) {
      for (int row = 0; row < 3; row++) {
        builder.setLong(0, row);
        builder.setString(1, "n" + row);
        builder.endRow();
      }
      return builder.build();
    }
  }
}
