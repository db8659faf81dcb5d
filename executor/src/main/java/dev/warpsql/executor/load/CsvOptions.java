package dev.warpsql.executor.load;

import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.TableBuilder;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@link CsvLoader}.
 *
 * @param delimiter character between fields, a comma by default
 * @param nullText unquoted field text that means NULL, the empty string by default. Quoted fields
 *     are never NULL in a VARCHAR column, so {@code ""} is an empty string there. In a column of
 *     any other type an empty field, quoted or not, is NULL as well.
 * @param columns declared columns, in file order, or null to infer the types from the whole file.
 *     Declared names must match the header fields, ignoring case.
 * @param chunkRows rows per chunk of the loaded table
 * @param header whether the first line is a header that names the columns; a file without one needs
 *     declared columns
 */
public record CsvOptions(
    char delimiter, String nullText, List<ColumnSchema> columns, int chunkRows, boolean header) {
  /** Comma-delimited with a header, empty field as NULL, inferred types, default chunk size. */
  public static final CsvOptions DEFAULTS =
      new CsvOptions(',', "", null, TableBuilder.DEFAULT_CHUNK_ROWS, true);

  public CsvOptions {
    Objects.requireNonNull(nullText, "nullText");
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException(
          "CSV delimiter must not be a quote or line break, got U+"
              + String.format("%04X", (int) delimiter));
    }
    if (columns != null) {
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("declared CSV columns must not be empty");
      }
    }
    if (!header && columns == null) {
      throw new IllegalArgumentException("a CSV file without a header needs declared columns");
    }
    if (chunkRows < 1) {
      throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
    }
  }

  public CsvOptions withDelimiter(char newDelimiter) {
    return new CsvOptions(newDelimiter, nullText, columns, chunkRows, header);
  }

  public CsvOptions withNullText(String newNullText) {
    return new CsvOptions(delimiter, newNullText, columns, chunkRows, header);
  }

  /** Returns options with declared columns, or with inferred columns when given null. */
  public CsvOptions withColumns(List<ColumnSchema> newColumns) {
    return new CsvOptions(delimiter, nullText, newColumns, chunkRows, header);
  }

  public CsvOptions withChunkRows(int newChunkRows) {
    return new CsvOptions(delimiter, nullText, columns, newChunkRows, header);
  }

  /** Returns options for a file with or without a header line. */
  public CsvOptions withHeader(boolean newHeader) {
    return new CsvOptions(delimiter, nullText, columns, chunkRows, newHeader);
  }
}
