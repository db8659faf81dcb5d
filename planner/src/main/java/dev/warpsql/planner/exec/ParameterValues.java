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
        case TINYINT, SMALLINT, INTEGER, BIGINT -> integer(value, type);
        case REAL, DOUBLE -> ((Number) value).doubleValue();
        case DECIMAL -> {
          // UNNECESSARY: a value with more digits than the inferred type must not be rounded
          // silently, or the statement would compare with a different value than was bound.
          BigDecimal exact = decimal(value).setScale(type.scale(), RoundingMode.UNNECESSARY);
          if (exact.precision() > type.precision()) {
            throw new ArithmeticException("more than " + type.precision() + " digits");
          }
          yield exact.unscaledValue().longValueExact();
        }
        case DATE -> days(value);
        case TIME -> ((Number) value).longValue() * 1000L;
        case TIMESTAMP ->
            value instanceof java.sql.Timestamp timestamp
                ? Math.addExact(
                    Math.multiplyExact(Math.floorDiv(timestamp.getTime(), 1000L), 1_000_000L),
                    timestamp.getNanos() / 1000L)
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
              + " does not fit "
              + type
              + ", the type the statement infers for it; bind a value of that type or give"
              + " the parameter a type in SQL, such as CAST(? AS "
              + type
              + ") with a wider type",
          e);
    }
  }

  /** Returns an exact integer parameter, rejecting fractions and values outside the type. */
  private static long integer(Object value, DataType type) {
    long result;
    if (value instanceof Double || value instanceof Float) {
      result = BigDecimal.valueOf(((Number) value).doubleValue()).longValueExact();
    } else {
      result = exactLong(value);
    }
    long max =
        switch (type.kind()) {
          case TINYINT -> Byte.MAX_VALUE;
          case SMALLINT -> Short.MAX_VALUE;
          case INTEGER -> Integer.MAX_VALUE;
          default -> Long.MAX_VALUE;
        };
    if (result > max || result < -max - 1) {
      throw new ArithmeticException("out of range");
    }
    return result;
  }

  /**
   * Returns a DATE parameter in days. Avatica passes a date as Integer days and a timestamp as Long
   * milliseconds; a timestamp must fall on midnight to compare as a date.
   */
  private static long days(Object value) {
    if (value instanceof LocalDate date) {
      return date.toEpochDay();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toEpochDay();
    }
    if (value instanceof Long millis) {
      long millisPerDay = 86_400_000L;
      if (Math.floorMod(millis, millisPerDay) != 0) {
        throw new ArithmeticException("not a whole day");
      }
      return Math.floorDiv(millis, millisPerDay);
    }
    return ((Integer) value).longValue();
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
