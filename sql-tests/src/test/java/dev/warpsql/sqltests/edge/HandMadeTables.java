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
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The small hand-made tables of the edge-case scripts, each loaded from the same CSV file {@code
 * edge/NAME.csv} into WarpSQL and DuckDB with the same declared column types.
 *
 * <p>An unquoted empty field is NULL in both engines, and the quoted empty field {@code ""} is the
 * empty string in a VARCHAR column. A file with only a header row is an empty table.
 */
final class HandMadeTables {
  /** One table: its name, which is also its CSV file's base name, and its columns in order. */
  record HandMadeTable(String name, List<ColumnSchema> columns) {
    HandMadeTable {
      Objects.requireNonNull(name, "name");
      columns = List.copyOf(columns);
    }

    String resource() {
      return "edge/" + name + ".csv";
    }
  }

  static final List<HandMadeTable> ALL =
      List.of(
          // Values at the edges of each type, and a NULL in every column but id.
          new HandMadeTable(
              "nullable_types",
              List.of(
                  ColumnSchema.nullable("id", DataType.INTEGER),
                  ColumnSchema.nullable("int_v", DataType.INTEGER),
                  ColumnSchema.nullable("big_v", DataType.BIGINT),
                  ColumnSchema.nullable("dec_v", DataType.decimal(15, 2)),
                  ColumnSchema.nullable("dbl_v", DataType.DOUBLE),
                  ColumnSchema.nullable("date_v", DataType.DATE),
                  ColumnSchema.nullable("str_v", DataType.VARCHAR),
                  ColumnSchema.nullable("bool_v", DataType.BOOLEAN))),
          // Join inputs: duplicate keys on both sides, NULL keys on both sides, and keys that
          // only one side has. join_empty has a header and no rows.
          keyed("join_left", "a"),
          keyed("join_right", "b"),
          keyed("join_empty", "c"),
          new HandMadeTable(
              "join_labels",
              List.of(
                  ColumnSchema.nullable("k", DataType.INTEGER),
                  ColumnSchema.nullable("label", DataType.VARCHAR))),
          new HandMadeTable(
              "moments",
              List.of(
                  ColumnSchema.nullable("id", DataType.INTEGER),
                  ColumnSchema.nullable("ts", DataType.TIMESTAMP),
                  ColumnSchema.nullable("tm", DataType.TIME),
                  ColumnSchema.nullable("s", DataType.VARCHAR))),
          new HandMadeTable(
              "calendar_days",
              List.of(
                  ColumnSchema.nullable("id", DataType.INTEGER),
                  ColumnSchema.nullable("d", DataType.DATE))),
          new HandMadeTable(
              "like_strings",
              List.of(
                  ColumnSchema.nullable("id", DataType.INTEGER),
                  ColumnSchema.nullable("s", DataType.VARCHAR))),
          // Strings with characters above U+FFFF, which UTF-16 stores as two units.
          new HandMadeTable(
              "code_points",
              List.of(
                  ColumnSchema.nullable("id", DataType.INTEGER),
                  ColumnSchema.nullable("s", DataType.VARCHAR))),
          // String join keys: duplicates, NULL and empty strings on both sides, strings that only
          // one side has, and strings that differ from another only in case or a trailing space.
          stringKeyed("string_keys_left"),
          stringKeyed("string_keys_right"),
          new HandMadeTable(
              "scores",
              List.of(
                  ColumnSchema.nullable("id", DataType.INTEGER),
                  ColumnSchema.nullable("grp", DataType.VARCHAR),
                  ColumnSchema.nullable("score", DataType.INTEGER))),
          // Join keys of every type, with edge values: -0.0, NaN, infinities, type minimums.
          typedKeys("jk_a"),
          typedKeys("jk_b"),
          typedKeys("jk_empty"),
          // Strings of which some do not convert to INTEGER.
          new HandMadeTable(
              "jk_codes",
              List.of(
                  ColumnSchema.nullable("id", DataType.INTEGER),
                  ColumnSchema.nullable("v", DataType.VARCHAR))));

  private static HandMadeTable typedKeys(String name) {
    return new HandMadeTable(
        name,
        List.of(
            ColumnSchema.nullable("id", DataType.INTEGER),
            ColumnSchema.nullable("ti", DataType.TINYINT),
            ColumnSchema.nullable("si", DataType.SMALLINT),
            ColumnSchema.nullable("i", DataType.INTEGER),
            ColumnSchema.nullable("bi", DataType.BIGINT),
            ColumnSchema.nullable("r", DataType.REAL),
            ColumnSchema.nullable("d", DataType.DOUBLE),
            ColumnSchema.nullable("dc", DataType.decimal(12, 3)),
            ColumnSchema.nullable("dt", DataType.DATE),
            ColumnSchema.nullable("s", DataType.VARCHAR),
            ColumnSchema.nullable("b", DataType.BOOLEAN),
            ColumnSchema.nullable("ts", DataType.TIMESTAMP)));
  }

  private HandMadeTables() {}

  private static HandMadeTable keyed(String name, String valueColumn) {
    return new HandMadeTable(
        name,
        List.of(
            ColumnSchema.nullable("id", DataType.INTEGER),
            ColumnSchema.nullable("k", DataType.INTEGER),
            ColumnSchema.nullable(valueColumn, DataType.VARCHAR)));
  }

  private static HandMadeTable stringKeyed(String name) {
    return new HandMadeTable(
        name,
        List.of(
            ColumnSchema.nullable("id", DataType.INTEGER),
            ColumnSchema.nullable("s", DataType.VARCHAR),
            ColumnSchema.nullable("n", DataType.INTEGER)));
  }

  /** Loads every table into WarpSQL's default schema with its declared column types. */
  static void loadInto(WarpDatabase database) {
    for (HandMadeTable table : ALL) {
      CsvOptions options = CsvOptions.DEFAULTS.withColumns(table.columns());
      database
          .catalog()
          .schema(Catalog.DEFAULT_SCHEMA)
          .addTable(CsvLoader.load(table.name(), csvFile(table), options, database.allocator()));
    }
  }

  /**
   * Creates every table in DuckDB through read_csv with the same types. Quoted empty fields stay
   * empty strings only with allow_quoted_nulls off, which is on by default.
   */
  static void loadInto(Connection duckDb) throws SQLException {
    try (Statement statement = duckDb.createStatement()) {
      for (HandMadeTable table : ALL) {
        String path = csvFile(table).toString().replace("'", "''");
        statement.execute(
            "CREATE TABLE "
                + table.name()
                + " AS SELECT * FROM read_csv('"
                + path
                + "', header = true, delim = ',', quote = '\"', escape = '\"', nullstr = '',"
                + " allow_quoted_nulls = false, auto_detect = false, columns = "
                + duckDbColumns(table)
                + ")");
      }
    }
  }

  /**
   * Returns read_csv's columns argument, such as {@code {'id': 'INTEGER'}}. DuckDB accepts the SQL
   * spelling of every type these tables use.
   */
  private static String duckDbColumns(HandMadeTable table) {
    return table.columns().stream()
        .map(column -> "'" + column.name() + "': '" + column.type() + "'")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static Path csvFile(HandMadeTable table) {
    URL url = HandMadeTables.class.getClassLoader().getResource(table.resource());
    if (url == null) {
      throw new IllegalStateException("test resource not found: " + table.resource());
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("test resource " + table.resource() + " has no file path", e);
    }
  }
}
