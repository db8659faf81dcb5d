package dev.warpsql.driver.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of {@code warp load}.
 *
 * @param dataDirectory the database directory
 * @param schemaName the schema of the table
 * @param tableName the table to append to, or to create when it does not exist
 * @param file the CSV or Parquet file
 * @param parquet whether the file is Parquet rather than CSV
 * @param header whether a CSV file starts with a header line
 * @param delimiter the field delimiter
 * @param nullText the text that stands for NULL, empty for an empty field
 */
record LoadOptions(
    Path dataDirectory,
    String schemaName,
    String tableName,
    Path file,
    boolean parquet,
    boolean header,
    char delimiter,
    Optional<String> nullText) {
  LoadOptions {
    requireNonNull(dataDirectory, "dataDirectory");
    requireNonNull(schemaName, "schemaName");
    requireNonNull(tableName, "tableName");
    requireNonNull(file, "file");
    requireNonNull(nullText, "nullText");
  }
}
