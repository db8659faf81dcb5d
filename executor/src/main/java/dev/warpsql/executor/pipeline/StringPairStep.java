package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * Appends string columns computed from two string columns of its input, such as {@code a || b}.
 *
 * <p>The input kernel writes both operands' codes, and this step evaluates the expression once per
 * distinct pair of codes, encoding each result into a dictionary of its own that it builds for the
 * execution. Its batch contains the input's columns followed by one column per {@link Pair}, and it
 * takes over the input's vectors, so the input must own them.
 */
public final class StringPairStep implements ExecutionStep {
  /** One appended column: the expression and the input columns of its two operands. */
  public record Pair(StringPairFunction function, int first, int second, String name) {
    public Pair {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(name, "name");
    }
  }

  private final ExecutionStep input;
  private final List<Pair> pairs;

  public StringPairStep(ExecutionStep input, List<Pair> pairs) {
    this.input = Objects.requireNonNull(input, "input");
    this.pairs = List.copyOf(pairs);
  }

  @Override
  public boolean ordered() {
    return input.ordered();
  }

  @Override
  public String describe() {
    return "string pairs over " + input.describe();
  }

  @Override
  public Batch execute(ExecutionContext context) {
    Batch batch = input.execute(context);
    List<AppendedColumns.Encoder> results = new ArrayList<>();
    List<BatchColumn> columns = new ArrayList<>();
    try {
      for (Pair pair : pairs) {
        Results pairResults = new Results(pair, batch.columns());
        results.add(pairResults::encode);
        columns.add(new BatchColumn(pair.name(), DataType.VARCHAR, true, pairResults.dictionary));
      }
    } catch (RuntimeException e) {
      batch.close();
      throw e;
    }
    return AppendedColumns.append(describe(), batch, columns, results, context);
  }

  /** The results of one pair function in one execution, by pair of operand codes. */
  private static final class Results {
    private final Pair pair;
    private final StringDictionary first;
    private final StringDictionary second;
    private final StringDictionary dictionary = new StringDictionary();
    private final Map<Long, Integer> codes = new HashMap<>();

    Results(Pair pair, List<BatchColumn> columns) {
      this.pair = pair;
      this.first = columns.get(pair.first()).dictionary();
      this.second = columns.get(pair.second()).dictionary();
    }

    /** Returns a vector of result codes for a chunk; the caller owns it. */
    FieldVector encode(BatchChunk chunk, ExecutionContext context) {
      IntVector firstCodes = (IntVector) chunk.vectors().get(pair.first());
      IntVector secondCodes = (IntVector) chunk.vectors().get(pair.second());
      int rows = chunk.rowCount();
      IntVector output =
          (IntVector)
              ArrowColumns.createVector(
                  pair.name(), DataType.VARCHAR, true, dictionary.id(), context.allocator());
      try {
        output.allocateNew(rows);
        for (int row = 0; row < rows; row++) {
          int firstCode = firstCodes.isNull(row) ? -1 : firstCodes.get(row);
          int secondCode = secondCodes.isNull(row) ? -1 : secondCodes.get(row);
          int code = code(firstCode, secondCode, context);
          if (code < 0) {
            output.setNull(row);
          } else {
            output.set(row, code);
          }
        }
        output.setValueCount(rows);
        return output;
      } catch (RuntimeException e) {
        output.close();
        throw e;
      }
    }

    /** Returns the result code of a pair of operand codes, -1 for NULL, evaluating it once. */
    private int code(int firstCode, int secondCode, ExecutionContext context) {
      long key = ((long) firstCode << 32) | (secondCode & 0xFFFF_FFFFL);
      Integer known = codes.get(key);
      if (known != null) {
        return known;
      }
      String firstValue = firstCode < 0 ? null : first.value(firstCode);
      String secondValue = secondCode < 0 ? null : second.value(secondCode);
      String result = pair.function().apply(firstValue, secondValue, context);
      int code = result == null ? -1 : dictionary.encode(result);
      codes.put(key, code);
      return code;
    }
  }
}
