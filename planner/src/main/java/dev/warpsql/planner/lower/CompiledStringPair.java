package dev.warpsql.planner.lower;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.pipeline.ExecutionContext;
import dev.warpsql.executor.pipeline.StringPairFunction;
import dev.warpsql.planner.exec.OverlayDataContext;
import dev.warpsql.planner.rules.CodePointFunctions;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * A string expression of two string columns compiled by Calcite's expression compiler, with the two
 * strings as fields 0 and 1 of its input row, so that it has the semantics of Calcite's own
 * operators.
 */
final class CompiledStringPair implements StringPairFunction {
  private static final String INPUT_RECORD = "inputRecord";

  private final Function1<DataContext, Object[]> function;
  private final String description;

  /**
   * @param columns the two input columns that {@code node} reads, in ascending order
   */
  CompiledStringPair(RexNode node, int[] columns, RexBuilder rexBuilder) {
    RelDataType[] types = new RelDataType[2];
    RexNode rebased =
        node.accept(
            new RexShuttle() {
              @Override
              public RexNode visitInputRef(RexInputRef ref) {
                int field = ref.getIndex() == columns[0] ? 0 : 1;
                types[field] = ref.getType();
                return new RexInputRef(field, ref.getType());
              }
            });
    RelDataType inputRowType =
        rexBuilder
            .getTypeFactory()
            .builder()
            .add("first", types[0])
            .add("second", types[1])
            .build();
    this.function =
        RexExecutorImpl.getExecutable(
                rexBuilder, List.of(CodePointFunctions.rewrite(rexBuilder, rebased)), inputRowType)
            .getFunction();
    this.description = node.toString();
  }

  @Override
  public String apply(String first, String second, ExecutionContext context) {
    DataContext statement = context.attribute(DataContext.class);
    Object[] row = {first, second};
    DataContext perPair = new OverlayDataContext(statement, Map.of(INPUT_RECORD, row));
    Object[] result;
    try {
      result = function.apply(perPair);
    } catch (RuntimeException e) {
      throw new WarpException(
          ErrorCode.DATA_EXCEPTION,
          "evaluating "
              + description
              + " for values '"
              + first
              + "' and '"
              + second
              + "' failed: "
              + e.getMessage(),
          e);
    }
    return result == null || result[0] == null ? null : result[0].toString();
  }

  @Override
  public String describe() {
    return description;
  }
}
