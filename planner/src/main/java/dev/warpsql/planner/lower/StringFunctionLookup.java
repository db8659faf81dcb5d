package dev.warpsql.planner.lower;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.pipeline.BuiltLookup;
import dev.warpsql.executor.pipeline.ColumnOrigin;
import dev.warpsql.executor.pipeline.ExecutionContext;
import dev.warpsql.executor.pipeline.LookupSource;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.cpu.LookupTable;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.planner.exec.OverlayDataContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.function.Function1;

/**
 * An expression over one string column evaluated once per dictionary entry, giving the lookup table
 * that a kernel reads by code: BOOLEAN results for predicates ({@code CodeLookup}), other results
 * for functions ({@code CodeMap}); string results are encoded into a new dictionary.
 *
 * <p>The expression is compiled by Calcite's expression compiler with the string as field 0 of its
 * input row, so it has exactly the semantics of Calcite's own operators (LIKE, SUBSTRING,
 * comparisons with CHAR padding rules, ...) while the kernel pays one array read per row.
 */
final class StringFunctionLookup implements LookupSource {
  private static final String INPUT_RECORD = "inputRecord";

  private final ColumnOrigin origin;
  private final Function1<DataContext, Object[]> function;
  private final DataType resultType;
  private final String description;
  private final boolean castToTime;

  /**
   * @param castToTime whether the expression is a CAST of the string to TIME or TIMESTAMP, whose
   *     microseconds are taken from the string, since Calcite computes milliseconds
   */
  StringFunctionLookup(
      ColumnOrigin origin,
      Function1<DataContext, Object[]> function,
      DataType resultType,
      String description,
      boolean castToTime) {
    this.origin = origin;
    this.function = Objects.requireNonNull(function, "function");
    this.resultType = Objects.requireNonNull(resultType, "resultType");
    this.description = description;
    this.castToTime = castToTime;
  }

  /**
   * Returns the expression's value for a NULL string, for an expression without parameters, in
   * Calcite's internal form.
   */
  static Object valueForNull(Function1<DataContext, Object[]> function) {
    DataContext context =
        new OverlayDataContext(
            org.apache.calcite.DataContexts.EMPTY, Map.of(INPUT_RECORD, new Object[] {null}));
    Object[] result = function.apply(context);
    return result == null ? null : result[0];
  }

  @Override
  public StringFunctionLookup withOrigin(ColumnOrigin newOrigin) {
    return new StringFunctionLookup(newOrigin, function, resultType, description, castToTime);
  }

  @Override
  public ColumnOrigin origin() {
    return origin;
  }

  @Override
  public BuiltLookup build(
      StringDictionary dictionary, StringDictionary target, ExecutionContext context) {
    DataContext statement = context.attribute(DataContext.class);
    int size = dictionary.size();
    Object[] row = new Object[1];
    DataContext perValue = new OverlayDataContext(statement, Map.of(INPUT_RECORD, row));
    boolean[] nulls = new boolean[size];
    Object[] results = new Object[size];
    RuntimeException[] errors = null;
    for (int code = 0; code < size; code++) {
      row[0] = dictionary.value(code);
      try {
        if (castToTime && resultType.kind() == TypeKind.TIME) {
          SecondFractions.checkTimeOfDay(dictionary.value(code));
        }
        Object[] result = function.apply(perValue);
        results[code] = result == null ? null : result[0];
      } catch (RuntimeException e) {
        // The kernel raises the error only for rows that read this entry, so values of rows that a
        // filter removes or a CASE does not reach raise nothing.
        errors = errors == null ? new RuntimeException[size] : errors;
        errors[code] = evaluationError(row[0], e);
      }
      nulls[code] = results[code] == null;
    }
    BuiltLookup lookup = table(dictionary, results, nulls);
    if (errors == null) {
      return lookup;
    }
    return new BuiltLookup(lookup.table().withErrors(errors), lookup.dictionary());
  }

  /**
   * Returns the error for a value whose evaluation failed: SQLSTATE 22018 for a string that is no
   * number or no date or time, as a CAST raises it, 22008 for a date or time with a field out of
   * range, and 22000 otherwise.
   */
  private WarpException evaluationError(Object value, RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    ErrorCode code;
    if (e instanceof NumberFormatException || message.matches("Invalid (DATE|TIME|TIMESTAMP) .*")) {
      code = ErrorCode.INVALID_CAST;
    } else if (message.startsWith("Value of ") && message.contains(" field is out of range")) {
      code = ErrorCode.DATETIME_FIELD_OVERFLOW;
    } else {
      code = ErrorCode.DATA_EXCEPTION;
    }
    return new WarpException(
        code,
        "evaluating " + description + " for value '" + value + "' failed: " + e.getMessage(),
        e);
  }

  private BuiltLookup table(StringDictionary dictionary, Object[] results, boolean[] nulls) {
    int size = results.length;
    switch (resultType.physicalType()) {
      case BOOLEAN -> {
        boolean[] values = new boolean[size];
        for (int i = 0; i < size; i++) {
          values[i] = !nulls[i] && (Boolean) results[i];
        }
        return new BuiltLookup(new LookupTable(values, nulls), null);
      }
      case FLOAT, DOUBLE -> {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
          values[i] = nulls[i] ? 0 : ((Number) results[i]).doubleValue();
        }
        return new BuiltLookup(LookupTable.ofDoubles(values, nulls), null);
      }
      default -> {
        StringDictionary strings =
            resultType.kind() == TypeKind.VARCHAR ? new StringDictionary() : null;
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
          values[i] = nulls[i] ? 0 : physical(results[i], strings);
          if (castToTime && !nulls[i]) {
            values[i] += SecondFractions.castCorrection(dictionary.value(i));
          }
        }
        return new BuiltLookup(LookupTable.ofLongs(values, nulls), strings);
      }
    }
  }

  /** Converts one result from Calcite's internal form to the kernel's physical form. */
  private long physical(Object value, StringDictionary strings) {
    return switch (resultType.kind()) {
      case VARCHAR -> strings.encode(value.toString());
      case DECIMAL ->
          ((BigDecimal) value)
              .setScale(resultType.scale(), RoundingMode.HALF_UP)
              .unscaledValue()
              .longValueExact();
      case TIME -> ((Number) value).longValue() * 1000L;
      case TIMESTAMP -> Math.multiplyExact(((Number) value).longValue(), 1000L);
      default -> ((Number) value).longValue();
    };
  }
}
