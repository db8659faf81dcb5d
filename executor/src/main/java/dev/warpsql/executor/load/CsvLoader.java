package dev.warpsql.executor.load;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.load.CsvFieldParser.InvalidValueException;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.StringDictionary;
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
import java.util.function.IntFunction;
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
    return load(tableName, file, options, null, allocator);
  }

  /**
   * Loads a CSV file into a table whose VARCHAR columns encode into the given dictionaries, one per
   * column and null for every column that is not VARCHAR, or into new ones when {@code
   * dictionaries} is null. A load into the dictionaries of the table that COPY appends to lets the
   * append keep the loaded chunks. The dictionaries may keep values that no row uses: those of a
   * failed load, and those of a range parsed from a wrongly guessed start (see {@link
   * CsvRangeLoad}).
   *
   * <p>A file with an ASCII delimiter is parsed in line ranges on all available processors, and a
   * file with any other delimiter on the calling thread.
   *
   * @return the new table, owned by the caller
   */
  public static Table load(
      String tableName,
      Path file,
      CsvOptions options,
      List<StringDictionary> dictionaries,
      BufferAllocator allocator) {
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(allocator, "allocator");
    if (options.delimiter() >= 0x80) {
      return loadSequential(tableName, file, options, dictionaries, allocator);
    }
    return new CsvRangeLoad(file, options, Runtime.getRuntime().availableProcessors())
        .load(tableName, schema(file, options), dictionaries, allocator);
  }

  /** Loads a CSV file on the calling thread with {@link CsvReader}, for any delimiter. */
  static Table loadSequential(
      String tableName,
      Path file,
      CsvOptions options,
      List<StringDictionary> dictionaries,
      BufferAllocator allocator) {
    String name = tableName.toLowerCase(Locale.ROOT);
    TableSchema schema = schema(file, options);
    try (TableBuilder builder =
            new TableBuilder(name, schema, dictionaries, allocator, options.chunkRows());
        CsvReader reader = open(file, options)) {
      if (options.header()) {
        reader.setColumnNames(checkHeader(file, readHeaderFields(reader, file), schema));
      } else {
        reader.setColumnNames(schema.names());
      }
      while (reader.next()) {
        if (skip(reader, schema.size())) {
          continue;
        }
        checkFieldCount(file, reader.line(), reader.fieldCount(), schema.names(), reader::field);
        appendRow(builder, reader, file, options);
      }
      return builder.build();
    } catch (IOException e) {
      throw ioError(file, e);
    } catch (OutOfMemoryException e) {
      throw outOfMemory(file, name, e);
    }
  }

  private static TableSchema schema(Path file, CsvOptions options) {
    return options.columns() == null
        ? inferSchema(file, options)
        : new TableSchema(options.columns());
  }

  static WarpException outOfMemory(Path file, String tableName, OutOfMemoryException e) {
    return new WarpException(
        ErrorCode.OUT_OF_MEMORY,
        "not enough memory to load CSV file "
            + file
            + " into table \""
            + tableName
            + "\". Raise the memory limit or load a smaller file.",
        e);
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
      List<String> names = headerNames(file, readHeaderFields(reader, file));
      reader.setColumnNames(names);
      List<CsvTypeInference> inferences = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        inferences.add(new CsvTypeInference());
      }
      while (reader.next()) {
        if (skip(reader, names.size())) {
          continue;
        }
        checkFieldCount(file, reader.line(), reader.fieldCount(), names, reader::field);
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

  /**
   * Checks the header's fields against the schema's column names, ignoring case, and returns the
   * schema's names for messages about the rows.
   */
  static List<String> checkHeader(Path file, List<String> fields, TableSchema schema) {
    List<String> names = headerNames(file, fields);
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
    return schema.names();
  }

  private static List<String> readHeaderFields(CsvReader reader, Path file) throws IOException {
    if (!reader.next()) {
      throw emptyFile(file);
    }
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < reader.fieldCount(); i++) {
      fields.add(reader.field(i));
    }
    return fields;
  }

  static WarpException emptyFile(Path file) {
    return badFile(file, 1, "the file is empty. Start the file with a header row of column names");
  }

  /** Returns the column names that header fields give, or raises for an empty or repeated one. */
  private static List<String> headerNames(Path file, List<String> fields) {
    List<String> names = new ArrayList<>();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).strip().toLowerCase(Locale.ROOT);
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
    return names;
  }

  private static boolean skip(CsvReader reader, int columnCount) {
    return columnCount > 1 && reader.blankLine();
  }

  /**
   * Raises an error naming the line when a record has another number of fields than the columns.
   */
  static void checkFieldCount(
      Path file, long line, int count, List<String> names, IntFunction<String> field) {
    if (count < names.size()) {
      throw badFile(
          file,
          line,
          "the row has "
              + count
              + " fields but the header has "
              + names.size()
              + ", so column \""
              + names.get(count)
              + "\" has no value (the last "
              + "field is '"
              + CsvReader.abbreviate(field.apply(count - 1))
              + "'). Check the delimiter and the quoting on that line");
    }
    if (count > names.size()) {
      throw badFile(
          file,
          line,
          "the row has "
              + count
              + " fields but the header has "
              + names.size()
              + ": value '"
              + CsvReader.abbreviate(field.apply(names.size()))
              + "' follows the last column \""
              + names.get(names.size() - 1)
              + "\". Check the delimiter and the quoting on that line");
    }
  }

  private static void appendRow(
      TableBuilder builder, CsvReader reader, Path file, CsvOptions options) {
    for (int i = 0; i < builder.schema().size(); i++) {
      appendField(builder, file, reader.line(), i, reader.field(i), isNullText(reader, i, options));
    }
    builder.endRow();
  }

  /**
   * Sets a column of the builder's current row from a field's text, raising an error that names the
   * file, line, column and value.
   */
  static void appendField(
      TableBuilder builder, Path file, long line, int column, String text, boolean isNull) {
    try {
      appendValue(builder, column, text, isNull);
    } catch (InvalidValueException e) {
      throw invalidValue(file, line, builder.schema().column(column), text, e);
    } catch (WarpException e) {
      throw storeError(file, line, builder.schema().column(column), text, e);
    }
  }

  /** Adds the file, line, column and value to an error that the table builder raised. */
  static WarpException storeError(
      Path file, long line, ColumnSchema column, String text, WarpException e) {
    return new WarpException(
        e.code(),
        valueLocation(file, line, column)
            + ", value '"
            + CsvReader.abbreviate(text)
            + "': "
            + e.getMessage(),
        e);
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

  static CsvReader open(Path file, CsvOptions options) {
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
        valueLocation(file, line, column)
            + " of type "
            + column.type()
            + ": '"
            + CsvReader.abbreviate(text)
            + "' is not "
            + e.getMessage()
            + ". Fix the value, or declare the column with a type that accepts it.");
  }

  static WarpException invalidUtf8(Path file, CharacterCodingException e) {
    return new WarpException(
        ErrorCode.BAD_CSV_FILE,
        "invalid CSV file " + file + ": it is not valid UTF-8 text. Convert it to UTF-8.",
        e);
  }

  private static String valueLocation(Path file, long line, ColumnSchema column) {
    return "invalid value in CSV file "
        + file
        + ", line "
        + line
        + ", column \""
        + column.name()
        + "\"";
  }

  private static WarpException badFile(Path file, long line, String detail) {
    return new WarpException(
        ErrorCode.BAD_CSV_FILE,
        "invalid CSV file " + file + ", line " + line + ": " + detail + ".");
  }

  static WarpException ioError(Path file, IOException e) {
    if (e instanceof CharacterCodingException coding) {
      return invalidUtf8(file, coding);
    }
    return new WarpException(
        ErrorCode.IO_ERROR, "failed to read CSV file " + file + ": " + e.getMessage(), e);
  }
}
