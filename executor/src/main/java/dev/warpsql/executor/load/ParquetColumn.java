package dev.warpsql.executor.load;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.kernels.ir.DataType;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A top-level column of a Parquet file with the WarpSQL type that stores its values.
 *
 * <p>Physical and logical Parquet types map as follows. INT32 without annotation or as INT(8),
 * INT(16), INT(32) signed: TINYINT, SMALLINT, INTEGER. INT(8) and INT(16) unsigned: SMALLINT and
 * INTEGER; INT(32) unsigned: BIGINT. INT64 and INT(64) signed: BIGINT. DECIMAL(p, s) with p up to
 * 18 on INT32, INT64, BINARY or FIXED_LEN_BYTE_ARRAY: DECIMAL(p, s). DATE: DATE. TIME in millis or
 * micros: TIME. TIMESTAMP in millis or micros: TIMESTAMP, in UTC for a UTC-adjusted timestamp.
 * FLOAT: REAL. DOUBLE: DOUBLE. BOOLEAN: BOOLEAN. BINARY as STRING, ENUM or JSON: VARCHAR, whose
 * bytes must be UTF-8. Any other column raises a {@link WarpException} with {@link
 * ErrorCode#UNSUPPORTED} naming the file, the column and its type.
 *
 * @param name the column name as the file spells it
 * @param descriptor the column's path and levels in the file
 * @param type the WarpSQL type of its values
 * @param unitMicros microseconds per stored unit for TIME and TIMESTAMP columns (1000 for millis),
 *     1 for every other type
 * @param unsigned whether an INT32 holds an unsigned 32-bit value
 */
record ParquetColumn(
    String name, ColumnDescriptor descriptor, DataType type, long unitMicros, boolean unsigned) {
  /** Largest DECIMAL precision that a Parquet file may use here: 18 digits always fit a long. */
  static final int MAX_DECIMAL_PRECISION = 18;

  /** Returns the column for a top-level field of the file, or raises when it cannot be stored. */
  static ParquetColumn of(Path file, Type field, ColumnDescriptor descriptor) {
    if (!field.isPrimitive()) {
      throw unsupported(file, field, "a nested group (struct, list or map)");
    }
    if (field.isRepetition(Type.Repetition.REPEATED)) {
      throw unsupported(file, field, "a repeated field (a list)");
    }
    PrimitiveType primitive = field.asPrimitiveType();
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    String name = field.getName();
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      if (decimal.getPrecision() > MAX_DECIMAL_PRECISION) {
        throw unsupported(file, field, "a DECIMAL wider than " + MAX_DECIMAL_PRECISION + " digits");
      }
      DataType type = DataType.decimal(decimal.getPrecision(), decimal.getScale());
      return new ParquetColumn(name, descriptor, type, 1, false);
    }
    return switch (primitive.getPrimitiveTypeName()) {
      case BOOLEAN -> plain(name, descriptor, DataType.BOOLEAN, logical == null, file, field);
      case FLOAT -> plain(name, descriptor, DataType.REAL, logical == null, file, field);
      case DOUBLE -> plain(name, descriptor, DataType.DOUBLE, logical == null, file, field);
      case INT32 -> int32(file, field, descriptor, logical);
      case INT64 -> int64(file, field, descriptor, logical);
      case BINARY -> {
        // BINARY without annotation is a byte string (DuckDB reads it as BLOB), not text.
        boolean text =
            logical instanceof StringLogicalTypeAnnotation
                || logical instanceof EnumLogicalTypeAnnotation
                || logical instanceof JsonLogicalTypeAnnotation;
        yield plain(name, descriptor, DataType.VARCHAR, text, file, field);
      }
      case INT96, FIXED_LEN_BYTE_ARRAY ->
          throw unsupported(file, field, "a type without a WarpSQL equivalent");
    };
  }

  private static ParquetColumn int32(
      Path file, Type field, ColumnDescriptor descriptor, LogicalTypeAnnotation logical) {
    String name = field.getName();
    if (logical == null) {
      return new ParquetColumn(name, descriptor, DataType.INTEGER, 1, false);
    }
    if (logical instanceof IntLogicalTypeAnnotation integer) {
      DataType type =
          switch (integer.getBitWidth()) {
            case 8 -> integer.isSigned() ? DataType.TINYINT : DataType.SMALLINT;
            case 16 -> integer.isSigned() ? DataType.SMALLINT : DataType.INTEGER;
            default -> integer.isSigned() ? DataType.INTEGER : DataType.BIGINT;
          };
      return new ParquetColumn(name, descriptor, type, 1, !integer.isSigned());
    }
    if (logical instanceof DateLogicalTypeAnnotation) {
      return new ParquetColumn(name, descriptor, DataType.DATE, 1, false);
    }
    if (logical instanceof TimeLogicalTypeAnnotation time && time.getUnit() == TimeUnit.MILLIS) {
      return new ParquetColumn(name, descriptor, DataType.TIME, 1000, false);
    }
    throw unsupported(file, field, "a type without a WarpSQL equivalent");
  }

  private static ParquetColumn int64(
      Path file, Type field, ColumnDescriptor descriptor, LogicalTypeAnnotation logical) {
    String name = field.getName();
    if (logical == null
        || (logical instanceof IntLogicalTypeAnnotation integer && integer.isSigned())) {
      return new ParquetColumn(name, descriptor, DataType.BIGINT, 1, false);
    }
    if (logical instanceof IntLogicalTypeAnnotation) {
      throw unsupported(file, field, "an unsigned 64-bit integer, wider than BIGINT");
    }
    if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
      return timeColumn(file, field, descriptor, DataType.TIMESTAMP, timestamp.getUnit());
    }
    if (logical instanceof TimeLogicalTypeAnnotation time) {
      return timeColumn(file, field, descriptor, DataType.TIME, time.getUnit());
    }
    throw unsupported(file, field, "a type without a WarpSQL equivalent");
  }

  private static ParquetColumn timeColumn(
      Path file, Type field, ColumnDescriptor descriptor, DataType type, TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> new ParquetColumn(field.getName(), descriptor, type, 1000, false);
      case MICROS -> new ParquetColumn(field.getName(), descriptor, type, 1, false);
      case NANOS -> throw unsupported(file, field, "in nanoseconds, finer than WarpSQL's micros");
    };
  }

  private static ParquetColumn plain(
      String name,
      ColumnDescriptor descriptor,
      DataType type,
      boolean supported,
      Path file,
      Type field) {
    if (!supported) {
      throw unsupported(file, field, "a type without a WarpSQL equivalent");
    }
    return new ParquetColumn(name, descriptor, type, 1, false);
  }

  /** Returns the lower-case name that read_parquet gives the column, as read_csv does. */
  String sqlName() {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Returns whether a value can be NULL, which is when the field is not REQUIRED. */
  boolean optional() {
    return descriptor.getMaxDefinitionLevel() > 0;
  }

  private static WarpException unsupported(Path file, Type field, String why) {
    return new WarpException(
        ErrorCode.UNSUPPORTED,
        "cannot read column \""
            + field.getName()
            + "\" of Parquet file "
            + file
            + ": its type '"
            + field.toString().strip().replaceAll("\\s+", " ")
            + "' is "
            + why
            + ", which WarpSQL cannot store. Leave the column out of the file or convert it.");
  }
}
