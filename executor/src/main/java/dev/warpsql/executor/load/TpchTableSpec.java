package dev.warpsql.executor.load;

import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.DataType;
import io.trino.tpch.Customer;
import io.trino.tpch.LineItem;
import io.trino.tpch.Nation;
import io.trino.tpch.Order;
import io.trino.tpch.Part;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.Region;
import io.trino.tpch.Supplier;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * WarpSQL schema of one TPC-H table and how each column's value comes out of the generator's row
 * object.
 *
 * <p>Column types follow the TPC-H specification: identifiers are BIGINT, money and quantities
 * DECIMAL(15, 2), dates DATE, and CHAR(n) or VARCHAR(n) text is VARCHAR(n). Every DECIMAL value
 * comes from an integer that the generator already computes (cents, hundredths, or a whole quantity
 * times 100), so no value passes through a double.
 */
final class TpchTableSpec<E extends TpchEntity> {
  private static final DataType MONEY = DataType.decimal(15, 2);

  /** Every TPC-H table, smallest first. */
  static final List<TpchTableSpec<?>> ALL =
      List.of(region(), nation(), supplier(), customer(), part(), partSupp(), orders(), lineItem());

  private final TpchTable<E> generator;
  private final List<Column<E>> columns;
  private final TableSchema schema;

  private TpchTableSpec(TpchTable<E> generator, List<Column<E>> columns) {
    this.generator = generator;
    this.columns = columns;
    this.schema = new TableSchema(columns.stream().map(Column::schema).toList());
  }

  /** Returns the lower-case TPC-H table name, such as {@code lineitem}. */
  String name() {
    return generator.getTableName();
  }

  TableSchema schema() {
    return schema;
  }

  /** Returns the generator's rows of one part out of {@code partCount}, parts numbered from 1. */
  Iterable<E> rows(double scaleFactor, int part, int partCount) {
    return generator.createGenerator(scaleFactor, part, partCount);
  }

  /** Appends one generated row to the builder. */
  void append(TableBuilder builder, E row) {
    for (int i = 0; i < columns.size(); i++) {
      columns.get(i).writer().write(builder, i, row);
    }
    builder.endRow();
  }

  private interface ValueWriter<E> {
    void write(TableBuilder builder, int column, E row);
  }

  private record Column<E>(ColumnSchema schema, ValueWriter<E> writer) {}

  private static <E> Column<E> key(String name, ToLongFunction<E> getter) {
    return new Column<>(
        ColumnSchema.notNull(name, DataType.BIGINT),
        (builder, column, row) -> builder.setLong(column, getter.applyAsLong(row)));
  }

  private static <E> Column<E> integer(String name, ToIntFunction<E> getter) {
    return new Column<>(
        ColumnSchema.notNull(name, DataType.INTEGER),
        (builder, column, row) -> builder.setLong(column, getter.applyAsInt(row)));
  }

  /** DECIMAL(15, 2) column whose getter returns the value in hundredths, the unscaled value. */
  private static <E> Column<E> hundredths(String name, ToLongFunction<E> getter) {
    return new Column<>(
        ColumnSchema.notNull(name, MONEY),
        (builder, column, row) -> builder.setLong(column, getter.applyAsLong(row)));
  }

  /** DATE column whose getter returns days since 1970-01-01, as the generator's dates are. */
  private static <E> Column<E> date(String name, ToIntFunction<E> getter) {
    return new Column<>(
        ColumnSchema.notNull(name, DataType.DATE),
        (builder, column, row) -> builder.setLong(column, getter.applyAsInt(row)));
  }

  private static <E> Column<E> text(String name, int length, Function<E, String> getter) {
    return new Column<>(
        ColumnSchema.notNull(name, DataType.varchar(length)),
        (builder, column, row) -> builder.setString(column, getter.apply(row)));
  }

  private static TpchTableSpec<Region> region() {
    return new TpchTableSpec<>(
        TpchTable.REGION,
        List.of(
            key("r_regionkey", Region::getRegionKey),
            text("r_name", 25, Region::getName),
            text("r_comment", 152, Region::getComment)));
  }

  private static TpchTableSpec<Nation> nation() {
    return new TpchTableSpec<>(
        TpchTable.NATION,
        List.of(
            key("n_nationkey", Nation::getNationKey),
            text("n_name", 25, Nation::getName),
            key("n_regionkey", Nation::getRegionKey),
            text("n_comment", 152, Nation::getComment)));
  }

