package dev.warpsql.sqltests.edge;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.load.CsvLoader;
import dev.warpsql.executor.load.CsvOptions;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.kernels.ir.DataType;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The small hand-made table {@code nullable_types}, with a NULL in every column, loaded from the
 * same CSV file into WarpSQL and DuckDB.
 *
 * <p>An unquoted empty field is NULL in both engines, and the quoted empty field {@code ""} is the
 * empty string in the VARCHAR column.
 */
final class NullableTypesTable {
  static final String NAME = "nullable_types";

  private static final String RESOURCE = "edge/nullable_types.csv";

  private static final List<ColumnSchema> COLUMNS =
      List.of(
          ColumnSchema.nullable("id", DataType.INTEGER),
          ColumnSchema.nullable("int_v", DataType.INTEGER),
          ColumnSchema.nullable("big_v", DataType.BIGINT),
          ColumnSchema.nullable("dec_v", DataType.decimal(15, 2)),
          ColumnSchema.nullable("dbl_v", DataType.DOUBLE),
          ColumnSchema.nullable("date_v", DataType.DATE),
          ColumnSchema.nullable("str_v", DataType.VARCHAR),
          ColumnSchema.nullable("bool_v", DataType.BOOLEAN));

  /** DuckDB's types for {@link #COLUMNS}, in the same order. */
  private static final String DUCKDB_COLUMNS =
      "{'id': 'INTEGER', 'int_v': 'INTEGER', 'big_v': 'BIGINT', 'dec_v': 'DECIMAL(15,2)',"
          + " 'dbl_v': 'DOUBLE', 'date_v': 'DATE', 'str_v': 'VARCHAR', 'bool_v': 'BOOLEAN'}";

  private NullableTypesTable() {}

  /** Loads the table into WarpSQL's default schema with declared column types. */
  static void loadInto(WarpDatabase database) {
    CsvOptions options = CsvOptions.DEFAULTS.withColumns(COLUMNS);
    database
        .catalog()
        .schema(Catalog.DEFAULT_SCHEMA)
        .addTable(CsvLoader.load(NAME, csvFile(), options, database.allocator()));
  }

  /**
   * Creates the table in DuckDB through read_csv with the same types. Quoted empty fields stay
   * empty strings only with allow_quoted_nulls off, which is on by default.
   */
  static void loadInto(Connection duckDb) throws SQLException {
    String path = csvFile().toString().replace("'", "''");
    try (Statement statement = duckDb.createStatement()) {
      statement.execute(
          "CREATE TABLE "
              + NAME
              + " AS SELECT * FROM read_csv('"
              + path
              + "', header = true, delim = ',', quote = '\"', escape = '\"', nullstr = '',"
              + " allow_quoted_nulls = false, auto_detect = false, columns = "
              + DUCKDB_COLUMNS
              + ")");
    }
  }

  private static Path csvFile() {
    URL url = NullableTypesTable.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException("test resource not found: " + RESOURCE);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("test resource " + RESOURCE + " has no file path", e);
    }
  }
}
