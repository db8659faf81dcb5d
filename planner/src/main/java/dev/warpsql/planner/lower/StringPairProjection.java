package dev.warpsql.planner.lower;

import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.pipeline.KernelStep;
import dev.warpsql.executor.pipeline.StringPairStep;
import dev.warpsql.executor.pipeline.TimeTextStep;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.MaterializeSink;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Lowers a projection with string expressions of two string columns, such as {@code a || b}, and
 * casts of TIME or TIMESTAMP values to VARCHAR.
 *
 * <p>A kernel cannot compute a new string, and a lookup table indexed by both codes would have a
 * row per pair of dictionary entries. So the projection closes its pipeline into a kernel that
 * writes both operands' codes, and a {@link StringPairStep} evaluates each expression once per
 * distinct pair of codes that the rows contain, encoding the results into a new dictionary. For a
 * cast of a time, the kernel writes the time's microseconds, and a {@link TimeTextStep} formats
 * each distinct value. The projected row reads the steps' batch, so later operators see an ordinary
 * string column.
 */
public final class StringPairProjection {
  private StringPairProjection() {}

  /** Returns whether a projection has an expression that only this lowering supports. */
  public static boolean needed(List<RexNode> projects, RelDataType inputRowType) {
    for (RexNode project : projects) {
      boolean computed =
          RexSupport.stringPairInputs(project, inputRowType) != null
              || RexSupport.isTimeText(project, inputRowType);
      if (computed && RexSupport.unsupportedReason(project, inputRowType) != null) {
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
    List<TimeTextStep.Text> texts = new ArrayList<>();
    // For each projection, its column in the kernel's output, or -1 - k for pair k. A time text
    // is found in textPositions instead.
    int[] positions = new int[projects.size()];
    int[] textPositions = new int[projects.size()];
    for (int i = 0; i < projects.size(); i++) {
      RexNode project = projects.get(i);
      textPositions[i] = -1;
      boolean supported = RexSupport.unsupportedReason(project, inputRowType) == null;
      if (!supported && RexSupport.isTimeText(project, inputRowType)) {
        textPositions[i] = texts.size();
        texts.add(new TimeTextStep.Text(written.size(), names.get(i)));
        written.add(rex.lower(((RexCall) project).getOperands().get(0)));
        writtenDictionaries.add(null);
        writtenNames.add(names.get(i) + "$micros");
        continue;
      }
      int[] columns = RexSupport.stringPairInputs(project, inputRowType);
      if (columns == null || supported) {
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
            kernelInput,
            new MaterializeSink(written),
            kernelOutputs,
            "materialize string operands");

    Stream paired = computedStrings(kernel, kernelOutputs, pairs, texts);
    int firstText = written.size() + pairs.size();
    List<Expr> columns = new ArrayList<>();
    List<StringDictionary> dictionaries = new ArrayList<>();
    for (int i = 0; i < positions.length; i++) {
      int position = positions[i];
      int column;
      if (textPositions[i] >= 0) {
        column = firstText + textPositions[i];
      } else {
        column = position >= 0 ? position : written.size() - 1 - position;
      }
      columns.add(paired.columns().get(column));
      dictionaries.add(paired.dictionaries().get(column));
    }
    return paired.withColumns(columns, dictionaries, "project");
  }

  /**
   * Returns the stream of the steps after the kernel: the kernel's columns, then one column per
   * pair, then one per time text.
   */
  private static Stream computedStrings(
      KernelStep kernel,
      List<BatchColumn> kernelOutputs,
      List<StringPairStep.Pair> pairs,
      List<TimeTextStep.Text> texts) {
    List<BatchColumn> stepColumns = new ArrayList<>(kernelOutputs);
    ExecutionStep step = kernel;
    if (!pairs.isEmpty()) {
      for (StringPairStep.Pair pair : pairs) {
        stepColumns.add(
            new BatchColumn(pair.name(), DataType.VARCHAR, true, new StringDictionary()));
      }
      step = new StringPairStep(step, pairs);
    }
    if (!texts.isEmpty()) {
      for (TimeTextStep.Text text : texts) {
        stepColumns.add(
            new BatchColumn(text.name(), DataType.VARCHAR, true, new StringDictionary()));
      }
      step = new TimeTextStep(step, texts);
    }
    return Stream.over(step, stepColumns, "computed string results");
  }
}
