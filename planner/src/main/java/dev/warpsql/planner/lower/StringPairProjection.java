package dev.warpsql.planner.lower;

import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.KernelStep;
import dev.warpsql.executor.pipeline.StringPairStep;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.MaterializeSink;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Lowers a projection with string expressions of two string columns, such as {@code a || b}.
 *
 * <p>A kernel cannot compute a new string, and a lookup table indexed by both codes would have a
 * row per pair of dictionary entries. So the projection closes its pipeline into a kernel that
 * writes both operands' codes, and a {@link StringPairStep} evaluates each expression once per
 * distinct pair of codes that the rows contain, encoding the results into a new dictionary. The
 * projected row reads the step's batch, so later operators see an ordinary string column.
 */
public final class StringPairProjection {
  private StringPairProjection() {}

  /** Returns whether a projection has an expression that only this lowering supports. */
  public static boolean needed(List<RexNode> projects, RelDataType inputRowType) {
    for (RexNode project : projects) {
      if (RexSupport.stringPairInputs(project, inputRowType) != null
          && RexSupport.unsupportedReason(project, inputRowType) != null) {
        return true;
      }
    }
    return false;
  }

  /** Returns the projected stream; the input's pipeline ends in a kernel before the step. */
  public static Stream lower(
      PlanLowering lowering,
      Stream input,
      List<RexNode> projects,
      List<String> names,
      RelDataType inputRowType) {
    RexLowering rex = lowering.rex(input);
    List<Expr> written = new ArrayList<>();
    List<StringDictionary> writtenDictionaries = new ArrayList<>();
    List<String> writtenNames = new ArrayList<>();
    List<StringPairStep.Pair> pairs = new ArrayList<>();
    // For each projection, its column in the kernel's output, or -1 - k for pair k.
    int[] positions = new int[projects.size()];
    for (int i = 0; i < projects.size(); i++) {
      RexNode project = projects.get(i);
      int[] columns = RexSupport.stringPairInputs(project, inputRowType);
      if (columns == null || RexSupport.unsupportedReason(project, inputRowType) == null) {
        positions[i] = written.size();
        written.add(rex.lower(project));
        writtenDictionaries.add(
            project instanceof RexInputRef ref ? input.dictionaries().get(ref.getIndex()) : null);
        writtenNames.add(names.get(i));
        continue;
      }
      int first = written.size();
      for (int column : columns) {
        RelDataType type = inputRowType.getFieldList().get(column).getType();
        written.add(rex.lower(new RexInputRef(column, type)));
        writtenDictionaries.add(input.dictionaries().get(column));
        writtenNames.add(names.get(i) + "$" + column);
      }
      CompiledStringPair function = new CompiledStringPair(project, columns, lowering.rexBuilder());
      pairs.add(new StringPairStep.Pair(function, first, first + 1, names.get(i)));
      positions[i] = -pairs.size();
    }

    Stream kernelInput =
        rex.streamWithLookups(input).withColumns(written, writtenDictionaries, "project");
    List<BatchColumn> kernelOutputs = new ArrayList<>();
    for (int j = 0; j < written.size(); j++) {
      kernelOutputs.add(
          PlanLowering.column(writtenNames.get(j), written.get(j), writtenDictionaries.get(j)));
    }
    KernelStep kernel =
        lowering.closeInto(
            kernelInput, new MaterializeSink(written), kernelOutputs, "materialize pair codes");

    List<BatchColumn> stepColumns = new ArrayList<>(kernelOutputs);
    for (StringPairStep.Pair pair : pairs) {
      stepColumns.add(new BatchColumn(pair.name(), DataType.VARCHAR, true, new StringDictionary()));
    }
    Stream paired =
        Stream.over(new StringPairStep(kernel, pairs), stepColumns, "string pair results");
    List<Expr> columns = new ArrayList<>();
    List<StringDictionary> dictionaries = new ArrayList<>();
    for (int position : positions) {
      int column = position >= 0 ? position : written.size() - 1 - position;
      columns.add(paired.columns().get(column));
      dictionaries.add(paired.dictionaries().get(column));
    }
    return paired.withColumns(columns, dictionaries, "project");
  }
}
