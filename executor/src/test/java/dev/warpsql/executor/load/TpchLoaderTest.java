package dev.warpsql.executor.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableContents;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import io.trino.tpch.GenerateUtils;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.PartSupplierGenerator;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchTable;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TpchLoaderTest {
  private static final double SCALE_FACTOR = 0.01;

  private static BufferAllocator allocator;
  private static Catalog catalog;
  private static CatalogSchema schema;
  private static List<Table> loaded;

  @BeforeAll
  static void loadTpch() {
    allocator = new RootAllocator();
    catalog = new Catalog();
    schema = catalog.schema(Catalog.DEFAULT_SCHEMA);
    loaded = TpchLoader.load(schema, SCALE_FACTOR, allocator, 4096);
  }

  @AfterAll
  static void closeAll() {
    catalog.close();
    allocator.close();
  }

  @Test
  void rowCountsMatchSpecification() {
    Map<String, Long> expected =
        Map.of(
            "lineitem", 60_175L,
            "orders", 15_000L,
            "customer", 1_500L,
            "part", 2_000L,
            "partsupp", 8_000L,
            "supplier", 100L,
            "nation", 25L,
            "region", 5L);
    assertThat(loaded).hasSize(8);
    for (Map.Entry<String, Long> entry : expected.entrySet()) {
      Table table = schema.table(entry.getKey());
      assertThat(table).as(entry.getKey()).isNotNull();
      assertThat(table.rowCount()).as(entry.getKey()).isEqualTo(entry.getValue());
    }
    assertThat(schema.table("lineitem").chunks()).hasSize(15);
  }

  @Test
  void columnsMatchGeneratorNamesAndLengths() {
    for (TpchTable<?> generator : TpchTable.getTables()) {
      Table table = schema.table(generator.getTableName());
      List<? extends TpchColumn<?>> columns = generator.getColumns();
      assertThat(table.schema().size()).isEqualTo(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        ColumnSchema column = table.schema().column(i);
        TpchColumnType generatorType = columns.get(i).getType();
        assertThat(column.name()).isEqualTo(columns.get(i).getColumnName());
        assertThat(column.nullable()).as(column.name()).isFalse();
        if (generatorType.getBase() == TpchColumnType.Base.VARCHAR) {
          assertThat(column.type())
              .as(column.name())
              .isEqualTo(DataType.varchar(generatorType.getPrecision().orElseThrow().intValue()));
        }
        if (generatorType.getBase() == TpchColumnType.Base.IDENTIFIER) {
          assertThat(column.type()).as(column.name()).isEqualTo(DataType.BIGINT);
        }
        if (generatorType.getBase() == TpchColumnType.Base.DOUBLE) {
          assertThat(column.type()).as(column.name()).isEqualTo(DataType.decimal(15, 2));
        }
        if (generatorType.getBase() == TpchColumnType.Base.DATE) {
          assertThat(column.type()).as(column.name()).isEqualTo(DataType.DATE);
        }
      }
    }
    assertType(schema.table("lineitem"), "l_linenumber", DataType.INTEGER);
    assertType(schema.table("part"), "p_size", DataType.INTEGER);
    assertType(schema.table("partsupp"), "ps_availqty", DataType.INTEGER);
    assertType(schema.table("orders"), "o_shippriority", DataType.INTEGER);
    assertType(schema.table("lineitem"), "l_returnflag", DataType.varchar(1));
    assertType(schema.table("customer"), "c_mktsegment", DataType.varchar(10));
    assertType(schema.table("lineitem"), "l_comment", DataType.varchar(44));
  }

  @Test
  void firstLineItemMatchesGenerator() {
    Table table = schema.table("lineitem");
    LineItem expected = new LineItemGenerator(SCALE_FACTOR, 1, 1).iterator().next();
    Object[] row = new Object[16];
    for (int column = 0; column < row.length; column++) {
      row[column] = TableContents.value(table, column, 0);
    }
    assertThat(row)
        .containsExactly(
            expected.getOrderKey(),
            expected.getPartKey(),
            expected.getSupplierKey(),
            (long) expected.getLineNumber(),
            expected.getQuantity() * 100,
            expected.getExtendedPriceInCents(),
            expected.getDiscountPercent(),
            expected.getTaxPercent(),
            expected.getReturnFlag(),
            expected.getStatus(),
            (long) expected.getShipDate(),
            (long) expected.getCommitDate(),
            (long) expected.getReceiptDate(),
            expected.getShipInstructions(),
            expected.getShipMode(),
            expected.getComment());
    // The same row as dbgen prints it: 1|1552|93|1|17|24710.35|0.04|0.02|N|O|1996-03-13|...
    assertThat(row[0]).isEqualTo(1L);
    assertThat(row[1]).isEqualTo(1552L);
    assertThat(row[4]).isEqualTo(1700L);
    assertThat(row[5]).isEqualTo(2_471_035L);
    assertThat(row[6]).isEqualTo(4L);
    assertThat(row[7]).isEqualTo(2L);
    assertThat(LocalDate.ofEpochDay((Long) row[10])).isEqualTo(LocalDate.of(1996, 3, 13));
  }

  @Test
  void datesAreDaysSinceEpoch() {
    Table orders = schema.table("orders");
    int dateColumn = orders.schema().columnIndex("o_orderdate");
    Iterator<Order> generated = new OrderGenerator(SCALE_FACTOR, 1, 1).iterator();
    for (long row = 0; row < 100; row++) {
      Order order = generated.next();
      LocalDate expected = LocalDate.parse(GenerateUtils.formatDate(order.getOrderDate()));
      assertThat(TableContents.value(orders, dateColumn, row)).isEqualTo(expected.toEpochDay());
    }
  }

  @Test
  void decimalsAreExactCents() {
    Table lineItem = schema.table("lineitem");
    List<Object> prices = TableContents.column(lineItem, 5);
    List<Object> discounts = TableContents.column(lineItem, 6);
    int row = 0;
    for (LineItem item : new LineItemGenerator(SCALE_FACTOR, 1, 1)) {
      assertThat(prices.get(row)).isEqualTo(Math.round(item.getExtendedPrice() * 100));
      assertThat(discounts.get(row)).isEqualTo(Math.round(item.getDiscount() * 100));
      row++;
    }
    assertThat(row).isEqualTo(prices.size());

    Table partSupp = schema.table("partsupp");
    List<Object> costs = TableContents.column(partSupp, 3);
    row = 0;
    for (PartSupplier item : new PartSupplierGenerator(SCALE_FACTOR, 1, 1)) {
      assertThat(costs.get(row++)).isEqualTo(item.getSupplyCostInCents());
    }
  }

  @Test
  void textColumnsDecodeToGeneratorStrings() {
    Table lineItem = schema.table("lineitem");
    int flag = lineItem.schema().columnIndex("l_returnflag");
    assertThat(lineItem.dictionary(flag).size()).isEqualTo(3);
    assertThat(lineItem.dictionary(flag).lookup("R")).isNotNegative();
    Table orders = schema.table("orders");
    assertThat(orders.schema().type(2).kind()).isEqualTo(TypeKind.VARCHAR);
    assertThat(TableContents.value(orders, 2, 0))
        .isEqualTo(
            String.valueOf(
                new OrderGenerator(SCALE_FACTOR, 1, 1).iterator().next().getOrderStatus()));
    Table region = schema.table("region");
    assertThat(TableContents.column(region, 1))
        .containsExactly("AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST");
  }

  @Test
  void zoneMapsBoundKeys() {
    Table orders = schema.table("orders");
    long previousMax = Long.MIN_VALUE;
    for (var chunk : orders.chunks()) {
      assertThat(chunk.zoneMap(0).minLong()).isGreaterThan(previousMax);
      previousMax = chunk.zoneMap(0).maxLong();
    }
    assertThat(previousMax).isEqualTo(60_000L);
  }

  @Test
  void nonPositiveScaleFactorIsRejected() {
    try (BufferAllocator local = new RootAllocator();
        Catalog other = new Catalog()) {
      for (double scaleFactor : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
        assertThatThrownBy(
                () -> TpchLoader.load(other.schema(Catalog.DEFAULT_SCHEMA), scaleFactor, local))
            .isInstanceOf(WarpException.class)
            .hasMessageContaining("scale factor")
            .extracting(e -> ((WarpException) e).code())
            .isEqualTo(ErrorCode.VALIDATION_ERROR);
      }
      assertThat(other.schema(Catalog.DEFAULT_SCHEMA).tables()).isEmpty();
    }
  }

  @Test
  void outOfMemoryLeavesNothingAllocated() {
    try (BufferAllocator small = new RootAllocator(1 << 20);
        Catalog other = new Catalog()) {
      CatalogSchema target = other.schema(Catalog.DEFAULT_SCHEMA);
      assertThatThrownBy(() -> TpchLoader.load(target, SCALE_FACTOR, small))
          .isInstanceOf(WarpException.class)
          .extracting(e -> ((WarpException) e).code())
          .isEqualTo(ErrorCode.OUT_OF_MEMORY);
      assertThat(target.tables()).isEmpty();
      assertThat(small.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void tinyScaleFactorLoads() {
    try (BufferAllocator local = new RootAllocator();
        Catalog other = new Catalog()) {
      List<Table> tables = TpchLoader.load(other.createSchema("tiny"), 0.001, local);
      assertThat(tables)
          .extracting(Table::name)
          .containsExactly(
              "region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem");
      assertThat(tables.get(7).rowCount()).isEqualTo(6005);
      other.close();
      assertThat(local.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void loadIntoSchemaWithTakenNameAddsNothing() {
    try (BufferAllocator local = new RootAllocator();
        Catalog other = new Catalog()) {
      CatalogSchema target = other.schema(Catalog.DEFAULT_SCHEMA);
      List<Table> first = TpchLoader.load(target, 0.001, local);
      assertThat(target.dropTable("orders")).isTrue();
      long before = local.getAllocatedMemory();
      assertThatThrownBy(() -> TpchLoader.load(target, 0.001, local))
          .isInstanceOf(WarpException.class)
          .hasMessageContaining("\"region\" already exists")
          .extracting(e -> ((WarpException) e).code())
          .isEqualTo(ErrorCode.DUPLICATE_TABLE);
      assertThat(target.tables()).hasSize(7);
      assertThat(target.table("orders")).isNull();
      assertThat(local.getAllocatedMemory()).isEqualTo(before);
      assertThat(first).hasSize(8);
    }
  }

  private static void assertType(Table table, String column, DataType expected) {
    assertThat(table.schema().type(table.schema().columnIndex(column)))
        .as(column)
        .isEqualTo(expected);
  }
}
