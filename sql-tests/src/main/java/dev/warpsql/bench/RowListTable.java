package dev.warpsql.bench;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A Calcite table over one generated TPC-H table's rows in memory, so that Calcite's Enumerable
 * engine reads them without any conversion.
 *
 * <p>A scan stops with a {@link CancellationException} once the shared cancel flag or the
 * statement's own cancel flag is set. Calcite's Enumerable operators do not check for cancellation
 * themselves, but they pull every row through a scan, so a query stops soon after the flag is set.
 */
final class RowListTable extends AbstractTable implements ScannableTable {
  /** Rows between two checks of the cancel flags. */
  private static final int CANCEL_CHECK_ROWS = 1024;

  private final TpchRows.Table table;
  private final AtomicBoolean cancelRequested;

  RowListTable(TpchRows.Table table, AtomicBoolean cancelRequested) {
    this.table = table;
    this.cancelRequested = cancelRequested;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (TpchRows.Column column : table.columns()) {
      builder.add(column.name(), sqlType(typeFactory, column)).nullable(false);
    }
    return builder.build();
  }

  private static RelDataType sqlType(RelDataTypeFactory typeFactory, TpchRows.Column column) {
    return switch (column.type().getBase()) {
      case IDENTIFIER -> typeFactory.createSqlType(SqlTypeName.BIGINT);
      case INTEGER -> typeFactory.createSqlType(SqlTypeName.INTEGER);
      case DOUBLE -> typeFactory.createSqlType(SqlTypeName.DECIMAL, 15, 2);
      case DATE -> typeFactory.createSqlType(SqlTypeName.DATE);
      case VARCHAR ->
          typeFactory.createSqlType(
              SqlTypeName.VARCHAR, Math.toIntExact(column.type().getPrecision().orElseThrow()));
    };
  }

  /** Returns the row count, which Calcite's cost model uses to order joins. */
  @Override
  public Statistic getStatistic() {
    return Statistics.of(table.rows().size(), List.of());
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    AtomicBoolean statementCancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
    List<Object[]> rows = table.rows();
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new CancelableEnumerator(rows, cancelRequested, statementCancelFlag);
      }
    };
  }

  private static final class CancelableEnumerator implements Enumerator<Object[]> {
    private final List<Object[]> rows;
    private final AtomicBoolean cancelRequested;
    private final AtomicBoolean statementCancelFlag;
    private int index = -1;

    CancelableEnumerator(
        List<Object[]> rows, AtomicBoolean cancelRequested, AtomicBoolean statementCancelFlag) {
      this.rows = rows;
      this.cancelRequested = cancelRequested;
      this.statementCancelFlag = statementCancelFlag;
    }

    @Override
    public Object[] current() {
      return rows.get(index);
    }

    @Override
    public boolean moveNext() {
      index++;
      if (index % CANCEL_CHECK_ROWS == 0 && isCanceled()) {
        throw new CancellationException("query canceled during a table scan");
      }
      return index < rows.size();
    }

    private boolean isCanceled() {
      return cancelRequested.get() || (statementCancelFlag != null && statementCancelFlag.get());
    }

    @Override
    public void reset() {
      index = -1;
    }

    @Override
    public void close() {}
  }
}
