package dev.warpsql.planner.rel;

import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.KernelStep;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.RexSupport;
import dev.warpsql.planner.lower.Stream;
import dev.warpsql.planner.lower.UnsupportedLoweringException;
import dev.warpsql.planner.schema.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Hash aggregation: the sink of its input's pipeline, a pipeline breaker. Each worker thread
 * aggregates its morsels into a partial table, and the partials are merged at the end.
 *
 * <p>Supports one grouping set and COUNT, SUM, $SUM0, MIN and MAX without DISTINCT or FILTER; AVG
 * and COUNT(DISTINCT) reach it already rewritten into these by Calcite's rules. MIN and MAX take
 * BOOLEAN arguments too.
 */
public final class WarpAggregate extends Aggregate implements WarpRel {
  /** Codes of TRUE and FALSE that MIN and MAX of a BOOLEAN aggregate. */
  private static final Literal TRUE_CODE = Literal.ofLong(1L, DataType.INTEGER);

  private static final Literal FALSE_CODE = Literal.ofLong(0L, DataType.INTEGER);

  public WarpAggregate(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      ImmutableBitSet groupSet,
      List<ImmutableBitSet> groupSets,
      List<AggregateCall> aggCalls) {
    super(cluster, traits, List.of(), input, groupSet, groupSets, aggCalls);
  }

  @Override
  public Aggregate copy(
      RelTraitSet traitSet,
      RelNode input,
      ImmutableBitSet groupSet,
      List<ImmutableBitSet> groupSets,
      List<AggregateCall> aggCalls) {
    return new WarpAggregate(getCluster(), traitSet, input, groupSet, groupSets, aggCalls);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(WarpConvention.COST_FACTOR);
  }

  /** Returns why WARP cannot run an aggregate call, or null when it can. */
  public static String unsupportedReason(AggregateCall call, RelNode input) {
    if (call.isDistinct()
        || call.isApproximate()
        || !call.collation.getFieldCollations().isEmpty()) {
      return "aggregate " + call + " with DISTINCT or WITHIN GROUP";
    }
    SqlKind kind = call.getAggregation().getKind();
    if (kind == SqlKind.LITERAL_AGG) {
      return call.rexList.size() == 1
              && call.rexList.get(0) instanceof RexLiteral literal
              && RexSupport.unsupportedReason(literal, input.getRowType()) == null
          ? null
          : "LITERAL_AGG of " + call.rexList;
    }
    if (kind != SqlKind.COUNT
        && kind != SqlKind.SUM
        && kind != SqlKind.SUM0
        && kind != SqlKind.MIN
        && kind != SqlKind.MAX) {
      return "aggregate function " + call.getAggregation().getName();
    }
    if (call.getArgList().size() > 1) {
      return "aggregate " + call + " with several arguments";
    }
    if (TypeMapping.toDataType(call.getType()).isEmpty()) {
      return "aggregate type " + call.getType();
    }
    if (!call.getArgList().isEmpty()) {
      var argumentType = input.getRowType().getFieldList().get(call.getArgList().get(0)).getType();
      var kernelType = TypeMapping.toDataType(argumentType);
      if (kernelType.isEmpty()) {
        return "aggregate argument type " + argumentType;
      }
      if (kind != SqlKind.COUNT && kernelType.get().kind() == TypeKind.VARCHAR) {
        return call.getAggregation().getName() + " of a string";
      }
      if (kind == SqlKind.SUM && kernelType.get().kind() == TypeKind.BOOLEAN) {
        return call.getAggregation().getName() + " of a BOOLEAN";
      }
    }
    return null;
  }

  @Override
  public Stream lower(PlanLowering lowering) {
    if (getGroupType() != Group.SIMPLE) {
      throw new UnsupportedLoweringException("GROUPING SETS, ROLLUP or CUBE");
    }
    Stream input = lowering.lower(getInput());
    List<String> names = getRowType().getFieldNames();
    List<Expr> keys = new ArrayList<>();
    List<BatchColumn> outputs = new ArrayList<>();
    for (int key : getGroupSet()) {
      Expr expr = input.columns().get(key);
      keys.add(expr);
      outputs.add(
          PlanLowering.column(names.get(outputs.size()), expr, input.dictionaries().get(key)));
    }

    List<dev.warpsql.kernels.ir.AggregateCall> calls = new ArrayList<>();
    for (AggregateCall call : getAggCallList()) {
      if (call.getAggregation().getKind() == SqlKind.LITERAL_AGG) {
        continue;
      }
      dev.warpsql.kernels.ir.AggregateCall lowered = lowerCall(call, input);
      calls.add(lowered);
      outputs.add(
          new BatchColumn(
              names.get(keys.size() + calls.size() - 1),
              lowered.resultType(),
              lowered.nullable(),
              null));
    }

    KernelStep step =
        lowering.closeInto(input, new AggregateSink(keys, calls), outputs, "aggregate");
    Stream output = Stream.over(step, outputs, "aggregate output");
    return finishCalls(lowering, output, keys.size());
  }

