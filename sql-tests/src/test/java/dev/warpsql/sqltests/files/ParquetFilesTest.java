package dev.warpsql.sqltests.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.sqltests.QueryResult;
import dev.warpsql.sqltests.ResultComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY ... FROM and read_parquet on Parquet files that DuckDB writes, with DuckDB reading the same
 * files as the oracle, and the errors for files and values that cannot load.
 */
class ParquetFilesTest {
  /**
   * Every Parquet type that WarpSQL stores, as DuckDB writes them, NULL in every third row. TIME
   * values are whole seconds and TIMESTAMP values whole milliseconds, because WarpSQL's JDBC
   * results carry no finer fraction (java.sql.Time has none, and its timestamps stop at
   * milliseconds).
   */
  private static final String ALL_TYPES =
      """
      SELECT i AS id,
        CASE WHEN i % 3 <> 1 THEN (i % 100 - 50)::TINYINT END AS tiny,
        CASE WHEN i % 3 <> 1 THEN (i * 7 % 30000)::SMALLINT END AS small,
        CASE WHEN i % 3 <> 1 THEN (i * 104729)::INTEGER END AS int32,
        CASE WHEN i % 3 <> 1 THEN i * 9007199254741 - 4503599627370496 END AS int64,
        CASE WHEN i % 3 <> 1 THEN (i % 250)::UTINYINT END AS utiny,
        CASE WHEN i % 3 <> 1 THEN (i % 60000)::USMALLINT END AS usmall,
        CASE WHEN i % 3 <> 1 THEN (4000000000 - i)::UINTEGER END AS uint32,
        CASE WHEN i % 3 <> 1 THEN (i % 1000 / 10.0 - 50)::DECIMAL(4, 1) END AS dec4,
        CASE WHEN i % 3 <> 1 THEN (i * 12345.67 - 1e9)::DECIMAL(15, 2) END AS dec15,
        CASE WHEN i % 3 <> 1 THEN (i * 1.001 - 99999999999)::DECIMAL(18, 3) END AS dec18,
        CASE WHEN i % 3 <> 1 THEN DATE '1969-12-25' + (i * 37 % 40000)::INTEGER END AS day,
        CASE WHEN i % 3 <> 1 THEN TIME '00:00:00' + to_seconds(i * 17) END AS clock,
        CASE WHEN i % 3 <> 1
          THEN TIMESTAMP '1965-03-01 12:00:00' + to_microseconds(i * 987654321000) END AS ts,
        CASE WHEN i % 3 <> 1
          THEN (TIMESTAMP '2021-06-01 00:00:00' + to_milliseconds(i * 86400017))::TIMESTAMP_MS
          END AS ts_ms,
        CASE WHEN i % 3 <> 1 THEN (i / 7.0 - 100)::FLOAT END AS real32,
        CASE WHEN i % 3 <> 1 THEN i / 3.0 - 1e6 END AS float64,
        CASE WHEN i % 3 <> 1 THEN i % 2 = 0 END AS flag,
        CASE WHEN i % 3 <> 1 THEN 'name ' || (i % 50) || CASE WHEN i % 7 = 0 THEN ' é☃' ELSE ''
          END END AS label,
        CASE WHEN i % 3 <> 1 THEN md5(i::VARCHAR) END AS hash
      FROM range(5000) t(i)
      """;

  @TempDir Path root;
  private Path allowed;
  private Path outside;
  private Connection duckdb;

  @BeforeEach
  void openDuckDb() throws SQLException, IOException {
    allowed = Files.createDirectories(root.resolve("allowed"));
    outside = Files.createDirectories(root.resolve("outside"));
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterEach
  void closeDuckDb() throws SQLException {
    duckdb.close();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:warp:mem:;allow_path=" + allowed);
  }

  private Path writeParquet(String name, String query, String options) throws SQLException {
    Path file = allowed.resolve(name);
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("COPY (" + query + ") TO '" + file + "' (FORMAT parquet" + options + ")");
    }
    return file;
  }

