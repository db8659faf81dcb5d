package dev.warpsql.planner.rel;

import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.SortStep;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.Stream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * ORDER BY with optional OFFSET and FETCH: a pipeline breaker that materializes its input, sorts
 * it, and opens a new pipeline over the sorted rows. A FETCH keeps only the top rows while sorting
 * instead of sorting everything.
 */
public final class WarpSort extends Sort implements WarpRel {
  public WarpSort(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      RelCollation collation,
      RexNode offset,
      RexNode fetch) {
    super(cluster, traits, input, collation, offset, fetch);
  }

  /** Returns whether WARP can run the sort: OFFSET and FETCH must be literals or parameters. */
  public static boolean supports(LogicalSort sort) {
    return isCount(sort.offset) && isCount(sort.fetch);
  }

  private static boolean isCount(RexNode node) {
    return node == null || node instanceof RexLiteral || node instanceof RexDynamicParam;
  }

  @Override
  public Sort copy(
      RelTraitSet traitSet,
      RelNode newInput,
      RelCollation newCollation,
      RexNode offset,
      RexNode fetch) {
    return new WarpSort(getCluster(), traitSet, newInput, newCollation, offset, fetch);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(WarpConvention.COST_FACTOR);
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    Stream input = lowering.lower(getInput());
    PlanLowering.Closed closed = lowering.close(input, getRowType().getFieldNames());
    List<BatchColumn> columns = closed.columns();

    List<SortStep.SortKey> keys = new ArrayList<>();
    List<String> keyTexts = new ArrayList<>();
    for (RelFieldCollation field : getCollation().getFieldCollations()) {
      boolean descending = field.getDirection().isDescending();
      boolean nullsFirst = nullsFirst(field);
      keys.add(new SortStep.SortKey(field.getFieldIndex(), descending, nullsFirst));
      keyTexts.add(
          columns.get(field.getFieldIndex()).name()
              + (descending ? " DESC" : "")
              + (nullsFirst ? " NULLS FIRST" : " NULLS LAST"));
    }
    if (!keys.isEmpty()) {
      lowering.describeSort(keyTexts);
    }
    SortStep sort = new SortStep(closed.step(), columns, keys, rowCount(offset), rowCount(fetch));
    return Stream.over(sort, columns, keys.isEmpty() ? "limit" : "sort");
  }

  /**
   * Returns where NULLs go: as PostgreSQL does when the query does not specify it, NULL sorts as
   * the largest value, so last in ascending and first in descending order.
   */
  private static boolean nullsFirst(RelFieldCollation field) {
    return switch (field.nullDirection) {
      case FIRST -> true;
      case LAST -> false;
      case UNSPECIFIED -> field.getDirection().isDescending();
    };
  }

  private static SortStep.RowCount rowCount(RexNode node) {
    if (node == null) {
      return SortStep.RowCount.NONE;
    }
    if (node instanceof RexDynamicParam param) {
      return SortStep.RowCount.parameter(param.getIndex());
    }
    // A fractional count rounds half away from zero, as PostgreSQL rounds LIMIT 1.5 to 2.
    BigDecimal count = ((RexLiteral) node).getValueAs(BigDecimal.class);
    return SortStep.RowCount.constant(count.setScale(0, RoundingMode.HALF_UP).longValueExact());
  }
}
