package dev.warpsql.planner.exec;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.pipeline.BatchChunk;
import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.ExecutionContext;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.DataType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.Bindable;

/**
 * Source of a pipeline fed by an Enumerable subplan (a fallback): it runs the compiled Enumerable
 * code and packs its rows into Arrow chunks, encoding strings into new dictionaries.
 */
public final class EnumerableSourceStep implements ExecutionStep {
  private final Bindable<?> bindable;
  private final Map<String, Object> stashedValues;
  private final List<ColumnSchema> columns;
  private final String description;
  private final boolean ordered;

  /**
   * @param stashedValues values that the compiled code reads from its data context by name
   * @param ordered whether the subplan returns its rows in an order that the statement needs
   */
  public EnumerableSourceStep(
      Bindable<?> bindable,
      Map<String, Object> stashedValues,
      List<ColumnSchema> columns,
      String description,
      boolean ordered) {
    this.bindable = bindable;
    this.stashedValues = Map.copyOf(stashedValues);
    this.columns = List.copyOf(columns);
    this.description = description;
    this.ordered = ordered;
  }

  @Override
  public boolean ordered() {
    return ordered;
  }

  /**
   * The public instance fields of each class of Java-object rows, in the order of {@code
   * Class.getFields()}, which is also the order in which Calcite types such a class's columns.
   */
  private static final ClassValue<Field[]> ROW_FIELDS =
      new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
          return Arrays.stream(type.getFields())
              .filter(field -> !Modifier.isStatic(field.getModifiers()))
              .toArray(Field[]::new);
        }
      };

  @Override
  public String describe() {
    return "enumerable " + description;
  }

  @Override
  public Batch execute(ExecutionContext context) {
    DataContext statement = context.attribute(DataContext.class);
    DataContext withStash = new OverlayDataContext(statement, stashedValues);
    TableSchema schema = new TableSchema(columns);
    try (TableBuilder builder = new TableBuilder("enumerable", schema, context.allocator())) {
      Enumerator<?> rows = bindable.bind(withStash).enumerator();
      try {
        while (rows.moveNext()) {
          context.checkCanceled();
          append(builder, rows.current());
        }
      } finally {
        rows.close();
      }
      Table table = builder.build();
      return toBatch(table);
    } catch (ExceptionInInitializerError e) {
      throw initializerFailure(e);
    } catch (NoClassDefFoundError e) {
      throw new WarpException(
          ErrorCode.INTERNAL_ERROR,
          "the compiled Enumerable code of " + description + " failed before: " + e.getMessage(),
          e);
    }
  }

  /**
   * Returns the exception to raise when the compiled code failed while it initialized its
   * constants, such as a division by zero that Calcite computes once in a static initializer. The
   * failure would otherwise leave the executor as an Error, which no SQLSTATE describes.
   */
  private RuntimeException initializerFailure(ExceptionInInitializerError error) {
    if (error.getCause() instanceof RuntimeException cause) {
      return cause;
    }
    return new WarpException(
        ErrorCode.INTERNAL_ERROR,
        "the compiled Enumerable code of " + description + " failed to initialize",
        error);
  }

  private void append(TableBuilder builder, Object row) {
    if (columns.size() == 1) {
      set(builder, 0, row);
    } else if (row instanceof Object[] values) {
      for (int i = 0; i < values.length; i++) {
        set(builder, i, values[i]);
      }
    } else {
      // A scan of a table whose rows are Java objects, such as Calcite's metadata tables, yields
      // the objects themselves: Calcite's CUSTOM row format, one public field per column in order.
      Field[] fields = rowFields(row.getClass());
      for (int i = 0; i < fields.length; i++) {
        set(builder, i, fieldValue(fields[i], row));
      }
    }
    builder.endRow();
  }

  /** Returns the public instance fields of a row class, checked against the column count. */
  private Field[] rowFields(Class<?> rowClass) {
    Field[] fields = ROW_FIELDS.get(rowClass);
    if (fields.length != columns.size()) {
      throw new WarpException(
          ErrorCode.INTERNAL_ERROR,
          "rows of "
              + description
              + " are "
              + rowClass.getName()
              + " objects with "
              + fields.length
              + " public fields for "
              + columns.size()
              + " columns");
    }
    return fields;
  }

  private static Object fieldValue(Field field, Object row) {
    try {
      return field.get(row);
    } catch (IllegalAccessException e) {
      throw new WarpException(
          ErrorCode.INTERNAL_ERROR, "cannot read field " + field + " of a result row", e);
    }
  }

  private void set(TableBuilder builder, int column, Object value) {
    if (value == null) {
      builder.setNull(column);
      return;
    }
    DataType type = columns.get(column).type();
    switch (type.kind()) {
      case BOOLEAN -> builder.setBoolean(column, (Boolean) value);
      case TINYINT, SMALLINT, INTEGER, BIGINT, DATE ->
          builder.setLong(column, ((Number) value).longValue());
      case TIME -> builder.setLong(column, ((Number) value).longValue() * 1000L);
      case TIMESTAMP ->
          builder.setLong(column, Math.multiplyExact(((Number) value).longValue(), 1000L));
      case REAL, DOUBLE -> builder.setDouble(column, ((Number) value).doubleValue());
      case DECIMAL -> builder.setLong(column, unscaled(value, type));
      case VARCHAR -> builder.setString(column, value.toString());
    }
  }

  private static long unscaled(Object value, DataType type) {
    BigDecimal decimal =
        value instanceof BigDecimal exact ? exact : new BigDecimal(value.toString());
    try {
      return decimal.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new WarpException(
          ErrorCode.NUMERIC_OVERFLOW, "value " + value + " does not fit " + type, e);
    }
  }

  /** Hands the built table's vectors to a batch that owns them. */
  private Batch toBatch(Table table) {
    List<BatchColumn> batchColumns = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnSchema column = columns.get(i);
      batchColumns.add(
          new BatchColumn(column.name(), column.type(), column.nullable(), table.dictionary(i)));
    }
    List<BatchChunk> chunks = new ArrayList<>();
    for (Chunk chunk : table.chunks()) {
      chunks.add(new BatchChunk(chunk.rowCount(), chunk.vectors(), null));
    }
    return new Batch(batchColumns, chunks, true);
  }
}
