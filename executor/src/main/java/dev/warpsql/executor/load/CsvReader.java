package dev.warpsql.executor.load;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming RFC 4180 record reader: fields separated by a delimiter, records by LF, CRLF or CR, and
 * quoted fields that may contain the delimiter, line breaks and doubled quotes. A quote inside an
 * unquoted field is an ordinary character. A UTF-8 byte order mark at the start is skipped.
 */
final class CsvReader implements Closeable {
  private static final int BUFFER_CHARS = 1 << 16;
  private static final int END = -1;

  private final Reader reader;
  private final char delimiter;
  private final String fileName;
  private final char[] buffer = new char[BUFFER_CHARS];
  private final StringBuilder field = new StringBuilder();
  private int position;
  private int limit;
  private boolean started;

  private String[] fields = new String[16];
  private boolean[] quoted = new boolean[16];
  private int fieldCount;
  private long line = 1;
  private long recordLine;
  private boolean blankLine;
  private List<String> columnNames = List.of();

  CsvReader(Reader reader, char delimiter, String fileName) {
    this.reader = reader;
    this.delimiter = delimiter;
    this.fileName = fileName;
  }

  /** Sets the header names that error messages use to name a field. */
  void setColumnNames(List<String> names) {
    this.columnNames = List.copyOf(names);
  }

  /** Reads the next record, or returns false at the end of the file. */
  boolean next() throws IOException {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') {
        position++;
      }
    }
    if (peek() == END) {
      return false;
    }
    recordLine = line;
    fieldCount = 0;
    boolean endOfRecord = false;
    while (!endOfRecord) {
      endOfRecord = readField();
    }
    blankLine = fieldCount == 1 && !quoted[0] && fields[0].isEmpty();
    return true;
  }

  int fieldCount() {
    return fieldCount;
  }

  String field(int index) {
    return fields[index];
  }

  /** Returns whether the field was quoted, so that an empty quoted field is not NULL text. */
  boolean quoted(int index) {
    return quoted[index];
  }

  /** Returns the 1-based line on which the current record starts. */
  long line() {
    return recordLine;
  }

  /** Returns whether the current record is an empty line. */
  boolean blankLine() {
    return blankLine;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** Reads one field and returns whether it ended the record. */
  private boolean readField() throws IOException {
    field.setLength(0);
    boolean isQuoted = peek() == '"';
    int terminator;
    if (isQuoted) {
      position++;
      readQuoted();
      terminator = read();
      if (terminator != delimiter
          && terminator != '\n'
          && terminator != '\r'
          && terminator != END) {
        throw syntaxError(afterClosingQuote(String.valueOf((char) terminator), field));
      }
    } else {
      terminator = readUnquoted();
    }
    addField(field.toString(), isQuoted);
    if (terminator == delimiter) {
      return false;
    }
    endLine(terminator);
    return true;
  }

  private void readQuoted() throws IOException {
    while (true) {
      int c = read();
      if (c == END) {
        throw syntaxError(unterminated(field));
      }
      if (c == '"') {
        if (peek() != '"') {
          return;
        }
        position++;
      } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
        line++;
      }
      field.append((char) c);
    }
  }

  private int readUnquoted() throws IOException {
    while (true) {
      int c = read();
      if (c == delimiter || c == '\n' || c == '\r' || c == END) {
        return c;
      }
      field.append((char) c);
    }
  }

  private void endLine(int terminator) throws IOException {
    if (terminator == '\r' && peek() == '\n') {
      position++;
    }
    if (terminator != END) {
      line++;
    }
  }

  private void addField(String value, boolean isQuoted) {
    if (fieldCount == fields.length) {
      fields = Arrays.copyOf(fields, fieldCount * 2);
      quoted = Arrays.copyOf(quoted, fieldCount * 2);
    }
    fields[fieldCount] = value;
    quoted[fieldCount] = isQuoted;
    fieldCount++;
  }

  private WarpException syntaxError(String detail) {
    return syntaxError(fileName, recordLine, columnNames, fieldCount, detail);
  }

  /** Returns the detail of an error for a character after a closing quote. */
  static String afterClosingQuote(String character, CharSequence value) {
    return "unexpected character '"
        + character
        + "' after the closing quote of value '"
        + abbreviate(value)
        + "'. Quote the whole field and double every quote inside it";
  }

  /** Returns the detail of an error for a quoted field that the file ends in. */
  static String unterminated(CharSequence value) {
    return "unterminated quoted field starting with '"
        + abbreviate(value)
        + "'. Add the closing quote, and double every quote inside the field";
  }

  /** Returns the error for a record that breaks the CSV grammar in the given field. */
  static WarpException syntaxError(
      String fileName, long line, List<String> columnNames, int field, String detail) {
    return new WarpException(
        ErrorCode.BAD_CSV_FILE,
        "invalid CSV file "
            + fileName
            + ", line "
            + line
            + ", column "
            + columnName(columnNames, field)
            + ": "
            + detail
            + ".");
  }

  private static String columnName(List<String> columnNames, int index) {
    if (index < columnNames.size()) {
      return "\"" + columnNames.get(index) + "\"";
    }
    return (index + 1) + (columnNames.isEmpty() ? " of the header" : " (beyond the header)");
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position];
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position++];
  }

  private boolean fill() throws IOException {
    int count = reader.read(buffer, 0, buffer.length);
    if (count <= 0) {
      return false;
    }
    position = 0;
    limit = count;
    return true;
  }

  static String abbreviate(CharSequence value) {
    return value.length() <= 60 ? value.toString() : value.subSequence(0, 57) + "...";
  }
}
