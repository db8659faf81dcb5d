package dev.warpsql.driver;

import dev.warpsql.planner.schema.WarpTypeSystem;
import java.sql.Types;
import org.apache.calcite.avatica.MetaImpl.MetaColumn;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Table;

/**
 * Builds the rows of {@code DatabaseMetaData.getColumns} with what SQL clients expect: TYPE_NAME is
 * the bare type name that {@code getTypeInfo} lists ({@code DECIMAL}, not Calcite's {@code
 * DECIMAL(15, 2) NOT NULL}), and COLUMN_SIZE is the standard size of the type (see {@link
 * ColumnSizes}) or, for DECIMAL and character types, the declared precision or length.
 * IS_AUTOINCREMENT and IS_GENERATEDCOLUMN are {@code NO}, where Avatica's shorter constructor
 * (1.27) leaves an empty string, which JDBC reserves for "unknown".
 *
 * <p>Connections name it in Calcite's {@code metaColumnFactory} property. Thread-safe.
 */
public final class WarpMetaColumnFactory implements CalciteMetaColumnFactory {
  /** The instance that Calcite's {@code metaColumnFactory} property refers to. */
  public static final WarpMetaColumnFactory INSTANCE = new WarpMetaColumnFactory();

  /** IS_AUTOINCREMENT and IS_GENERATEDCOLUMN: WarpSQL has no such columns. */
  private static final String NOT_GENERATED = "NO";

  private static final RelDataTypeFactory TYPE_FACTORY =
      new JavaTypeFactoryImpl(WarpTypeSystem.INSTANCE);

  private WarpMetaColumnFactory() {}

  @Override
  public MetaColumn createColumn(
      Table table,
      String tableCat,
      String tableSchem,
      String tableName,
      String columnName,
      int dataType,
      String typeName,
      Integer columnSize,
      Integer decimalDigits,
      int numPrecRadix,
      int nullable,
      Integer charOctetLength,
      int ordinalPosition,
      String isNullable) {
    Integer fixedSize = ColumnSizes.fixedSize(dataType);
    Integer size = fixedSize != null ? fixedSize : sizeOrNull(columnSize);
    return new MetaColumn(
        tableCat,
        tableSchem,
        tableName,
        columnName,
        dataType,
        bareTypeName(table, columnName, typeName),
        size,
        decimalDigits,
        numPrecRadix,
        nullable,
        isCharacterType(dataType) ? sizeOrNull(charOctetLength) : null,
        ordinalPosition,
        isNullable,
        NOT_GENERATED,
        NOT_GENERATED);
  }

  @Override
  public Class<? extends MetaColumn> getMetaColumnClass() {
    return MetaColumn.class;
  }

  /** Returns a size, or null for Calcite's -1, which means that the type has no size. */
  private static Integer sizeOrNull(Integer size) {
    return size == null || size < 0 ? null : size;
  }

  private static boolean isCharacterType(int dataType) {
    return switch (dataType) {
      case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGVARCHAR -> true;
      default -> false;
    };
  }

  /**
   * Returns the name of the column's {@code SqlTypeName}, which is the name {@code getTypeInfo}
   * lists; falls back to the full type string up to its first parenthesis or space.
   */
  static String bareTypeName(Table table, String columnName, String fullTypeName) {
    RelDataTypeField field = table.getRowType(TYPE_FACTORY).getField(columnName, true, false);
    if (field != null) {
      return field.getType().getSqlTypeName().getName();
    }
    int end = fullTypeName.length();
    for (char separator : new char[] {'(', ' '}) {
      int index = fullTypeName.indexOf(separator);
      if (index >= 0 && index < end) {
        end = index;
      }
    }
    return fullTypeName.substring(0, end);
  }
}