  private void assertSameAsDuckDb(Connection warp, String warpSql, String duckDbSql)
      throws SQLException {
    QueryResult expected = QueryResult.run(duckdb, duckDbSql);
    QueryResult actual = QueryResult.run(warp, warpSql);
    ResultComparison.assertSameResult(expected, actual);
  }

  private void assertSameRowsAsDuckDb(Connection warp, String warpSql, String duckDbSql)
      throws SQLException {
    QueryResult expected = QueryResult.run(duckdb, duckDbSql);
    QueryResult actual = QueryResult.run(warp, warpSql);
    ResultComparison.assertSameRows("", expected, actual);
  }

  @Test
  void readParquetMatchesDuckDbForEveryType() throws SQLException {
    Path file = writeParquet("types.parquet", ALL_TYPES, ", ROW_GROUP_SIZE 1024");
    try (Connection connection = connect()) {
      assertSameAsDuckDb(
          connection,
          "SELECT * FROM read_parquet('" + file + "') ORDER BY id",
          "SELECT * FROM read_parquet('" + file + "') ORDER BY id");
      assertSameRowsAsDuckDb(
          connection,
          "SELECT COUNT(*), COUNT(label), SUM(dec15), MIN(ts), MAX(label) FROM read_parquet('"
              + file
              + "')",
          "SELECT COUNT(*), COUNT(label), SUM(dec15), MIN(ts), MAX(label) FROM read_parquet('"
              + file
              + "')");
    }
  }

  @Test
  void everyCompressionCodecReads() throws SQLException {
    try (Connection connection = connect()) {
      for (String codec : List.of("uncompressed", "snappy", "gzip", "zstd", "lz4_raw")) {
        Path file = writeParquet(codec + ".parquet", ALL_TYPES, ", COMPRESSION " + codec);
        assertSameAsDuckDb(
            connection,
            "SELECT * FROM read_parquet('" + file + "') ORDER BY id",
            "SELECT * FROM read_parquet('" + file + "') ORDER BY id");
      }
    }
  }

