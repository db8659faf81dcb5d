package dev.warpsql.planner.lower;

import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.ChunkPruner;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.pipeline.LookupSource;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * An open pipeline during lowering: a source step, and the current row as kernel expressions over
 * the source's columns, with the filter collected so far.
 *
 * <p>Filters and projections only rewrite these expressions; nothing runs until a pipeline breaker
 * or the plan's root closes the stream into a kernel, which is how a chain of operators becomes one
 * fused kernel. Streams are immutable.
 *
 * @param sourceColumns columns of the batch that {@code source} returns
 * @param columns the current row, one expression per output column of the lowered operator
 * @param dictionaries for each current column of type VARCHAR, the dictionary of its codes
 * @param filter the conjunction of the filters so far, or null for none
 * @param lookups code lookup tables that {@code columns} and {@code filter} reference, by index
 * @param pruner skips source chunks by zone map, or null
 * @param operators names of the operators fused so far, for plan descriptions
 */
public record Stream(
    ExecutionStep source,
    List<BatchColumn> sourceColumns,
    List<Expr> columns,
    List<StringDictionary> dictionaries,
    Expr filter,
    List<LookupSource> lookups,
    ChunkPruner pruner,
    List<String> operators) {
  public Stream {
    sourceColumns = List.copyOf(sourceColumns);
    columns = List.copyOf(columns);
    dictionaries = java.util.Collections.unmodifiableList(new ArrayList<>(dictionaries));
    lookups = List.copyOf(lookups);
    operators = List.copyOf(operators);
    if (dictionaries.size() != columns.size()) {
      throw new IllegalArgumentException("one dictionary slot per column is required");
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
        source, columns, refs, dictionaries, null, List.of(), null, List.of(operator));
  }

  /**
   * Returns this stream with another filter. The new condition is evaluated only for rows that
   * passed the earlier ones, so a guard such as {@code y <> 0} below {@code x / y > 1} still
   * protects the division.
   */
  public Stream withFilter(Expr condition, String operator) {
    Expr combined;
    if (filter == null) {
      combined = condition;
    } else {
      Literal falseValue = new Literal(Boolean.FALSE, DataType.BOOLEAN);
      combined =
          new Call(
              Operator.CASE,
              List.of(filter, condition, falseValue),
              DataType.BOOLEAN,
              condition.nullable());
    }
    return new Stream(
        source, sourceColumns, columns, dictionaries, combined, lookups, pruner, plus(operator));
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
        lookups,
        pruner,
        plus(operator));
  }

  /** Returns this stream with one more lookup table, whose index is the current count. */
  public Stream withLookup(LookupSource lookup) {
    List<LookupSource> more = new ArrayList<>(lookups);
    more.add(lookup);
    return new Stream(
        source, sourceColumns, columns, dictionaries, filter, more, pruner, operators);
  }

  /** Returns this stream with a chunk pruner. */
  public Stream withPruner(ChunkPruner newPruner) {
    return new Stream(
        source, sourceColumns, columns, dictionaries, filter, lookups, newPruner, operators);
  }

  /** Returns whether the stream passes its source through unchanged, so no kernel is needed. */
  public boolean isIdentity() {
    if (filter != null || columns.size() != sourceColumns.size()) {
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
