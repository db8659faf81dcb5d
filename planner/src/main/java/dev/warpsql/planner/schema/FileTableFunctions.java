package dev.warpsql.planner.schema;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.load.CsvLoader;
import dev.warpsql.executor.load.CsvOptions;
import dev.warpsql.executor.load.ParquetLoader;
import dev.warpsql.executor.pipeline.CsvScanStep;
import dev.warpsql.executor.pipeline.ParquetScanStep;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The table functions that read files. {@code read_csv(path [, delimiter => ','] [, nullstr =>
 * ''])} takes its columns from the file's header and types inferred from its values; {@code
 * read_parquet(path)} takes them from the file's schema. {@code warp_copy_source} and {@code
 * warp_copy_parquet_source} are the sources of COPY, whose columns are those of the target table.
 */
final class FileTableFunctions {
  /** Name of the table function that COPY ... FROM reads a CSV file through. */
  static final String COPY_SOURCE = "warp_copy_source";

  /** Name of the table function that COPY ... FROM reads a Parquet file through. */
  static final String COPY_PARQUET_SOURCE = "warp_copy_parquet_source";

  /** The leading parameters of both COPY sources: the file and the target columns. */
  private static final List<FunctionParameter> COPY_PARAMETERS =
      List.of(
          parameter(0, "path", SqlTypeName.VARCHAR, false),
          parameter(1, "schema_name", SqlTypeName.VARCHAR, false),
          parameter(2, "table_name", SqlTypeName.VARCHAR, false),
          parameter(3, "column_names", SqlTypeName.VARCHAR, false));

  private FileTableFunctions() {}

  static TableMacro readCsv(Catalog catalog) {
    return new Macro(
        List.of(
            parameter(0, "path", SqlTypeName.VARCHAR, false),
            parameter(1, "delimiter", SqlTypeName.VARCHAR, true),
            parameter(2, "nullstr", SqlTypeName.VARCHAR, true))) {
      @Override
      public TranslatableTable apply(List<?> arguments) {
        String path = requiredText(arguments, 0, "path");
        CsvOptions options = options(arguments.get(1), arguments.get(2));
        Path file = catalog.fileAccess().check(path);
        TableSchema columns = CsvLoader.inferColumns(file, options);
        return csvTable(catalog, file, options.withColumns(columns.columns()));
      }
    };
  }

  static TableMacro readParquet(Catalog catalog) {
    return new Macro(List.of(parameter(0, "path", SqlTypeName.VARCHAR, false))) {
      @Override
      public TranslatableTable apply(List<?> arguments) {
        Path file = catalog.fileAccess().check(requiredText(arguments, 0, "path"));
        return parquetTable(catalog, file, ParquetLoader.inferColumns(file).columns());
      }
    };
  }

  static TableMacro copyParquetSource(Catalog catalog) {
    return new Macro(COPY_PARAMETERS) {
      @Override
      public TranslatableTable apply(List<?> arguments) {
        List<ColumnSchema> columns = targetColumns(catalog, arguments);
        Path file = catalog.fileAccess().check(requiredText(arguments, 0, "path"));
        return parquetTable(catalog, file, columns);
      }
    };
  }

  private static FileTable csvTable(Catalog catalog, Path file, CsvOptions options) {
    String path = file.toString();
    return new FileTable(
        path, options.columns(), new CsvScanStep(path, options, catalog::fileAccess));
  }

  /**
   * Returns the source of a CSV COPY, which loads straight into the target table's dictionaries and
   * allocator, so that the append keeps the loaded chunks.
   */
  private static FileTable copyTable(
      Catalog catalog, Path file, CsvOptions options, CatalogTable target) {
    String path = file.toString();
    List<ColumnSchema> columns = options.columns();
    CsvScanStep scan =
        new CsvScanStep(
            path, options, catalog::fileAccess, () -> loadTarget(catalog, target, columns));
    return new FileTable(path, columns, scan);
  }

  /**
   * Returns the target table's dictionaries for the loaded columns as they are at run time, or null
   * when the table has changed since planning so that a column is gone or no longer VARCHAR.
   */
  private static CsvScanStep.Target loadTarget(
      Catalog catalog, CatalogTable target, List<ColumnSchema> columns) {
    Table current = target.current();
    TableSchema schema = current.schema();
    List<StringDictionary> dictionaries = new ArrayList<>();
    for (ColumnSchema column : columns) {
      int index = schema.columnIndex(column.name());
      if (index < 0 || !schema.column(index).equals(column)) {
        return null;
      }
      dictionaries.add(current.dictionary(index));
    }
    return new CsvScanStep.Target(dictionaries, catalog.allocator());
  }

