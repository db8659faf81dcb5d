package dev.warpsql.planner.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.planner.prepare.PlanAssumptions.TableSize;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanAssumptionsTest {
  private Catalog catalog;
  private CatalogSchema main;

  @BeforeEach
  void createCatalog() {
    catalog = new Catalog();
    main = catalog.schema(Catalog.DEFAULT_SCHEMA);
  }

  @AfterEach
  void closeCatalog() {
    catalog.close();
  }

  private CatalogTable table(String name, int rows) {
    TableSchema schema = TableSchema.of(ColumnSchema.notNull("x", DataType.BIGINT));
    try (TableBuilder builder = new TableBuilder(name, schema, catalog.allocator())) {
      for (int row = 0; row < rows; row++) {
        builder.setLong(0, row);
        builder.endRow();
      }
      main.addTable(builder.build());
    }
    return main.catalogTable(name);
  }

  private boolean holdFor(CatalogTable table, long plannedRows) {
    long version = catalog.definitionVersion();
    return new PlanAssumptions(version, List.of(new TableSize(table, plannedRows))).hold(version);
  }

  @Test
  void holdWithinTwicePlannedSize() {
    CatalogTable table = table("t", 5000);

    assertThat(holdFor(table, 5000)).isTrue();
    assertThat(holdFor(table, 2500)).isTrue();
    assertThat(holdFor(table, 10000)).isTrue();
    assertThat(holdFor(table, 2499)).isFalse();
    assertThat(holdFor(table, 10001)).isFalse();
  }

  @Test
  void smallTablesCountAs1024Rows() {
    CatalogTable table = table("t", 3);

    assertThat(holdFor(table, 0)).isTrue();
    assertThat(holdFor(table, 2048)).isTrue();
    assertThat(holdFor(table, 2049)).isFalse();
  }

  @Test
  void failAfterCreateOrDrop() {
    CatalogTable table = table("t", 10);
    long version = catalog.definitionVersion();
    PlanAssumptions assumptions = new PlanAssumptions(version, List.of(new TableSize(table, 10)));
    assertThat(assumptions.hold(version)).isTrue();

    table("other", 1);
    assertThat(catalog.definitionVersion()).isGreaterThan(version);
    assertThat(assumptions.hold(catalog.definitionVersion())).isFalse();

    long later = catalog.definitionVersion();
    PlanAssumptions again = new PlanAssumptions(later, List.of(new TableSize(table, 10)));
    main.dropTable("t");
    assertThat(again.hold(later)).isFalse();
  }
}
