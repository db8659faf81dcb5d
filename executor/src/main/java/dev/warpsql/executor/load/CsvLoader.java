package dev.warpsql.executor.load;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.load.CsvFieldParser.InvalidValueException;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * Loads a UTF-8 CSV file with a header row into a new {@link Table}.
 *
 * <p>Header fields, trimmed and folded to lower case, name the columns. Without declared columns,
 * {@link CsvTypeInference} reads the whole file once to choose each column's type, and a second
 * pass loads it. Inferred columns are nullable.
 *
 * <p>NULL: an unquoted field equal to {@link CsvOptions#nullText()} is NULL. In columns of types
 * other than VARCHAR an empty field is NULL too, and other fields are trimmed of surrounding spaces
 * before parsing. VARCHAR fields are kept exactly as written, so a quoted empty field {@code ""} is
 * an empty string. An empty line is skipped, unless the table has a single column, where it is a
 * NULL value.
 *
 * <p>Loading is all or nothing: any invalid input raises a {@link WarpException} naming the file,
 * line, column and value, and frees every vector allocated for the table.
 */
public final class CsvLoader {
  private CsvLoader() {}

  /**
   * Loads a CSV file into a table named {@code tableName} in lower case.
   *
   * @return the new table, owned by the caller
   */
  public static Table load(
      String tableName, Path file, CsvOptions options, BufferAllocator allocator) {
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(allocator, "allocator");
    String name = tableName.toLowerCase(Locale.ROOT);
    TableSchema schema =
        options.columns() == null ? inferSchema(file, options) : new TableSchema(options.columns());
    try (TableBuilder builder = new TableBuilder(name, schema, allocator, options.chunkRows());
        CsvReader reader = open(file, options)) {
      if (options.header()) {
        readHeader(reader, file, schema);
      } else {
        reader.setColumnNames(schema.names());
      }
      while (reader.next()) {
        if (skip(reader, schema.size())) {
          continue;
        }
        checkFieldCount(reader, file, schema.names());
        appendRow(builder, reader, file, options);
      }
      return builder.build();
    } catch (IOException e) {
      throw ioError(file, e);
    } catch (OutOfMemoryException e) {
      throw new WarpException(
          ErrorCode.OUT_OF_MEMORY,
          "not enough memory to load CSV file "
              + file
              + " into table \""
              + name
              + "\". Raise the memory limit or load a smaller file.",
          e);
    }
  }

  /**
   * Returns the columns that loading the file without declared columns would create: names from the
   * header and types inferred from the whole file.
   */
  public static TableSchema inferColumns(Path file, CsvOptions options) {
    return inferSchema(file, options);
  }

  private static TableSchema inferSchema(Path file, CsvOptions options) {
    try (CsvReader reader = open(file, options)) {
      List<String> names = readHeaderNames(reader, file);
      List<CsvTypeInference> inferences = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        inferences.add(new CsvTypeInference());
      }
      while (reader.next()) {
        if (skip(reader, names.size())) {
          continue;
        }
        checkFieldCount(reader, file, names);
        for (int i = 0; i < names.size(); i++) {
          String text = reader.field(i);
          if (isNullText(reader, i, options)) {
            continue;
          }
          String trimmed = text.strip();
          if (!trimmed.isEmpty()) {
            inferences.get(i).add(trimmed);
          }
        }
      }
      List<ColumnSchema> columns = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        columns.add(ColumnSchema.nullable(names.get(i), inferences.get(i).result()));
      }
      return new TableSchema(columns);
    } catch (IOException e) {
      throw ioError(file, e);
    }
  }

  /** Reads the header and checks it against the schema's column names, ignoring case. */
  private static void readHeader(CsvReader reader, Path file, TableSchema schema)
      throws IOException {
    List<String> names = readHeaderNames(reader, file);
    if (names.size() != schema.size()) {
      throw badFile(
          file,
          1,
          "the header has "
              + names.size()
              + " fields but "
              + schema.size()
              + " columns were declared. Declare one column per header field");
    }
    for (int i = 0; i < names.size(); i++) {
      String declared = schema.column(i).name();
      if (!names.get(i).equalsIgnoreCase(declared)) {
        throw badFile(
            file,
            1,
            "header field "
                + (i + 1)
                + " is '"
                + names.get(i)
                + "' but the declared column is \""
                + declared
                + "\". Declare the columns in the order of the header");
      }
    }
    reader.setColumnNames(schema.names());
  }

  private static List<String> readHeaderNames(CsvReader reader, Path file) throws IOException {
    if (!reader.next()) {
      throw badFile(file, 1, "the file is empty. Start the file with a header row of column names");
    }
    List<String> names = new ArrayList<>();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < reader.fieldCount(); i++) {
      String name = reader.field(i).strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw badFile(file, 1, "header field " + (i + 1) + " is empty. Give every column a name");
      }
      Integer previous = positions.putIfAbsent(name, i + 1);
      if (previous != null) {
        throw badFile(
            file,
            1,
            "column name \""
                + name
                + "\" appears twice in the header, in fields "
                + previous
                + " and "
                + (i + 1)
                + ". Give every column a distinct name");
      }
      names.add(name);
    }
    reader.setColumnNames(names);
    return names;
  }

  private static boolean skip(CsvReader reader, int columnCount) {
    return columnCount > 1 && reader.blankLine();
  }

  private static void checkFieldCount(CsvReader reader, Path file, List<String> names) {
    int count = reader.fieldCount();
    if (count < names.size()) {
      throw badFile(
          file,
          reader.line(),
          "the row has "
              + count
              + " fields but the header has "
              + names.size()
              + ", so column \""
              + names.get(count)
              + "\" has no value (the last "
              + "field is '"
              + CsvReader.abbreviate(reader.field(count - 1))
              + "'). Check the delimiter and the quoting on that line");
    }
    if (count > names.size()) {
      throw badFile(
          file,
          reader.line(),
          "the row has "
              + count
              + " fields but the header has "
              + names.size()
              + ": value '"
              + CsvReader.abbreviate(reader.field(names.size()))
              + "' follows the last column \""
              + names.get(names.size() - 1)
              + "\". Check the delimiter and the quoting on that line");
    }
  }

  private static void appendRow(
      TableBuilder builder, CsvReader reader, Path file, CsvOptions options) {
    TableSchema schema = builder.schema();
    for (int i = 0; i < schema.size(); i++) {
      String text = reader.field(i);
      try {
        appendValue(builder, i, text, isNullText(reader, i, options));
      } catch (InvalidValueException e) {
        throw invalidValue(file, reader.line(), schema.column(i), text, e);
      } catch (WarpException e) {
        throw new WarpException(
            e.code(),
            "invalid value in CSV file "
                + file
                + ", line "
                + reader.line()
                + ", column \""
                + schema.column(i).name()
                + "\", value '"
                + CsvReader.abbreviate(text)
                + "': "
                + e.getMessage(),
            e);
      }
    }
    builder.endRow();
  }

  private static void appendValue(TableBuilder builder, int column, String text, boolean isNull)
      throws InvalidValueException {
    DataType type = builder.schema().type(column);
    if (type.kind() == TypeKind.VARCHAR) {
      if (isNull) {
        builder.setNull(column);
      } else {
        builder.setString(column, text);
      }
      return;
    }
    String trimmed = text.strip();
    if (isNull || trimmed.isEmpty()) {
      builder.setNull(column);
      return;
    }
    switch (type.kind()) {
      case BOOLEAN -> builder.setBoolean(column, CsvFieldParser.parseBoolean(trimmed));
      case TINYINT, SMALLINT, INTEGER, BIGINT ->
          builder.setLong(column, CsvFieldParser.parseInteger(trimmed));
      case DECIMAL -> builder.setLong(column, CsvFieldParser.parseDecimal(trimmed, type));
      case REAL, DOUBLE -> builder.setDouble(column, CsvFieldParser.parseDouble(trimmed));
      case DATE -> builder.setLong(column, CsvFieldParser.parseDate(trimmed));
      case TIME -> builder.setLong(column, CsvFieldParser.parseTime(trimmed));
      case TIMESTAMP -> builder.setLong(column, CsvFieldParser.parseTimestamp(trimmed));
      case VARCHAR -> throw new IllegalStateException("VARCHAR is handled above");
    }
  }

  private static boolean isNullText(CsvReader reader, int field, CsvOptions options) {
    return !reader.quoted(field) && reader.field(field).equals(options.nullText());
  }

  private static CsvReader open(Path file, CsvOptions options) {
    try {
      InputStream stream = LoadProgress.track(file, Files.newInputStream(file));
      Reader reader =
          new BufferedReader(
              new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()), 1 << 16);
      return new CsvReader(reader, options.delimiter(), file.toString());
    } catch (NoSuchFileException e) {
      throw new WarpException(
          ErrorCode.FILE_NOT_FOUND, "CSV file not found: " + file + ". Check the path.", e);
    } catch (IOException e) {
      throw ioError(file, e);
    }
  }

  private static WarpException invalidValue(
      Path file, long line, ColumnSchema column, String text, InvalidValueException e) {
    ErrorCode code =
        e.outOfRange() ? ErrorCode.NUMERIC_OVERFLOW : ErrorCode.INVALID_TEXT_REPRESENTATION;
    return new WarpException(
        code,
        "invalid value in CSV file "
            + file
            + ", line "
            + line
            + ", column \""
            + column.name()
            + "\" of type "
            + column.type()
            + ": '"
            + CsvReader.abbreviate(text)
            + "' is not "
            + e.getMessage()
            + ". Fix the value, or declare the column with a type that accepts it.");
  }

  private static WarpException badFile(Path file, long line, String detail) {
    return new WarpException(
        ErrorCode.BAD_CSV_FILE,
        "invalid CSV file " + file + ", line " + line + ": " + detail + ".");
  }

  private static WarpException ioError(Path file, IOException e) {
    if (e instanceof CharacterCodingException) {
      return new WarpException(
          ErrorCode.BAD_CSV_FILE,
          "invalid CSV file " + file + ": it is not valid UTF-8 text. Convert it to UTF-8.",
          e);
    }
    return new WarpException(
        ErrorCode.IO_ERROR, "failed to read CSV file " + file + ": " + e.getMessage(), e);
  }
}