  private static FileTable parquetTable(Catalog catalog, Path file, List<ColumnSchema> columns) {
    String path = file.toString();
    return new FileTable(path, columns, new ParquetScanStep(path, columns, catalog::fileAccess));
  }

  static TableMacro copySource(Catalog catalog) {
    List<FunctionParameter> parameters = new ArrayList<>(COPY_PARAMETERS);
    parameters.addAll(
        List.of(
            parameter(4, "header", SqlTypeName.BOOLEAN, false),
            parameter(5, "delimiter", SqlTypeName.VARCHAR, false),
            parameter(6, "nullstr", SqlTypeName.VARCHAR, false)));
    return new Macro(parameters) {
      @Override
      public TranslatableTable apply(List<?> arguments) {
        String path = requiredText(arguments, 0, "path");
        List<ColumnSchema> columns = targetColumns(catalog, arguments);
        CsvOptions options =
            options(arguments.get(5), arguments.get(6))
                .withColumns(columns)
                .withHeader(Boolean.TRUE.equals(arguments.get(4)));
        Path file = catalog.fileAccess().check(path);
        return copyTable(catalog, file, options, targetTable(catalog, arguments));
      }
    };
  }

  /**
   * Returns the columns of the target table that the file supplies, in the file's order, from the
   * schema_name, table_name and column_names arguments of a COPY source.
   */
  private static List<ColumnSchema> targetColumns(Catalog catalog, List<?> arguments) {
    String tableName = requiredText(arguments, 2, "table_name");
    String columnNames = requiredText(arguments, 3, "column_names");
    CatalogTable table = targetTable(catalog, arguments);
    TableSchema tableSchema = table.schema();
    if (columnNames.isEmpty()) {
      return tableSchema.columns();
    }
    List<ColumnSchema> columns = new ArrayList<>();
    for (String name : columnNames.split(",", -1)) {
      int index = tableSchema.columnIndex(name);
      if (index < 0) {
        throw new WarpException(
            ErrorCode.UNKNOWN_COLUMN,
            "column \"" + name + "\" of table \"" + tableName + "\" does not exist.");
      }
      columns.add(tableSchema.column(index));
    }
    return columns;
  }

  /** Returns the target table of a COPY source from its schema_name and table_name arguments. */
  private static CatalogTable targetTable(Catalog catalog, List<?> arguments) {
    String schemaName = requiredText(arguments, 1, "schema_name");
    String tableName = requiredText(arguments, 2, "table_name");
    CatalogSchema schema = catalog.schema(schemaName);
    CatalogTable table = schema == null ? null : schema.catalogTable(tableName);
    if (table == null) {
      throw new WarpException(
          ErrorCode.UNKNOWN_TABLE,
          "table \"" + schemaName + "\".\"" + tableName + "\" does not exist.");
    }
    return table;
  }

  private static CsvOptions options(Object delimiter, Object nullText) {
    CsvOptions options = CsvOptions.DEFAULTS;
    if (delimiter != null) {
      String text = delimiter.toString();
      if (text.length() != 1) {
        throw new WarpException(
            ErrorCode.VALIDATION_ERROR,
            "invalid CSV delimiter '" + text + "': give exactly one character, such as ';'.");
      }
      options = options.withDelimiter(text.charAt(0));
    }
    if (nullText != null) {
      options = options.withNullText(nullText.toString());
    }
    return options;
  }

  private static String requiredText(List<?> arguments, int index, String name) {
    Object value = arguments.get(index);
    if (value == null) {
      throw new WarpException(
          ErrorCode.VALIDATION_ERROR, "the " + name + " argument must be a non-NULL literal.");
    }
    return value.toString();
  }

  private static FunctionParameter parameter(
      int ordinal, String name, SqlTypeName type, boolean optional) {
    return new FunctionParameter() {
      @Override
      public int getOrdinal() {
        return ordinal;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public RelDataType getType(RelDataTypeFactory typeFactory) {
        // Calcite hands literal arguments to a table macro only for Java-typed parameters.
        Class<?> javaClass = type == SqlTypeName.BOOLEAN ? Boolean.class : String.class;
        return typeFactory.createJavaType(javaClass);
      }

      @Override
      public boolean isOptional() {
        return optional;
      }
    };
  }

  /** A table macro with fixed parameters. */
  private abstract static class Macro implements TableMacro {
    private final List<FunctionParameter> parameters;

    Macro(List<FunctionParameter> parameters) {
      this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public List<FunctionParameter> getParameters() {
      return parameters;
    }
  }
}
