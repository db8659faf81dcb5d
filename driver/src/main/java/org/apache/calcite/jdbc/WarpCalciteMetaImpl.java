package org.apache.calcite.jdbc;

import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;

import dev.warpsql.driver.MetadataPattern;
import dev.warpsql.kernels.ir.DataType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * Calcite's metadata with JDBC's pattern rules in {@code getSchemas}, {@code getTables}, {@code
 * getColumns} and {@code getFunctions}: an unescaped {@code _} matches one character (see {@link
 * MetadataPattern}), where Calcite 1.41 matches it literally. Everything else is Calcite's.
 *
 * <p>This class sits in Calcite's package because the constructor of {@link CalciteMetaImpl} takes
 * the package-private {@code CalciteConnectionImpl}, and the schema and table listings it filters
 * are package-private too. Calcite's own code casts a connection's meta to {@code CalciteMetaImpl},
 * so a wrapper around it would not do.
 */
public final class WarpCalciteMetaImpl extends CalciteMetaImpl {
  /** The order of {@code getFunctions} rows that JDBC specifies: catalog, schema, name, id. */
  private static final Comparator<MetaFunction> FUNCTION_ORDER =
      Comparator.comparing((MetaFunction f) -> f.functionCat, nullsFirst(naturalOrder()))
          .thenComparing(f -> f.functionSchem, nullsFirst(naturalOrder()))
          .thenComparing(f -> f.functionName, nullsFirst(naturalOrder()))
          .thenComparing(f -> f.specificName, nullsFirst(naturalOrder()));

  /** The types that a table column can be declared with. */
  private static final Set<String> STORED_TYPES =
      Set.of(
          "BOOLEAN",
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "DECIMAL",
          "FLOAT",
          "REAL",
          "DOUBLE",
          "DATE",
          "TIME",
          "TIMESTAMP",
          "CHAR",
          "VARCHAR");

  private final CalciteMetaTableFactory tableFactory;
  private final CalciteMetaColumnFactory columnFactory;

  private WarpCalciteMetaImpl(
      CalciteConnectionImpl connection,
      CalciteMetaTableFactory tableFactory,
      CalciteMetaColumnFactory columnFactory) {
    super(connection, tableFactory, columnFactory);
    this.tableFactory = tableFactory;
    this.columnFactory = columnFactory;
  }

  /** Creates the metadata of a connection that Calcite's driver opened. */
  public static WarpCalciteMetaImpl create(
      CalciteConnection connection,
      CalciteMetaTableFactory tableFactory,
      CalciteMetaColumnFactory columnFactory) {
    return new WarpCalciteMetaImpl((CalciteConnectionImpl) connection, tableFactory, columnFactory);
  }

  /**
   * Returns the types that tables store, ordered by DATA_TYPE as JDBC requires, where Calcite lists
   * every type of its type system, including ARRAY, MAP and the INTERVAL types. DECIMAL reports the
   * precision that a column can declare, 18 digits; Calcite's type system allows 19 for computed
   * values, which a stored column does not.
   */
  @Override
  protected Enumerable<MetaTypeInfo> allTypeInfo() {
    return super.allTypeInfo()
        .where(type -> STORED_TYPES.contains(type.typeName))
        .select(WarpCalciteMetaImpl::storedTypeInfo)
        .orderBy(type -> type.dataType);
  }

  private static MetaTypeInfo storedTypeInfo(MetaTypeInfo type) {
    if (!type.typeName.equals("DECIMAL")) {
      return type;
    }
    int precision = DataType.MAX_STORED_DECIMAL_PRECISION;
    return new MetaTypeInfo(
        type.typeName,
        type.dataType,
        precision,
        type.literalPrefix,
        type.literalSuffix,
        type.nullable,
        type.caseSensitive,
        type.searchable,
        type.unsignedAttribute,
        type.fixedPrecScale,
        type.autoIncrement,
        type.minimumScale,
        (short) precision,
        type.numPrecRadix);
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    MetadataPattern schemas = MetadataPattern.of(schemaPattern.s);
    Enumerable<MetaSchema> rows =
        schemas(catalog).where(schema -> schemas.matches(schema.tableSchem));
    return resultSet(rows, MetaSchema.class, SCHEMA_COLUMNS);
  }

  @Override
  public MetaResultSet getTables(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      List<String> typeList) {
    Enumerable<MetaTable> rows =
        tables(catalog, MetadataPattern.of(schemaPattern.s), MetadataPattern.of(tableNamePattern.s))
            .where(table -> typeList == null || typeList.contains(table.tableType));
    return resultSet(rows, tableFactory.getMetaTableClass(), tableFactory.getColumnNames());
  }

  @Override
  public MetaResultSet getColumns(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      Pat columnNamePattern) {
    MetadataPattern columns = MetadataPattern.of(columnNamePattern.s);
    Enumerable<MetaColumn> rows =
        tables(catalog, MetadataPattern.of(schemaPattern.s), MetadataPattern.of(tableNamePattern.s))
            .selectMany(this::columns)
            .where(column -> columns.matches(column.columnName));
    return resultSet(rows, columnFactory.getMetaColumnClass(), columnFactory.getColumnNames());
  }

  @Override
  public MetaResultSet getFunctions(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat functionNamePattern) {
    MetadataPattern schemas = MetadataPattern.of(schemaPattern.s);
    MetadataPattern functions = MetadataPattern.of(functionNamePattern.s);
    Enumerable<MetaFunction> rows =
        schemas(catalog)
            .where(schema -> schemas.matches(schema.tableSchem))
            .selectMany(schema -> functions(schema, catalog))
            .where(function -> functions.matches(function.functionName))
            .orderBy(function -> function, FUNCTION_ORDER);
    return resultSet(rows, MetaFunction.class, FUNCTION_COLUMNS);
  }

  /**
   * Lists the tables whose schema and name match. Calcite's schema lookup gets the wider pattern,
   * and the exact one then drops what it matched too much.
   */
  private Enumerable<MetaTable> tables(
      String catalog, MetadataPattern schemas, MetadataPattern tables) {
    LikePattern lookup = new LikePattern(tables.calcitePattern());
    return schemas(catalog)
        .where(schema -> schemas.matches(schema.tableSchem))
        .selectMany(schema -> tables(schema, lookup))
        .where(table -> tables.matches(table.tableName));
  }

  /**
   * Builds a metadata result set whose columns are the public fields of {@code rowClass} named by
   * {@code columnNames} in camel case, as Avatica's record cursor reads them.
   */
  private MetaResultSet resultSet(Enumerable<?> rows, Class<?> rowClass, List<String> columnNames) {
    List<ColumnMetaData> columns = new ArrayList<>(columnNames.size());
    List<Field> fields = new ArrayList<>(columnNames.size());
    List<String> fieldNames = new ArrayList<>(columnNames.size());
    for (String columnName : columnNames) {
      String fieldName = AvaticaUtils.toCamelCase(columnName);
      Field field = field(rowClass, fieldName);
      columns.add(columnMetaData(columnName, columns.size(), field.getType(), false));
      fields.add(field);
      fieldNames.add(fieldName);
    }
    @SuppressWarnings("unchecked")
    Iterable<Object> iterable = (Iterable<Object>) (Iterable<?>) rows;
    return createResultSet(
        Map.of(),
        columns,
        CursorFactory.record(rowClass, fields, fieldNames),
        new Frame(0, true, iterable));
  }

  private static Field field(Class<?> rowClass, String name) {
    try {
      return rowClass.getField(name);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(
          "metadata row class " + rowClass.getName() + " has no public field " + name, e);
    }
  }
}
