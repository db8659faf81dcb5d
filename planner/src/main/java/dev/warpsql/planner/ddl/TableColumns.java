package dev.warpsql.planner.ddl;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.planner.schema.TypeMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** Turns SQL column declarations and query row types into stored table columns. */
final class TableColumns {
  private TableColumns() {}

  /**
   * Returns the columns of a table created from a query's rows, named by {@code names} when given
   * and by the query otherwise.
   */
  static TableSchema fromRowType(RelDataType rowType, List<String> names, String tableName) {
    List<RelDataTypeField> fields = rowType.getFieldList();
    if (names != null && names.size() != fields.size()) {
      throw new WarpException(
          ErrorCode.VALIDATION_ERROR,
          "table \""
              + tableName
              + "\" lists "
              + names.size()
              + " columns but its query returns "
              + fields.size()
              + ". List one name per query column.");
    }
    List<ColumnSchema> columns = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String name = names == null ? fields.get(i).getName() : names.get(i);
      // As in PostgreSQL and DuckDB, a created table takes the query's types but no NOT NULL.
      ColumnSchema column = column(name, fields.get(i).getType(), tableName);
      columns.add(new ColumnSchema(column.name(), column.type(), true));
    }
    return schema(columns, tableName);
  }

  /** Returns a stored column of a SQL type, or raises when no stored type can store its values. */
  static ColumnSchema column(String name, RelDataType type, String tableName) {
    try {
      return storedColumn(name, type, tableName);
    } catch (IllegalArgumentException e) {
      throw new WarpException(
          ErrorCode.INVALID_PARAMETER_VALUE,
          "invalid type "
              + type.getFullTypeString()
              + " for column \""
              + name
              + "\": "
              + e.getMessage()
              + ".");
    }
  }

  private static ColumnSchema storedColumn(String name, RelDataType type, String tableName) {
    DataType dataType =
        TypeMapping.toDataType(type)
            .orElseThrow(
                () ->
                    new WarpException(
                        ErrorCode.UNSUPPORTED,
                        "column \""
                            + name
                            + "\" of table \""
                            + tableName
                            + "\" has type "
                            + type.getFullTypeString()
                            + ", which WarpSQL tables cannot store. Use BOOLEAN, an integer,"
                            + " DECIMAL, REAL, DOUBLE, DATE, TIME, TIMESTAMP or VARCHAR."));
    boolean bounded =
        dataType.kind() == TypeKind.VARCHAR
            && type.getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED;
    // Kernels ignore string lengths, but a stored column keeps its declared length and rejects
    // longer values. NOTE: CHAR(n) is stored as VARCHAR(n), without padding to n characters.
    DataType stored = bounded ? DataType.varchar(type.getPrecision()) : dataType;
    return new ColumnSchema(name, stored, type.isNullable());
  }

  /** Returns a table schema, or raises when two columns share a name. */
  static TableSchema schema(List<ColumnSchema> columns, String tableName) {
    Set<String> seen = new HashSet<>();
    for (ColumnSchema column : columns) {
      if (!seen.add(column.name())) {
        throw new WarpException(
            ErrorCode.VALIDATION_ERROR,
            "table \""
                + tableName
                + "\" has two columns named \""
                + column.name()
                + "\". Give each column its own name.");
      }
    }
    return new TableSchema(columns);
  }
}
