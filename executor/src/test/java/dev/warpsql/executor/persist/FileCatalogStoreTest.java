package dev.warpsql.executor.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.catalog.CatalogTransaction;
import dev.warpsql.executor.catalog.ViewDefinition;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCatalogStoreTest {
  private static final TableSchema SCHEMA =
      TableSchema.of(
          ColumnSchema.notNull("id", DataType.BIGINT),
          ColumnSchema.nullable("name", DataType.varchar(8)),
          ColumnSchema.nullable("price", DataType.decimal(10, 2)),
          ColumnSchema.nullable("ok", DataType.BOOLEAN));

  @TempDir Path directory;
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private Catalog open() {
    return new Catalog(allocator, FileCatalogStore.open(directory, allocator));
  }

  private Table rows(String name, int from, int count, Table base) {
    TableBuilder builder =
        base == null
            ? new TableBuilder(name, SCHEMA, allocator, 3)
            : new TableBuilder(name, SCHEMA, base.dictionaries(), allocator, 3);
    try (builder) {
      for (int i = from; i < from + count; i++) {
        builder.setLong(0, i);
        if (i % 4 == 0) {
          builder.setNull(1);
        } else {
          builder.setString(1, "n" + (i % 5));
        }
        builder.setLong(2, i * 125L);
        builder.setBoolean(3, i % 2 == 0);
        builder.endRow();
      }
      return builder.build();
    }
  }

  private static List<String> contents(Table table) {
    List<String> rows = new ArrayList<>();
    for (Chunk chunk : table.chunks()) {
      for (int row = 0; row < chunk.rowCount(); row++) {
        int code = chunk.vector(1).isNull(row) ? -1 : (Integer) chunk.vector(1).getObject(row);
        rows.add(
            chunk.vector(0).getObject(row)
                + "|"
                + (code < 0 ? "null" : table.dictionary(1).value(code))
                + "|"
                + chunk.vector(2).getObject(row)
                + "|"
                + chunk.vector(3).getObject(row));
      }
    }
    return rows;
  }

  @Test
  void committedTablesAndViewsSurviveReopen() {
    List<String> expected;
    try (Catalog catalog = open()) {
      catalog.schema("main").addTable(rows("t", 0, 10, null));
      CatalogSchema sales = catalog.createSchema("sales");
      try (CatalogTransaction transaction = catalog.begin()) {
        transaction.createView(
            "sales",
            new ViewDefinition(
                "v",
                "SELECT 1",
                List.of("main"),
                List.of(ColumnSchema.notNull("x", DataType.INTEGER))));
        transaction.commit();
      }
      assertThat(sales.views()).hasSize(1);
      expected = contents(catalog.schema("main").table("t"));
    }

    try (Catalog reopened = open()) {
      assertThat(contents(reopened.schema("main").table("t"))).isEqualTo(expected);
      assertThat(reopened.schema("main").table("t").schema()).isEqualTo(SCHEMA);
      assertThat(reopened.schema("sales").view("v").sql()).isEqualTo("SELECT 1");
    }
  }

  @Test
  void newVersionKeepsOldChunksAndAddsNewOnes() throws IOException {
    try (Catalog catalog = open()) {
      catalog.schema("main").addTable(rows("t", 0, 6, null));
      long filesBefore = dataFiles().size();
      CatalogTable entry = catalog.schema("main").catalogTable("t");
      try (CatalogTransaction transaction = catalog.begin()) {
        Table base = entry.currentForWrite();
        try (Table added = rows("t", 6, 3, base)) {
          List<Chunk> chunks = new ArrayList<>();
          base.chunks().forEach(chunk -> chunks.add(chunk.retain()));
          added.chunks().forEach(chunk -> chunks.add(chunk.retain()));
          transaction.replaceTable(entry, new Table("t", SCHEMA, chunks, base.dictionaries()));
        }
        transaction.commit();
      }
      // The old chunks stay and one new chunk joins them; the dictionary did not grow.
      assertThat(dataFiles()).hasSize((int) filesBefore + 1);
    }
    try (Catalog reopened = open()) {
      assertThat(reopened.schema("main").table("t").rowCount()).isEqualTo(9);
    }
  }

  @Test
  void droppedTableFilesAreDeleted() throws IOException {
    try (Catalog catalog = open()) {
      catalog.schema("main").addTable(rows("t", 0, 6, null));
      assertThat(dataFiles()).isNotEmpty();
      catalog.schema("main").dropTable("t");
      assertThat(dataFiles()).isEmpty();
    }
    try (Catalog reopened = open()) {
      assertThat(reopened.schema("main").table("t")).isNull();
    }
  }

  @Test
  void openRemovesLeftoversOfInterruptedCommit() throws IOException {
    try (Catalog catalog = open()) {
      catalog.schema("main").addTable(rows("t", 0, 4, null));
    }
    List<Path> committedFiles = dataFiles();
    String leftover = DirectoryLayout.newDataFileName("chunk");
    Files.writeString(directory.resolve("data").resolve(leftover), "partial");
    Files.writeString(directory.resolve(DirectoryLayout.MANIFEST_TEMP), "{\"format\":");

    try (Catalog reopened = open()) {
      assertThat(reopened.schema("main").table("t").rowCount()).isEqualTo(4);
    }
    assertThat(dataFiles()).containsExactlyInAnyOrderElementsOf(committedFiles);
    assertThat(directory.resolve(DirectoryLayout.MANIFEST_TEMP)).doesNotExist();
  }

  @Test
  void directoryWithFilesButNoManifestIsRejected() throws IOException {
    Path foreign = Files.createDirectories(directory.resolve("project").resolve("data"));
    Path keep = Files.writeString(foreign.resolve("customers.csv"), "id,name\n");

    assertThatThrownBy(() -> FileCatalogStore.open(directory.resolve("project"), allocator).close())
        .isInstanceOf(WarpException.class)
        .hasMessageContaining("is not a WarpSQL database");
    assertThat(keep).exists();
  }

  @Test
  void newDirectoryGetsManifestBeforeAnyData() throws IOException {
    Path fresh = directory.resolve("fresh");
    try (FileCatalogStore store = FileCatalogStore.open(fresh, allocator)) {
      assertThat(fresh.resolve(DirectoryLayout.MANIFEST)).isRegularFile();
      assertThat(fresh.resolve(DirectoryLayout.MANIFEST_TEMP)).doesNotExist();
      try (Stream<Path> files = Files.list(fresh.resolve("data"))) {
        assertThat(files).isEmpty();
      }
    }
  }

  /** The state of a crash after the directory was created but before its first manifest. */
  @Test
  void crashBeforeFirstManifestOpensEmpty() throws IOException {
    Files.createDirectories(directory.resolve("data"));
    Files.writeString(directory.resolve(DirectoryLayout.LOCK), "");
    Files.writeString(directory.resolve(DirectoryLayout.MANIFEST_TEMP), "{\"form");

    try (Catalog catalog = open()) {
      assertThat(catalog.schema("main").tables()).isEmpty();
    }
    assertThat(directory.resolve(DirectoryLayout.MANIFEST)).isRegularFile();
    assertThat(directory.resolve(DirectoryLayout.MANIFEST_TEMP)).doesNotExist();
  }

  /**
   * Data files without a manifest: a manifest deleted by hand, or a crash in the first commit of a
   * version that wrote no manifest before its data files. The store cannot tell which files hold
   * committed rows, so it rejects the directory and deletes nothing.
   */
  @Test
  void dataFilesWithoutManifestAreRejectedAndKept() throws IOException {
    try (Catalog catalog = open()) {
      catalog.schema("main").addTable(rows("t", 0, 4, null));
    }
    Files.delete(directory.resolve(DirectoryLayout.MANIFEST));
    List<Path> before = dataFiles();
    assertThat(before).isNotEmpty();

    assertThatThrownBy(this::open)
        .isInstanceOf(WarpException.class)
        .hasMessageContaining("data files but no manifest.json")
        .hasMessageContaining("delete its data folder");
    assertThat(dataFiles()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(directory.resolve(DirectoryLayout.MANIFEST)).doesNotExist();
  }

  /**
   * A directory without a manifest, with leftovers of a first commit beside one foreign entry, for
   * each kind of foreign entry: it is rejected, and every file in it stays.
   */
  @Test
  void foreignFileBesideFirstCommitLeftoversIsRejected() throws IOException {
    // Each foreign file, and the entry that the error lists for it.
    Map<String, String> foreignEntries =
        Map.of(
            "data/notes.txt", "data/notes.txt",
            "data/chunk-1.arrow", "data/chunk-1.arrow",
            "readme.txt", "readme.txt",
            "data/data/x.arrow", "data/data");
    int project = 0;
    for (Map.Entry<String, String> foreignEntry : foreignEntries.entrySet()) {
      String file = foreignEntry.getKey();
      Path root = directory.resolve("project-" + project++);
      Path data = Files.createDirectories(root.resolve("data"));
      Path leftover = data.resolve(DirectoryLayout.newDataFileName("dictionary"));
      Files.writeString(leftover, "partial");
      Path temp = Files.writeString(root.resolve(DirectoryLayout.MANIFEST_TEMP), "{");
      Path foreign = root.resolve(file);
      Files.createDirectories(foreign.getParent());
      Files.writeString(foreign, "mine");

      assertThatThrownBy(() -> FileCatalogStore.open(root, allocator).close())
          .as(file)
          .isInstanceOf(WarpException.class)
          .hasMessageContaining("is not a WarpSQL database")
          .hasMessageContaining("[" + foreignEntry.getValue() + "]");
      assertThat(foreign).as(file).exists();
      assertThat(leftover).as(file).exists();
      assertThat(temp).as(file).exists();
      assertThat(root.resolve(DirectoryLayout.LOCK)).as(file).doesNotExist();
      assertThat(root.resolve(DirectoryLayout.MANIFEST)).as(file).doesNotExist();
    }
  }

  @Test
  void unknownFilesInDataAreKept() throws IOException {
    try (Catalog catalog = open()) {
      catalog.schema("main").addTable(rows("t", 0, 4, null));
    }
    Path notes = Files.writeString(directory.resolve("data").resolve("notes.txt"), "mine");
    Path chunkLike = Files.writeString(directory.resolve("data").resolve("chunk-1.arrow"), "mine");
    try (Catalog reopened = open()) {
      reopened.schema("main").dropTable("t");
    }
    assertThat(notes).exists();
    assertThat(chunkLike).exists();
  }

  @Test
  void secondOpenOfDirectoryIsRejected() {
    try (Catalog catalog = open()) {
      assertThatThrownBy(() -> FileCatalogStore.open(directory, allocator))
          .isInstanceOf(WarpException.class)
          .hasMessageContaining("is open in another process")
          .extracting(e -> ((WarpException) e).code())
          .isEqualTo(ErrorCode.LOCK_NOT_AVAILABLE);
    }
    try (FileCatalogStore store = FileCatalogStore.open(directory, allocator)) {
      assertThat(store.directory()).isEqualTo(directory.toAbsolutePath().normalize());
    }
  }

  @Test
  void damagedManifestFailsToOpen() throws IOException {
    try (Catalog catalog = open()) {
      catalog.schema("main").addTable(rows("t", 0, 4, null));
    }
    Files.writeString(directory.resolve(DirectoryLayout.MANIFEST), "{\"format\": 1}");
    assertThatThrownBy(this::open)
        .isInstanceOf(WarpException.class)
        .hasMessageContaining("damaged manifest.json")
        .hasMessageContaining("schemas");
    assertThatThrownBy(() -> FileCatalogStore.open(directory, allocator).close())
        .isInstanceOf(WarpException.class)
        .extracting(e -> ((WarpException) e).code())
        .isEqualTo(ErrorCode.IO_ERROR);
  }

  private List<Path> dataFiles() throws IOException {
    try (Stream<Path> files = Files.list(directory.resolve("data"))) {
      return files.toList();
    }
  }
}
