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
  void dropTableHandsOwnershipBack() {
    try (Catalog catalog = new Catalog()) {
      CatalogSchema main = catalog.schema(Catalog.DEFAULT_SCHEMA);
      Table table = table("b", 1);
      main.addTable(table);
      main.addTable(table("a", 2));
      assertThat(main.tables()).extracting(Table::name).containsExactly("a", "b");
      try (Table dropped = main.dropTable("b")) {
        assertThat(dropped).isSameAs(table);
      }
      assertThat(main.dropTable("b")).isNull();
      assertThat(main.tables()).extracting(Table::name).containsExactly("a");
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
}
