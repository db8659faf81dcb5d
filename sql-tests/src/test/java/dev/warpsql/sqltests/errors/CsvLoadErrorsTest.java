package dev.warpsql.sqltests.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.load.CsvLoader;
import dev.warpsql.executor.load.CsvOptions;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.sqltests.WarpTestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV files that fail to load: the error names the file, the line and the offending value, no table
 * is created and no memory stays allocated.
 */
class CsvLoadErrorsTest {
  private static final List<ColumnSchema> ITEM_COLUMNS =
      List.of(
          ColumnSchema.nullable("id", DataType.BIGINT),
          ColumnSchema.nullable("price", DataType.decimal(15, 2)),
          ColumnSchema.nullable("shipped", DataType.DATE));

  @TempDir Path directory;

  private WarpDatabase database;

  @BeforeEach
  void createDatabase() {
    database = WarpDatabase.inMemory();
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void badDecimalNamesFileLineAndValue() throws IOException {
    Path file =
        writeCsv(
            "items_bad_value.csv",
            "id,price,shipped\n1,12.50,1998-09-02\n2,12.5x,1998-09-03\n3,7.00,1998-09-04\n");

    WarpException e = loadError("items", file, CsvOptions.DEFAULTS.withColumns(ITEM_COLUMNS));

    assertThat(e.getMessage()).contains("items_bad_value.csv");
    assertThat(e.getMessage()).contains("line 3");
    assertThat(e.getMessage()).contains("12.5x");
    assertThat(e.code().category()).isEqualTo(ErrorCode.Category.DATA);
    assertTableAbsent("items");
  }

  @Test
  void badDateNamesFileLineAndValue() throws IOException {
    Path file = writeCsv("items_bad_date.csv", "id,price,shipped\n1,12.50,1998-02-30\n");

    WarpException e = loadError("items", file, CsvOptions.DEFAULTS.withColumns(ITEM_COLUMNS));

    assertThat(e.getMessage()).contains("items_bad_date.csv");
    assertThat(e.getMessage()).contains("line 2");
    assertThat(e.getMessage()).contains("1998-02-30");
    assertTableAbsent("items");
  }

  @Test
  void raggedRowNamesFileAndLine() throws IOException {
    Path file = writeCsv("ragged.csv", "a,b\n1,2\n3,4\n5\n6,7\n");

    WarpException e = loadError("ragged", file, CsvOptions.DEFAULTS);

    assertThat(e.getMessage()).contains("ragged.csv");
    assertThat(e.getMessage()).contains("line 4");
    assertThat(e.code().category()).isEqualTo(ErrorCode.Category.DATA);
    assertTableAbsent("ragged");
  }

  private Path writeCsv(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
  }

  private WarpException loadError(String tableName, Path file, CsvOptions options) {
    long allocatedBefore = database.allocator().getAllocatedMemory();

    WarpException e =
        catchThrowableOfType(
            WarpException.class,
            () -> {
              // Adding a loaded table here is what the command line does after a load succeeds.
              database
                  .catalog()
                  .schema(Catalog.DEFAULT_SCHEMA)
                  .addTable(CsvLoader.load(tableName, file, options, database.allocator()));
            });

    assertThat(e).as("WarpException from loading %s", file).isNotNull();
    assertThat(database.allocator().getAllocatedMemory())
        .as("bytes still allocated after the failed load")
        .isEqualTo(allocatedBefore);
    return e;
  }

  private void assertTableAbsent(String tableName) {
    assertThat(database.catalog().schema(Catalog.DEFAULT_SCHEMA).table(tableName)).isNull();

    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () -> {
              try (Connection connection = WarpTestDatabases.connect(database);
                  Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT * FROM " + tableName).close();
              }
            });
    assertThat((Throwable) e).as("query of table %s that failed to load", tableName).isNotNull();
    assertThat(e.getMessage()).containsIgnoringCase(tableName);
  }
}
