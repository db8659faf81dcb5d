package dev.warpsql.driver.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Parsed command line of {@code warp query}.
 *
 * @param tpchScaleFactor TPC-H scale factor to load, if any
 * @param csvTables CSV files to load, in command-line order
 * @param format output format
 * @param device value of the connection property {@code device}: auto, cpu or gpu
 * @param sqlFile file to read the SQL from, where {@code -} is standard input; empty when the SQL
 *     is given inline
 * @param sqlText inline SQL; empty when it comes from {@code sqlFile}
 */
record QueryOptions(
    OptionalDouble tpchScaleFactor,
    List<CsvTable> csvTables,
    OutputFormat format,
    String device,
    Optional<Path> sqlFile,
    Optional<String> sqlText,
    Optional<Path> dataDirectory,
    List<Path> allowedPaths) {

  /** A {@code --csv NAME=PATH} argument: the file to load and its lower-case table name. */
  record CsvTable(String tableName, Path file) {
    CsvTable {
      requireNonNull(tableName, "tableName");
      requireNonNull(file, "file");
    }
  }

  QueryOptions {
    requireNonNull(tpchScaleFactor, "tpchScaleFactor");
    csvTables = List.copyOf(csvTables);
    requireNonNull(format, "format");
    requireNonNull(device, "device");
    requireNonNull(sqlFile, "sqlFile");
    requireNonNull(sqlText, "sqlText");
    requireNonNull(dataDirectory, "dataDirectory");
    allowedPaths = List.copyOf(allowedPaths);
    if (sqlFile.isPresent() == sqlText.isPresent()) {
      throw new IllegalArgumentException("exactly one of sqlFile and sqlText must be present");
    }
  }
}
