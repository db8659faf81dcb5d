package dev.warpsql.planner.metadata;

import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.storage.ColumnStatistics;
import dev.warpsql.executor.storage.Table;
import java.util.Objects;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Distinct-value estimates of a catalog table's columns for Calcite's metadata, which reaches them
 * through the scanned table. Join ordering compares them to tell a key join from a join on a column
 * of few values, such as a nation key.
 */
public final class TableDistinctRowCount implements BuiltInMetadata.DistinctRowCount.Handler {
  private final CatalogTable table;

  public TableDistinctRowCount(CatalogTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /**
   * Returns the estimated number of distinct combinations of the columns in {@code groupKey} among
   * the rows that pass {@code predicate}: the product of each column's distinct-value bound, at
   * most the row count, reduced for the predicate's estimated selectivity.
   */
  @Override
  public Double getDistinctRowCount(
      RelNode scan, RelMetadataQuery mq, ImmutableBitSet groupKey, RexNode predicate) {
    Table current = table.current();
    double rows = Math.max(1, current.rowCount());
    if (groupKey.isEmpty()) {
      return 1.0;
    }

    double distinct = 1;
    for (int column : groupKey) {
      distinct *= Math.max(1, ColumnStatistics.distinctValueBound(current, column));
    }
    distinct = Math.min(distinct, rows);

    if (predicate == null || predicate.isAlwaysTrue()) {
      return distinct;
    }
    Double selectivity = mq.getSelectivity(scan, predicate);
    double selected =
        rows * (selectivity == null ? RelMdUtil.guessSelectivity(predicate) : selectivity);
    return Math.max(1, RelMdUtil.numDistinctVals(distinct, selected));
  }
}