  @Test
  void createTableAsReadParquetKeepsTypes() throws SQLException {
    Path file = writeParquet("types.parquet", ALL_TYPES, "");
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t AS SELECT * FROM read_parquet('" + file + "')");
      assertSameAsDuckDb(
          connection,
          "SELECT * FROM t ORDER BY id",
          "SELECT * FROM read_parquet('" + file + "') ORDER BY id");
      assertThat(columnTypes(connection, "t"))
          .containsExactly(
              "BIGINT",
              "TINYINT",
              "SMALLINT",
              "INTEGER",
              "BIGINT",
              "SMALLINT",
              "INTEGER",
              "BIGINT",
              "DECIMAL",
              "DECIMAL",
              "DECIMAL",
              "DATE",
              "TIME",
              "TIMESTAMP",
              "TIMESTAMP",
              "REAL",
              "DOUBLE",
              "BOOLEAN",
              "VARCHAR",
              "VARCHAR");
    }
  }

  @Test
  void copyMatchesByPositionAndColumnList() throws SQLException {
    Path file =
        writeParquet(
            "items.parquet",
            "SELECT i::INTEGER AS item, 'part ' || i AS name, (i * 1.5)::DECIMAL(9, 2) AS price,"
                + " CASE WHEN i % 4 = 0 THEN NULL ELSE DATE '2024-01-01' + i::INTEGER END AS day"
                + " FROM range(3000) t(i)",
            ", ROW_GROUP_SIZE 700");
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE t (id BIGINT NOT NULL, title VARCHAR(20), cost DECIMAL(12, 3),"
              + " shipped TIMESTAMP, note VARCHAR)");
      assertThat(
              statement.executeUpdate(
                  "COPY t (id, title, cost, shipped) FROM '" + file + "' (FORMAT parquet)"))
          .isEqualTo(3000);
      assertSameRowsAsDuckDb(
          connection,
          "SELECT id, title, cost, shipped, note FROM t ORDER BY id",
          "SELECT item, name, price::DECIMAL(12, 3), day::TIMESTAMP, NULL::VARCHAR"
              + " FROM read_parquet('"
              + file
              + "') ORDER BY item");
      statement.execute("CREATE TABLE u (a INTEGER, b VARCHAR, c DECIMAL(9, 2), d DATE)");
      assertThat(statement.executeUpdate("COPY u FROM '" + file + "' WITH (FORMAT parquet)"))
          .isEqualTo(3000);
      assertSameRowsAsDuckDb(
          connection,
          "SELECT * FROM u ORDER BY a",
          "SELECT * FROM read_parquet('" + file + "') ORDER BY item");
    }
  }

  @Test
  void emptyFileLoadsNoRows() throws SQLException {
    Path file =
        writeParquet("empty.parquet", "SELECT 1::INTEGER AS id, 'x' AS name WHERE false", "");
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INTEGER, name VARCHAR)");
      assertThat(statement.executeUpdate("COPY t FROM '" + file + "' (FORMAT parquet)")).isZero();
      assertThat(QueryResult.run(connection, "SELECT * FROM read_parquet('" + file + "')").rows())
          .isEmpty();
    }
  }

  @Test
  void truncatedFileFailsCopy() throws SQLException, IOException {
    Path whole = writeParquet("whole.parquet", ALL_TYPES, "");
    byte[] bytes = Files.readAllBytes(whole);
    Path file = Files.write(allowed.resolve("truncated.parquet"), Arrays.copyOf(bytes, 3000));
    assertCopyFails(file, "truncated.parquet", "22P04");
  }

  @Test
  void damagedPageFailsCopy() throws SQLException, IOException {
    Path whole = writeParquet("whole.parquet", ALL_TYPES, ", COMPRESSION snappy");
    byte[] bytes = Files.readAllBytes(whole);
    // Overwrite the start of the data, past the 4-byte magic, and leave the footer intact.
    for (int i = 4; i < 4000; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Path file = Files.write(allowed.resolve("damaged.parquet"), bytes);
    assertCopyFails(file, "damaged.parquet", "22P04").hasMessageContaining("row group 1");
  }

  @Test
  void nonParquetFileFailsCopy() throws SQLException, IOException {
    Path file = Files.writeString(allowed.resolve("items.parquet"), "id,name\n1,bolt\n");
    assertCopyFails(file, "items.parquet", "22P04").hasMessageContaining("not a Parquet file");
  }

  private AbstractThrowableAssert<?, ?> assertCopyFails(Path file, String name, String sqlState)
      throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t AS SELECT * FROM read_parquet('" + writeKept() + "')");
      AbstractThrowableAssert<?, ?> failure =
          assertThatThrownBy(() -> statement.execute("COPY t FROM '" + file + "' (FORMAT parquet)"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining(name);
      failure.extracting(e -> ((SQLException) e).getSQLState()).as("SQLSTATE").isEqualTo(sqlState);
      assertThat(QueryResult.run(connection, "SELECT COUNT(*) FROM t").rows().get(0).get(0))
          .hasToString("5000");
      return failure;
    }
  }

  private Path writeKept() throws SQLException {
    return writeParquet("kept.parquet", ALL_TYPES, "");
  }

  @Test
  void unsupportedTypesAreRejected() throws SQLException {
    List<String> columns =
        List.of(
            "[1, 2]::INTEGER[] AS list",
            "{'a': 1} AS struct",
            "MAP {'k': 1} AS map",
            "12345678901234567890.5::DECIMAL(38, 1) AS wide",
            "18446744073709551615::UBIGINT AS ubig",
            "'\\x00\\x01'::BLOB AS raw");
    try (Connection connection = connect()) {
      for (String column : columns) {
        String name = column.substring(column.lastIndexOf(' ') + 1);
        Path file = writeParquet(name + ".parquet", "SELECT 1 AS id, " + column, "");
        assertThatThrownBy(
                () -> QueryResult.run(connection, "SELECT * FROM read_parquet('" + file + "')"))
            .as(column)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining(name + ".parquet")
            .hasMessageContaining("column \"" + name + "\"")
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("0A000");
      }
    }
  }

  @Test
  void valuesThatDoNotFitFailWholeCopy() throws SQLException {
    Path big = writeParquet("big.parquet", "SELECT i * 1000000000 AS n FROM range(5) t(i)", "");
    Path longText =
        writeParquet("long.parquet", "SELECT repeat('x', i * 3) AS s FROM range(5) t(i)", "");
    Path nulls =
        writeParquet(
            "nulls.parquet",
            "SELECT CASE WHEN i = 3 THEN NULL ELSE i END AS n FROM range(5) t(i)",
            "");
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE ints (n INTEGER)");
      statement.execute("CREATE TABLE strs (s VARCHAR(5))");
      statement.execute("CREATE TABLE required (n BIGINT NOT NULL)");
      statement.execute("INSERT INTO ints VALUES (7)");
      assertThatThrownBy(() -> statement.execute("COPY ints FROM '" + big + "' (FORMAT parquet)"))
          .hasMessageContaining("big.parquet")
          .hasMessageContaining("row 4")
          .hasMessageContaining("column \"n\"")
          .hasMessageContaining("3000000000")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22003");
      assertThatThrownBy(
              () -> statement.execute("COPY strs FROM '" + longText + "' (FORMAT parquet)"))
          .hasMessageContaining("long.parquet")
          .hasMessageContaining("row 3")
          .hasMessageContaining("xxxxxx")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22001");
      assertThatThrownBy(
              () -> statement.execute("COPY required FROM '" + nulls + "' (FORMAT parquet)"))
          .hasMessageContaining("nulls.parquet")
          .hasMessageContaining("row 4")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23502");
      assertThatThrownBy(() -> statement.execute("COPY strs FROM '" + big + "' (FORMAT parquet)"))
          .hasMessageContaining("BIGINT")
          .hasMessageContaining("VARCHAR(5)")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22018");
      assertThat(QueryResult.run(connection, "SELECT n FROM ints").rows()).hasSize(1);
      assertThat(QueryResult.run(connection, "SELECT s FROM strs").rows()).isEmpty();
      assertThat(QueryResult.run(connection, "SELECT n FROM required").rows()).isEmpty();
    }
  }

  @Test
  void pathsOutsideAllowedDirectoriesAreRejected() throws SQLException, IOException {
    Path secret = outside.resolve("secret.parquet");
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("COPY (SELECT 42 AS n) TO '" + secret + "' (FORMAT parquet)");
    }
    Path link = Files.createSymbolicLink(allowed.resolve("link.parquet"), secret);
    List<String> escapes =
        List.of(
            secret.toString(),
            allowed.resolve("../outside/secret.parquet").toString(),
            outside.resolve("no-such-file.parquet").toString(),
            link.toString());
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (n INTEGER)");
      for (String path : escapes) {
        assertThatThrownBy(
                () -> QueryResult.run(connection, "SELECT * FROM read_parquet('" + path + "')"))
            .as(path)
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42501");
        assertThatThrownBy(() -> statement.execute("COPY t FROM '" + path + "' (FORMAT parquet)"))
            .as(path)
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42501");
      }
      assertThatThrownBy(
              () ->
                  statement.execute(
                      "COPY t FROM '" + allowed.resolve("none.parquet") + "' (FORMAT parquet)"))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("58P01");
      assertThatThrownBy(
              () ->
                  statement.execute(
                      "COPY t FROM '"
                          + allowed.resolve("x.parquet")
                          + "' (FORMAT parquet, HEADER)"))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42601");
    }
  }

  private static List<String> columnTypes(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData metadata = result.getMetaData();
      List<String> types = new ArrayList<>();
      for (int i = 1; i <= metadata.getColumnCount(); i++) {
        types.add(metadata.getColumnTypeName(i));
      }
      return types;
    }
  }
}
