package dev.warpsql.executor.load;

import dev.warpsql.executor.error.WarpException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Record reader over the bytes of a UTF-8 CSV file from a given offset, with the grammar of {@link
 * CsvReader}: fields separated by an ASCII delimiter, records by LF, CRLF or CR, quoted fields that
 * may contain the delimiter, line breaks and doubled quotes, and a quote inside an unquoted field
 * as an ordinary character. A UTF-8 byte order mark at offset 0 is skipped.
 *
 * <p>Fields are byte ranges of {@link #buffer()}, valid until the next call of {@link #next}. The
 * content of a quoted field is unescaped in place. The reader does not validate UTF-8, so callers
 * validate the bytes they turn into values. Not thread-safe, but several readers may share one
 * channel, since they read at explicit positions.
 */
final class CsvRangeReader {
  /** Largest first buffer; a buffer grows beyond it only for a record that needs more. */
  private static final int BLOCK_BYTES = 1 << 20;

  private static final int END = -1;

  private final FileChannel channel;
  private final long fileSize;
  private final byte delimiter;

  /** Bytes that end an unquoted field, indexed by unsigned byte value: the delimiter, LF and CR. */
  private final boolean[] terminators = new boolean[256];

  private final String fileName;

  /** The largest buffer a record may need before the reader gives up, or 0 for no limit. */
  private final int maxBufferBytes;

  private byte[] buffer;

  /** File offset of {@code buffer[0]}. */
  private long bufferOffset;

  private int position;
  private int limit;

  private int recordStart;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] quoted = new boolean[16];
  private int fieldCount;
  private int fieldStart;
  private int fieldWrite;

  /** Line of the next record: the first line plus the line breaks consumed so far. */
  private long line;

  private long recordLine;
  private List<String> columnNames = List.of();

  /**
   * @param offset file offset of the first record
   * @param firstLine 1-based line number of the first record
   * @param expectedBytes about how many bytes the caller will read, which sizes the first buffer
   * @param maxBufferBytes the largest buffer a record may need, or 0 for no limit; a longer record
   *     raises {@link RecordTooLongException}
   */
  CsvRangeReader(
      FileChannel channel,
      long fileSize,
      char delimiter,
      String fileName,
      long offset,
      long firstLine,
      long expectedBytes,
      int maxBufferBytes) {
    if (delimiter >= 0x80) {
      throw new IllegalArgumentException("the delimiter must be ASCII, got U+" + (int) delimiter);
    }
    this.channel = channel;
    this.fileSize = fileSize;
    this.delimiter = (byte) delimiter;
    terminators[delimiter] = true;
    terminators['\n'] = true;
    terminators['\r'] = true;
    this.fileName = fileName;
    this.bufferOffset = offset;
    this.line = firstLine;
    this.maxBufferBytes = maxBufferBytes;
    this.buffer = new byte[(int) Math.max(64, Math.min(BLOCK_BYTES, expectedBytes))];
  }

  /** Raised when a record needs more buffer than the reader may take. */
  static final class RecordTooLongException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RecordTooLongException() {
      super("record longer than the range reader's buffer limit", null, false, false);
    }
  }

  /** Sets the header names that error messages use to name a field. */
  void setColumnNames(List<String> names) {
    this.columnNames = List.copyOf(names);
  }

  /**
   * Reads the next record if it starts before {@code endOffset}, or returns false at that offset or
   * at the end of the file.
   */
  boolean next(long endOffset) throws IOException {
    if (bufferOffset == 0 && position == 0 && limit == 0) {
      skipByteOrderMark();
    }
    if (offset() >= endOffset || peek() == END) {
      return false;
    }
    recordStart = position;
    recordLine = line;
    fieldCount = 0;
    boolean endOfRecord = false;
    while (!endOfRecord) {
      endOfRecord = readField();
    }
    return true;
  }

  /** Returns the file offset after the last record read, where the next one starts. */
  long offset() {
    return bufferOffset + position;
  }

  /** Returns the line of the next record, that is the first line plus every line break read. */
  long nextLine() {
    return line;
  }

  /** Returns the 1-based line on which the current record starts. */
  long line() {
    return recordLine;
  }

  int fieldCount() {
    return fieldCount;
  }

  /** Returns the bytes that the field ranges index. */
  byte[] buffer() {
    return buffer;
  }

  int start(int field) {
    return starts[field];
  }

  int end(int field) {
    return ends[field];
  }

  /** Returns whether the field was quoted, so that an empty quoted field is not NULL text. */
  boolean quoted(int field) {
    return quoted[field];
  }

  /** Returns whether the current record is an empty line. */
  boolean blankLine() {
    return fieldCount == 1 && !quoted[0] && starts[0] == ends[0];
  }

  /** Returns a field's text, raising an error for invalid UTF-8. */
  String strictText(int field) throws CharacterCodingException {
    ByteBuffer bytes = ByteBuffer.wrap(buffer, starts[field], ends[field] - starts[field]);
    return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
  }

  /** Returns a field's text for messages, with invalid UTF-8 replaced. */
  String text(int field) {
    return new String(buffer, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
  }

  /**
   * Returns the offset of the first record that starts at or after {@code offset}, assuming that
   * {@code offset} does not lie inside a quoted field: the offset after the first line break there,
   * or {@code offset} itself when a line break ends right before it.
   */
  static long lineStartAtOrAfter(FileChannel channel, long fileSize, long offset)
      throws IOException {
    if (offset <= 0) {
      return 0;
    }
    ByteBuffer block = ByteBuffer.allocate(64 * 1024);
    long blockOffset = offset - 1;
    int previous = END;
    while (blockOffset < fileSize) {
      block.clear();
      int count = channel.read(block, blockOffset);
      if (count <= 0) {
        break;
      }
      for (int i = 0; i < count; i++) {
        int b = block.get(i);
        if (previous == '\n' || (previous == '\r' && b != '\n')) {
          return blockOffset + i;
        }
        previous = b;
      }
      blockOffset += count;
    }
    return fileSize;
  }

  private void skipByteOrderMark() throws IOException {
    if (ensure(3)
        && buffer[0] == (byte) 0xEF
        && buffer[1] == (byte) 0xBB
        && buffer[2] == (byte) 0xBF) {
      position = 3;
    }
  }

  /** Reads one field and returns whether it ended the record. */
  private boolean readField() throws IOException {
    int terminator;
    boolean isQuoted = peek() == '"';
    if (isQuoted) {
      position++;
      readQuoted();
      terminator = read();
      if (terminator != delimiter
          && terminator != '\n'
          && terminator != '\r'
          && terminator != END) {
        throw syntaxError(CsvReader.afterClosingQuote(terminatorCharacter(), fieldText()));
      }
    } else {
      terminator = readUnquoted();
    }
    addField(isQuoted);
    if (terminator == delimiter) {
      return false;
    }
    if (terminator == '\r' && peek() == '\n') {
      position++;
    }
    if (terminator != END) {
      line++;
    }
    return true;
  }

  /** Reads an unquoted field up to its terminator, which it consumes and returns. */
  private int readUnquoted() throws IOException {
    fieldStart = position;
    boolean[] stops = terminators;
    while (true) {
      int p = position;
      int end = limit;
      byte[] bytes = buffer;
      while (p < end) {
        byte b = bytes[p];
        if (stops[b & 0xFF]) {
          fieldWrite = p;
          position = p + 1;
          return b;
        }
        p++;
      }
      position = p;
      if (!fill()) {
        fieldWrite = position;
        return END;
      }
    }
  }

  /** Reads a quoted field's content after the opening quote, through the closing quote. */
  private void readQuoted() throws IOException {
    fieldStart = position;
    fieldWrite = position;
    while (true) {
      if (position == limit && !fill()) {
        throw syntaxError(CsvReader.unterminated(fieldText()));
      }
      byte b = buffer[position++];
      if (b == '"') {
        if (peek() != '"') {
          return;
        }
        position++;
      } else if (b == '\n' || (b == '\r' && peek() != '\n')) {
        line++;
      }
      buffer[fieldWrite++] = b;
    }
  }

  private void addField(boolean isQuoted) {
    if (fieldCount == starts.length) {
      starts = Arrays.copyOf(starts, fieldCount * 2);
      ends = Arrays.copyOf(ends, fieldCount * 2);
      quoted = Arrays.copyOf(quoted, fieldCount * 2);
    }
    starts[fieldCount] = fieldStart;
    ends[fieldCount] = fieldWrite;
    quoted[fieldCount] = isQuoted;
    fieldCount++;
  }

  private String fieldText() {
    return new String(buffer, fieldStart, fieldWrite - fieldStart, StandardCharsets.UTF_8);
  }

  /** Returns the character of the byte before the position, decoding a UTF-8 sequence. */
  private String terminatorCharacter() throws IOException {
    ensure(3);
    int index = position - 1;
    int length = Math.min(4, limit - index);
    String decoded = new String(buffer, index, length, StandardCharsets.UTF_8);
    return decoded.substring(0, 1);
  }

  private WarpException syntaxError(String detail) {
    return CsvReader.syntaxError(fileName, recordLine, columnNames, fieldCount, detail);
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position] & 0xFF;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position++] & 0xFF;
  }

  /** Makes at least {@code count} bytes from the position available, unless the file ends. */
  private boolean ensure(int count) throws IOException {
    while (limit - position < count) {
      if (!fill()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads more of the file after the buffered bytes, first moving the current record to the front
   * of the buffer, and returns false at the end of the file.
   */
  private boolean fill() throws IOException {
    long fileOffset = bufferOffset + limit;
    if (fileOffset >= fileSize) {
      return false;
    }
    int keep = Math.min(recordStart, Math.min(position, fieldStart));
    if (keep > 0) {
      System.arraycopy(buffer, keep, buffer, 0, limit - keep);
      shift(keep);
    }
    if (limit == buffer.length) {
      if (maxBufferBytes > 0 && buffer.length >= maxBufferBytes) {
        throw new RecordTooLongException();
      }
      buffer = Arrays.copyOf(buffer, Math.multiplyExact(buffer.length, 2));
    }
    int count = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit), fileOffset);
    if (count <= 0) {
      return false;
    }
    limit += count;
    return true;
  }

  private void shift(int distance) {
    bufferOffset += distance;
    limit -= distance;
    position -= distance;
    recordStart -= distance;
    fieldStart -= distance;
    fieldWrite -= distance;
    for (int i = 0; i < fieldCount; i++) {
      starts[i] -= distance;
      ends[i] -= distance;
    }
  }
}
