package dev.warpsql.executor.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private Table table(String name, long value) {
    TableSchema schema = TableSchema.of(ColumnSchema.notNull("x", DataType.BIGINT));
    try (TableBuilder builder = new TableBuilder(name, schema, allocator, 10)) {
      builder.setLong(0, value);
      builder.endRow();
      return builder.build();
    }
  }

  @Test
  void newCatalogHasEmptyDefaultSchema() {
    try (Catalog catalog = new Catalog()) {
      CatalogSchema main = catalog.schema(Catalog.DEFAULT_SCHEMA);
      assertThat(main).isNotNull();
      assertThat(main.name()).isEqualTo("main");
      assertThat(main.tables()).isEmpty();
      assertThat(catalog.schemas()).containsExactly(main);
      assertThat(catalog.schema("other")).isNull();
    }
  }

  @Test
  void createSchemaRejectsTakenName() {
    try (Catalog catalog = new Catalog()) {
      CatalogSchema staging = catalog.createSchema("staging");
      assertThat(catalog.schema("staging")).isSameAs(staging);
      assertThat(catalog.schemas())
          .extracting(CatalogSchema::name)
          .containsExactly("main", "staging");
      assertThatThrownBy(() -> catalog.createSchema("staging"))
          .isInstanceOf(WarpException.class)
          .hasMessageContaining("\"staging\" already exists");
    }
  }

  @Test
  void addTableRejectsDuplicateName() {
    try (Catalog catalog = new Catalog()) {
      CatalogSchema main = catalog.schema(Catalog.DEFAULT_SCHEMA);
      Table first = table("t", 1);
      main.addTable(first);
      try (Table second = table("t", 2)) {
        assertThatThrownBy(() -> main.addTable(second))
            .isInstanceOf(WarpException.class)
            .hasMessageContaining("\"t\" already exists in schema \"main\"")
            .extracting(e -> ((WarpException) e).code())
            .isEqualTo(ErrorCode.DUPLICATE_TABLE);
      }
      assertThat(main.table("t")).isSameAs(first);
      assertThat(main.table("T")).isNull();
    }
  }

  @Test
  void dropTableFreesAfterLastReader() {
    try (Catalog catalog = new Catalog()) {
      CatalogSchema main = catalog.schema(Catalog.DEFAULT_SCHEMA);
      main.addTable(table("b", 1));
      main.addTable(table("a", 2));
      assertThat(main.tables()).extracting(Table::name).containsExactly("a", "b");
      CatalogTable entry = main.catalogTable("b");
      Table reader = entry.acquire();
      long before = allocator.getAllocatedMemory();

      assertThat(main.dropTable("b")).isTrue();
      assertThat(allocator.getAllocatedMemory()).isEqualTo(before);
      assertThat(reader.chunks().get(0).vector(0).getValueCount()).isEqualTo(1);
      reader.close();

      assertThat(allocator.getAllocatedMemory()).isLessThan(before);
      assertThat(main.dropTable("b")).isFalse();
      assertThat(main.tables()).extracting(Table::name).containsExactly("a");
      assertThatThrownBy(entry::acquire)
          .isInstanceOf(WarpException.class)
          .hasMessageContaining("was dropped");
    }
  }

  @Test
  void closeFreesEveryTable() {
    Catalog catalog = new Catalog();
    catalog.schema(Catalog.DEFAULT_SCHEMA).addTable(table("a", 1));
    catalog.createSchema("s").addTable(table("b", 2));
    assertThat(allocator.getAllocatedMemory()).isPositive();
    catalog.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
    assertThat(catalog.schema("s").tables()).isEmpty();
  }

  @Test
  void replaceTableKeepsReadersOnTheirVersion() {
    try (Catalog catalog = new Catalog()) {
      CatalogSchema main = catalog.schema(Catalog.DEFAULT_SCHEMA);
      main.addTable(table("t", 1));
      CatalogTable entry = main.catalogTable("t");
      Table first = entry.acquire();

      try (CatalogTransaction transaction = catalog.begin()) {
        transaction.replaceTable(entry, table("t", 2));
        transaction.commit();
      }

      assertThat(first.chunks().get(0).vector(0).getObject(0)).isEqualTo(1L);
      assertThat(entry.current().chunks().get(0).vector(0).getObject(0)).isEqualTo(2L);
      first.close();
    }
  }

  @Test
  void uncommittedTransactionChangesNothing() {
    try (Catalog catalog = new Catalog()) {
      long before = allocator.getAllocatedMemory();
      try (CatalogTransaction transaction = catalog.begin()) {
        transaction.createSchema("s");
        transaction.createTable("s", table("t", 1));
      }
      assertThat(catalog.schema("s")).isNull();
      assertThat(allocator.getAllocatedMemory()).isEqualTo(before);
    }
  }

  @Test
  void failedPersistLeavesCatalogUnchanged() {
    CatalogStore failing =
        new CatalogStore() {
          @Override
          public void persist(CatalogSnapshot snapshot) {
            throw new WarpException(ErrorCode.IO_ERROR, "disk full");
          }

          @Override
          public void close() {}
        };
    try (BufferAllocator tables = new RootAllocator();
        Catalog catalog = new Catalog(tables, failing)) {
      Table table = table("t", 1);
      assertThatThrownBy(() -> catalog.schema("main").addTable(table))
          .hasMessageContaining("disk full");
      assertThat(catalog.schema("main").table("t")).isNull();
      table.close();
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void snapshotListsCommittedState() {
    java.util.List<CatalogSnapshot> persisted = new java.util.ArrayList<>();
    CatalogStore recording =
        new CatalogStore() {
          @Override
          public void persist(CatalogSnapshot snapshot) {
            persisted.add(snapshot);
          }

          @Override
          public void close() {}
        };
    try (BufferAllocator tables = new RootAllocator();
        Catalog catalog = new Catalog(tables, recording)) {
      catalog.schema("main").addTable(table("t", 1));
      try (CatalogTransaction transaction = catalog.begin()) {
        transaction.createView(
            "main",
            new ViewDefinition(
                "v",
                "SELECT 1",
                java.util.List.of(),
                java.util.List.of(ColumnSchema.notNull("x", DataType.INTEGER))));
        transaction.commit();
      }
      assertThat(persisted).hasSize(2);
      CatalogSnapshot.SchemaSnapshot main = persisted.get(1).schemas().get(0);
      assertThat(main.name()).isEqualTo("main");
      assertThat(main.tables()).extracting(Table::name).containsExactly("t");
      assertThat(main.views()).extracting(ViewDefinition::name).containsExactly("v");
      try (Table clash = table("v", 1)) {
        assertThatThrownBy(() -> catalog.schema("main").addTable(clash))
            .hasMessageContaining("view \"v\" already exists");
      }
    }
  }

  @Test
  void dropSchemaRejectsNonEmptyAndDefault() {
    try (Catalog catalog = new Catalog()) {
      catalog.createSchema("s").addTable(table("t", 1));
      try (CatalogTransaction transaction = catalog.begin()) {
        assertThatThrownBy(() -> transaction.dropSchema("s"))
            .hasMessageContaining("not empty: it contains table t");
        assertThatThrownBy(() -> transaction.dropSchema("main"))
            .hasMessageContaining("default schema");
      }
      catalog.schema("s").dropTable("t");
      try (CatalogTransaction transaction = catalog.begin()) {
        transaction.dropSchema("s");
        transaction.commit();
      }
      assertThat(catalog.schema("s")).isNull();
    }
  }
}
