package dev.warpsql.planner.exec;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.kernels.ir.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.apache.calcite.DataContext;

/**
 * Converts a statement's parameter values, as Calcite's data context stores them, into the physical
 * representation that kernels read (see the kernel IR's {@code Literal}).
 *
 * <p>Kernels never read a VARCHAR parameter: string parameters only occur inside string predicates,
 * which Calcite's compiled code evaluates per dictionary entry from the data context itself. They,
 * and parameters of types without a kernel form, are bound as null.
 */
final class ParameterValues {
  private ParameterValues() {}

  static Object[] bind(DataContext dataContext, List<DataType> types) {
    Object[] values = new Object[types.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = convert(dataContext.get("?" + i), types.get(i), i);
    }
    return values;
  }

  private static Object convert(Object value, DataType type, int index) {
    if (value == null) {
      return null;
    }
    try {
      return switch (type.kind()) {
        case BOOLEAN -> (Boolean) value;
        case TINYINT, SMALLINT, INTEGER, BIGINT -> exactLong(value);
        case REAL, DOUBLE -> ((Number) value).doubleValue();
        case DECIMAL ->
            decimal(value)
                .setScale(type.scale(), RoundingMode.HALF_UP)
                .unscaledValue()
                .longValueExact();
        case DATE ->
            value instanceof LocalDate date
                ? date.toEpochDay()
                : value instanceof java.sql.Date date
                    ? date.toLocalDate().toEpochDay()
                    : ((Number) value).longValue();
        case TIME -> ((Number) value).longValue() * 1000L;
        case TIMESTAMP ->
            value instanceof java.sql.Timestamp timestamp
                ? Math.multiplyExact(timestamp.getTime(), 1000L)
                : Math.multiplyExact(((Number) value).longValue(), 1000L);
        case VARCHAR -> null;
      };
    } catch (ClassCastException | ArithmeticException e) {
      throw new WarpException(
          ErrorCode.INVALID_CAST,
          "parameter "
              + (index + 1)
              + " value "
              + value
              + " does not fit type "
              + type
              + "; bind a value of that type",
          e);
    }
  }

  private static long exactLong(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.longValueExact();
    }
    return ((Number) value).longValue();
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue());
    }
    return BigDecimal.valueOf(((Number) value).longValue());
  }
}
