package dev.warpsql.planner.lower;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.pipeline.ColumnOrigin;
import dev.warpsql.executor.pipeline.ExecutionContext;
import dev.warpsql.executor.pipeline.LookupSource;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.cpu.LookupTable;
import dev.warpsql.planner.exec.OverlayDataContext;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.function.Function1;

/**
 * A string predicate evaluated once per dictionary entry, giving the lookup table that a kernel
 * reads by code.
 *
 * <p>The predicate is compiled by Calcite's expression compiler with the string as field 0 of its
 * input row, so it has exactly the semantics of Calcite's own operators (LIKE, SUBSTRING,
 * comparisons with CHAR padding rules, ...) while the kernel pays one array read per row.
 */
final class StringPredicateLookup implements LookupSource {
  private static final String INPUT_RECORD = "inputRecord";

  private final ColumnOrigin origin;
  private final Function1<DataContext, Object[]> predicate;
  private final String description;

  StringPredicateLookup(
      ColumnOrigin origin, Function1<DataContext, Object[]> predicate, String description) {
    this.origin = origin;
    this.predicate = Objects.requireNonNull(predicate, "predicate");
    this.description = description;
  }

  /** Returns a copy that reads its dictionary from another column. */
  StringPredicateLookup withOrigin(ColumnOrigin newOrigin) {
    return new StringPredicateLookup(newOrigin, predicate, description);
  }

  @Override
  public ColumnOrigin origin() {
    return origin;
  }

  String description() {
    return description;
  }

  @Override
  public LookupTable build(StringDictionary dictionary, ExecutionContext context) {
    DataContext statement = context.attribute(DataContext.class);
    int size = dictionary.size();
    boolean[] values = new boolean[size];
    boolean[] nulls = new boolean[size];
    Object[] row = new Object[1];
    DataContext perValue = new OverlayDataContext(statement, Map.of(INPUT_RECORD, row));
    for (int code = 0; code < size; code++) {
      row[0] = dictionary.value(code);
      Object[] result;
      try {
        result = predicate.apply(perValue);
      } catch (RuntimeException e) {
        throw new WarpException(
            ErrorCode.DATA_EXCEPTION,
            "evaluating " + description + " for value '" + row[0] + "' failed: " + e.getMessage(),
            e);
      }
      Object value = result == null ? null : result[0];
      if (value == null) {
        nulls[code] = true;
      } else {
        values[code] = (Boolean) value;
      }
    }
    return new LookupTable(values, nulls);
  }
}