  private static TpchTableSpec<Supplier> supplier() {
    return new TpchTableSpec<>(
        TpchTable.SUPPLIER,
        List.of(
            key("s_suppkey", Supplier::getSupplierKey),
            text("s_name", 25, Supplier::getName),
            text("s_address", 40, Supplier::getAddress),
            key("s_nationkey", Supplier::getNationKey),
            text("s_phone", 15, Supplier::getPhone),
            hundredths("s_acctbal", Supplier::getAccountBalanceInCents),
            text("s_comment", 101, Supplier::getComment)));
  }

  private static TpchTableSpec<Customer> customer() {
    return new TpchTableSpec<>(
        TpchTable.CUSTOMER,
        List.of(
            key("c_custkey", Customer::getCustomerKey),
            text("c_name", 25, Customer::getName),
            text("c_address", 40, Customer::getAddress),
            key("c_nationkey", Customer::getNationKey),
            text("c_phone", 15, Customer::getPhone),
            hundredths("c_acctbal", Customer::getAccountBalanceInCents),
            text("c_mktsegment", 10, Customer::getMarketSegment),
            text("c_comment", 117, Customer::getComment)));
  }

  private static TpchTableSpec<Part> part() {
    return new TpchTableSpec<>(
        TpchTable.PART,
        List.of(
            key("p_partkey", Part::getPartKey),
            text("p_name", 55, Part::getName),
            text("p_mfgr", 25, Part::getManufacturer),
            text("p_brand", 10, Part::getBrand),
            text("p_type", 25, Part::getType),
            integer("p_size", Part::getSize),
            text("p_container", 10, Part::getContainer),
            hundredths("p_retailprice", Part::getRetailPriceInCents),
            text("p_comment", 23, Part::getComment)));
  }

  private static TpchTableSpec<PartSupplier> partSupp() {
    return new TpchTableSpec<>(
        TpchTable.PART_SUPPLIER,
        List.of(
            key("ps_partkey", PartSupplier::getPartKey),
            key("ps_suppkey", PartSupplier::getSupplierKey),
            integer("ps_availqty", PartSupplier::getAvailableQuantity),
            hundredths("ps_supplycost", PartSupplier::getSupplyCostInCents),
            text("ps_comment", 199, PartSupplier::getComment)));
  }

  private static TpchTableSpec<Order> orders() {
    return new TpchTableSpec<>(
        TpchTable.ORDERS,
        List.of(
            key("o_orderkey", Order::getOrderKey),
            key("o_custkey", Order::getCustomerKey),
            text("o_orderstatus", 1, order -> String.valueOf(order.getOrderStatus())),
            hundredths("o_totalprice", Order::getTotalPriceInCents),
            date("o_orderdate", Order::getOrderDate),
            text("o_orderpriority", 15, Order::getOrderPriority),
            text("o_clerk", 15, Order::getClerk),
            integer("o_shippriority", Order::getShipPriority),
            text("o_comment", 79, Order::getComment)));
  }

  private static TpchTableSpec<LineItem> lineItem() {
    return new TpchTableSpec<>(
        TpchTable.LINE_ITEM,
        List.of(
            key("l_orderkey", LineItem::getOrderKey),
            key("l_partkey", LineItem::getPartKey),
            key("l_suppkey", LineItem::getSupplierKey),
            integer("l_linenumber", LineItem::getLineNumber),
            // The generator's quantity is a whole number of units, so hundredths are times 100.
            hundredths("l_quantity", lineItem -> lineItem.getQuantity() * 100),
            hundredths("l_extendedprice", LineItem::getExtendedPriceInCents),
            hundredths("l_discount", LineItem::getDiscountPercent),
            hundredths("l_tax", LineItem::getTaxPercent),
            text("l_returnflag", 1, LineItem::getReturnFlag),
            text("l_linestatus", 1, LineItem::getStatus),
            date("l_shipdate", LineItem::getShipDate),
            date("l_commitdate", LineItem::getCommitDate),
            date("l_receiptdate", LineItem::getReceiptDate),
            text("l_shipinstruct", 25, LineItem::getShipInstructions),
            text("l_shipmode", 10, LineItem::getShipMode),
            text("l_comment", 44, LineItem::getComment)));
  }
}
