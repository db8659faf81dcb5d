package dev.warpsql.planner.lower;

import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.ChunkPruner;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.pipeline.HashBuildStep;
import dev.warpsql.executor.pipeline.LookupSource;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ProbeStage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An open pipeline during lowering: a source step, the current row as kernel expressions over the
 * source's columns, the filter collected so far, and the hash-join probes fused so far.
 *
 * <p>Filters, projections and probes only extend this description; nothing runs until a pipeline
 * breaker or the plan's root closes the stream into a kernel, which is how a chain of operators
 * becomes one fused kernel. Streams are immutable.
 *
 * @param sourceColumns columns of the batch that {@code source} returns
 * @param columns the current row, one expression per output column of the lowered operator
 * @param dictionaries for each current column of type VARCHAR, the dictionary of its codes when
 *     known at planning time (null otherwise; kernels take the real one at execution time)
 * @param filter the conjunction of the filters before the first probe, or null for none
 * @param probes the probe stages so far; filters after a probe go into its {@code after}
 * @param builds the hash build steps of the probes, by probe index
 * @param lookups code lookup tables that the expressions reference, by index
 * @param pruner skips source chunks by zone map, or null
 * @param operators names of the operators fused so far, for plan descriptions
 */
public record Stream(
    ExecutionStep source,
    List<BatchColumn> sourceColumns,
    List<Expr> columns,
    List<StringDictionary> dictionaries,
    Expr filter,
    List<ProbeStage> probes,
    List<HashBuildStep> builds,
    List<LookupSource> lookups,
    ChunkPruner pruner,
    List<String> operators) {
  public Stream {
    sourceColumns = List.copyOf(sourceColumns);
    columns = List.copyOf(columns);
    dictionaries = Collections.unmodifiableList(new ArrayList<>(dictionaries));
    probes = List.copyOf(probes);
    builds = List.copyOf(builds);
    lookups = List.copyOf(lookups);
    operators = List.copyOf(operators);
    if (dictionaries.size() != columns.size()) {
      throw new IllegalArgumentException("one dictionary slot per column is required");
    }
    if (probes.size() != builds.size()) {
      throw new IllegalArgumentException("one hash build per probe is required");
    }
  }

  /** Opens a stream that reads every column of a step's batch unchanged. */
  public static Stream over(ExecutionStep source, List<BatchColumn> columns, String operator) {
    List<Expr> refs = new ArrayList<>();
    List<StringDictionary> dictionaries = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      BatchColumn column = columns.get(i);
      refs.add(new InputRef(i, column.type(), column.nullable()));
      dictionaries.add(column.dictionary());
    }
    return new Stream(
        source,
        columns,
        refs,
        dictionaries,
        null,
        List.of(),
        List.of(),
        List.of(),
        null,
        List.of(operator));
  }

  /**
   * Returns this stream with another filter. The new condition is evaluated only for rows that
   * passed the earlier ones, so a guard such as {@code y <> 0} below {@code x / y > 1} still
   * protects the division. After a probe, the filter applies to the rows the probe emits.
   */
  public Stream withFilter(Expr condition, String operator) {
    if (!probes.isEmpty()) {
      List<ProbeStage> newProbes = new ArrayList<>(probes);
      ProbeStage last = newProbes.remove(newProbes.size() - 1);
      newProbes.add(
          new ProbeStage(
              last.table(),
              last.keys(),
              last.kind(),
              last.buildColumns(),
              last.residual(),
              conjunction(last.after(), condition)));
      return new Stream(
          source,
          sourceColumns,
          columns,
          dictionaries,
          filter,
          newProbes,
          builds,
          lookups,
          pruner,
          plus(operator));
    }
    return new Stream(
        source,
        sourceColumns,
        columns,
        dictionaries,
        conjunction(filter, condition),
        probes,
        builds,
        lookups,
        pruner,
        plus(operator));
  }

  /** Returns {@code first AND then}, evaluating {@code then} only when {@code first} is TRUE. */
  static Expr conjunction(Expr first, Expr then) {
    if (first == null) {
      return then;
    }
    Literal falseValue = new Literal(Boolean.FALSE, DataType.BOOLEAN);
    return new Call(
        Operator.CASE, List.of(first, then, falseValue), DataType.BOOLEAN, then.nullable());
  }

  /** Returns this stream with a new current row. */
  public Stream withColumns(
      List<Expr> newColumns, List<StringDictionary> newDictionaries, String operator) {
    return new Stream(
        source,
        sourceColumns,
        newColumns,
        newDictionaries,
        filter,
        probes,
        builds,
        lookups,
        pruner,
        plus(operator));
  }

  /** Returns this stream with one more probe stage, whose index is the current probe count. */
  public Stream withProbe(
      ProbeStage probe,
      HashBuildStep build,
      List<Expr> newColumns,
      List<StringDictionary> newDictionaries,
      String operator) {
    List<ProbeStage> newProbes = new ArrayList<>(probes);
    newProbes.add(probe);
    List<HashBuildStep> newBuilds = new ArrayList<>(builds);
    newBuilds.add(build);
    return new Stream(
        source,
        sourceColumns,
        newColumns,
        newDictionaries,
        filter,
        newProbes,
        newBuilds,
        lookups,
        pruner,
        plus(operator));
  }

  /** Returns this stream with one more lookup table, whose index is the current count. */
  public Stream withLookup(LookupSource lookup) {
    List<LookupSource> more = new ArrayList<>(lookups);
    more.add(lookup);
    return new Stream(
        source,
        sourceColumns,
        columns,
        dictionaries,
        filter,
        probes,
        builds,
        more,
        pruner,
        operators);
  }

  /** Returns whether the stream passes its source through unchanged, so no kernel is needed. */
  public boolean isIdentity() {
    if (filter != null || !probes.isEmpty() || columns.size() != sourceColumns.size()) {
      return false;
    }
    for (int i = 0; i < columns.size(); i++) {
      if (!(columns.get(i) instanceof InputRef ref) || ref.index() != i) {
        return false;
      }
    }
    return true;
  }

  private List<String> plus(String operator) {
    List<String> more = new ArrayList<>(operators);
    more.add(operator);
    return more;
  }
}