  /**
   * Completes the aggregate's output row: a $SUM0 over no rows becomes zero instead of NULL, and
   * each LITERAL_AGG, which the kernel does not compute, becomes its constant.
   */
  private Stream finishCalls(PlanLowering lowering, Stream output, int keyCount) {
    List<Expr> columns = new ArrayList<>(output.columns().subList(0, keyCount));
    List<dev.warpsql.executor.storage.StringDictionary> dictionaries =
        new ArrayList<>(output.dictionaries().subList(0, keyCount));
    int next = keyCount;
    boolean changed = false;
    for (AggregateCall call : getAggCallList()) {
      SqlKind kind = call.getAggregation().getKind();
      if (kind == SqlKind.LITERAL_AGG) {
        columns.add(lowering.rex(output).lower(call.rexList.get(0)));
        dictionaries.add(null);
        changed = true;
        continue;
      }
      Expr computed = output.columns().get(next);
      dictionaries.add(output.dictionaries().get(next));
      next++;
      if (isBooleanExtreme(call)) {
        computed = new Call(Operator.EQUALS, List.of(computed, TRUE_CODE), DataType.BOOLEAN, true);
        changed = true;
      }
      if (kind == SqlKind.SUM0) {
        Literal zero = zero(computed.type());
        computed = new Call(Operator.COALESCE, List.of(computed, zero), computed.type(), false);
        changed = true;
      }
      columns.add(computed);
    }
    return changed ? output.withColumns(columns, dictionaries, "aggregate defaults") : output;
  }

  private dev.warpsql.kernels.ir.AggregateCall lowerCall(AggregateCall call, Stream input) {
    String reason = unsupportedReason(call, getInput());
    if (reason != null) {
      throw new UnsupportedLoweringException(reason);
    }
    DataType resultType = TypeMapping.require(call.getType());
    Expr filter = call.hasFilter() ? input.columns().get(call.filterArg) : null;
    if (call.getArgList().isEmpty()) {
      if (filter == null) {
        return new dev.warpsql.kernels.ir.AggregateCall(
            AggregateFunction.COUNT_STAR, null, resultType);
      }
      // COUNT(*) FILTER (WHERE f) counts the rows where f is TRUE: COUNT of a value that is NULL
      // everywhere else.
      Expr one = Literal.ofLong(1L, DataType.BIGINT);
      return new dev.warpsql.kernels.ir.AggregateCall(
          AggregateFunction.COUNT, onlyWhere(filter, one), resultType);
    }
    Expr argument = input.columns().get(call.getArgList().get(0));
    if (isBooleanExtreme(call)) {
      argument = booleanCode(argument);
      resultType = DataType.INTEGER;
    }
    if (filter != null) {
      argument = onlyWhere(filter, argument);
    }
    AggregateFunction function =
        switch (call.getAggregation().getKind()) {
          case COUNT -> AggregateFunction.COUNT;
          case SUM, SUM0 -> AggregateFunction.SUM;
          case MIN -> AggregateFunction.MIN;
          case MAX -> AggregateFunction.MAX;
          default -> throw new UnsupportedLoweringException(call.toString());
        };
    return new dev.warpsql.kernels.ir.AggregateCall(function, argument, resultType);
  }

  /**
   * Returns whether a call is MIN or MAX of a BOOLEAN. The kernel aggregates such a call over
   * INTEGER codes, 0 for FALSE and 1 for TRUE, because FALSE sorts before TRUE, and the aggregate's
   * output turns the code back into a BOOLEAN.
   */
  private static boolean isBooleanExtreme(AggregateCall call) {
    SqlKind kind = call.getAggregation().getKind();
    return (kind == SqlKind.MIN || kind == SqlKind.MAX)
        && call.getType().getSqlTypeName() == SqlTypeName.BOOLEAN;
  }

  /** Returns {@code CASE WHEN b THEN 1 WHEN b IS FALSE THEN 0 END}, NULL for a NULL b. */
  private static Expr booleanCode(Expr value) {
    Expr isFalse = new Call(Operator.IS_FALSE, List.of(value), DataType.BOOLEAN, false);
    return new Call(
        Operator.CASE,
        List.of(value, TRUE_CODE, isFalse, FALSE_CODE, Literal.nullOf(DataType.INTEGER)),
        DataType.INTEGER,
        true);
  }

  /**
   * Returns {@code CASE WHEN filter THEN value END}: an aggregate ignores NULLs, so applying it to
   * this value aggregates exactly the rows that the FILTER clause keeps.
   */
  private static Expr onlyWhere(Expr filter, Expr value) {
    return new Call(
        Operator.CASE, List.of(filter, value, Literal.nullOf(value.type())), value.type(), true);
  }

  private static Literal zero(DataType type) {
    return type.kind().isApproximateNumeric() ? new Literal(0.0, type) : new Literal(0L, type);
  }
}
