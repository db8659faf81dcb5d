package dev.warpsql.executor.load;

import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * Appends the records of a {@link CsvRangeReader} to a {@link TableBuilder}, with the meaning that
 * {@link CsvLoader} documents. Integers, plain decimals and {@code YYYY-MM-DD} dates in ASCII are
 * parsed straight from the bytes, and repeated VARCHAR values find their dictionary code without a
 * new String. Any other text takes the String path of {@link CsvLoader}, so both paths accept the
 * same values and raise the same errors. Not thread-safe: each range has its own appender.
 */
final class CsvRecordAppender {
  /** Marks a field that the byte path leaves to the String path. */
  private static final long UNPARSED = Long.MIN_VALUE;

  private static final int MAX_FAST_DIGITS = 18;
  private static final long[] POWERS_OF_TEN = powersOfTen();

  private final TableBuilder builder;
  private final Path file;
  private final TableSchema schema;
  private final List<String> names;
  private final TypeKind[] kinds;
  private final int[] scales;
  private final DictionaryCodeCache[] caches;
  private final byte[] nullText;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();

  CsvRecordAppender(TableBuilder builder, Path file, CsvOptions options) {
    this.builder = builder;
    this.file = file;
    this.schema = builder.schema();
    this.names = schema.names();
    this.kinds = new TypeKind[schema.size()];
    this.scales = new int[schema.size()];
    this.caches = new DictionaryCodeCache[schema.size()];
    for (int i = 0; i < kinds.length; i++) {
      DataType type = schema.type(i);
      kinds[i] = type.kind();
      scales[i] = type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
      caches[i] = type.kind() == TypeKind.VARCHAR ? new DictionaryCodeCache() : null;
    }
    this.nullText = options.nullText().getBytes(StandardCharsets.UTF_8);
  }

  /** Appends the reader's current record, or skips it when it is an empty line. */
  void append(CsvRangeReader reader) {
    if (schema.size() > 1 && reader.blankLine()) {
      return;
    }
    if (reader.fieldCount() != names.size()) {
      CsvLoader.checkFieldCount(file, reader.line(), reader.fieldCount(), names, reader::text);
    }
    for (int i = 0; i < kinds.length; i++) {
      appendField(reader, i);
    }
    builder.endRow();
  }

  private void appendField(CsvRangeReader reader, int column) {
    byte[] bytes = reader.buffer();
    int start = reader.start(column);
    int end = reader.end(column);
    boolean isNull = !reader.quoted(column) && equalsNullText(bytes, start, end);
    if (kinds[column] == TypeKind.VARCHAR) {
      appendString(reader, column, isNull);
      return;
    }
    try {
      while (start < end && isAsciiWhitespace(bytes[start])) {
        start++;
      }
      while (end > start && isAsciiWhitespace(bytes[end - 1])) {
        end--;
      }
      if (isNull || start == end) {
        builder.setNull(column);
        return;
      }
      long value = parse(column, bytes, start, end);
      if (value != UNPARSED) {
        builder.setLong(column, value);
        return;
      }
    } catch (WarpException e) {
      throw storeError(reader, column, e);
    }
    appendText(reader, column, isNull);
  }

  private WarpException storeError(CsvRangeReader reader, int column, WarpException e) {
    return CsvLoader.storeError(file, reader.line(), schema.column(column), reader.text(column), e);
  }

  /** Appends a field through the String path, which handles every form the byte path skips. */
  private void appendText(CsvRangeReader reader, int column, boolean isNull) {
    String text = decode(reader.buffer(), reader.start(column), reader.end(column));
    CsvLoader.appendField(builder, file, reader.line(), column, text, isNull);
  }

  private void appendString(CsvRangeReader reader, int column, boolean isNull) {
    byte[] bytes = reader.buffer();
    int start = reader.start(column);
    int end = reader.end(column);
    DictionaryCodeCache cache = caches[column];
    int code = isNull ? -1 : cache.lookup(bytes, start, end);
    // Decoding raises the error for invalid UTF-8, which names no value, before the try.
    String value = isNull || code >= 0 ? null : decode(bytes, start, end);
    try {
      if (isNull) {
        builder.setNull(column);
        return;
      }
      if (code < 0) {
        code = builder.encodeString(column, value);
        cache.add(bytes, start, end, code);
      }
      builder.setStringCode(column, code);
    } catch (WarpException e) {
      throw storeError(reader, column, e);
    }
  }

  /** Returns the value of an ASCII field in its physical representation, or UNPARSED. */
  private long parse(int column, byte[] bytes, int start, int end) {
    return switch (kinds[column]) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> parseInteger(bytes, start, end);
      case DECIMAL -> parseDecimal(bytes, start, end, scales[column]);
      case DATE -> parseDate(bytes, start, end);
      default -> UNPARSED;
    };
  }

  /** Parses an optional sign and 1 to 18 digits. */
  static long parseInteger(byte[] bytes, int start, int end) {
    boolean negative = bytes[start] == '-';
    if (negative || bytes[start] == '+') {
      start++;
    }
    if (start == end || end - start > MAX_FAST_DIGITS) {
      return UNPARSED;
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        return UNPARSED;
      }
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  /**
   * Parses an optional sign, digits, and a point followed by at most {@code scale} digits, with at
   * most 18 digits in all, into the unscaled value at that scale. Longer forms need rounding or an
   * overflow check, which the String path does.
   */
  static long parseDecimal(byte[] bytes, int start, int end, int scale) {
    boolean negative = bytes[start] == '-';
    if (negative || bytes[start] == '+') {
      start++;
    }
    long value = 0;
    int i = start;
    for (; i < end; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        break;
      }
      value = value * 10 + digit;
    }

    int digits = i - start;
    int fraction = 0;
    if (i < end && bytes[i] == '.') {
      int fractionStart = ++i;
      for (; i < end; i++) {
        int digit = bytes[i] - '0';
        if (digit < 0 || digit > 9) {
          break;
        }
        value = value * 10 + digit;
      }
      fraction = i - fractionStart;
      digits += fraction;
    }

    // Too many digits may have overflowed the value, which is then discarded here.
    if (i != end
        || digits == 0
        || fraction > scale
        || digits + scale - fraction > MAX_FAST_DIGITS) {
      return UNPARSED;
    }

    value *= POWERS_OF_TEN[scale - fraction];
    return negative ? -value : value;
  }

  /** Parses a valid date in the form YYYY-MM-DD into days since 1970-01-01. */
  static long parseDate(byte[] bytes, int start, int end) {
    if (end - start != 10 || bytes[start + 4] != '-' || bytes[start + 7] != '-') {
      return UNPARSED;
    }
    int year = digits(bytes, start, start + 4);
    int month = digits(bytes, start + 5, start + 7);
    int day = digits(bytes, start + 8, start + 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return UNPARSED;
    }
    try {
      return LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      // A day beyond the month's end, such as 02-30: the String path raises the error.
      return UNPARSED;
    }
  }

  /** Returns the number the ASCII digits spell, or -1 when a byte is not a digit. */
  private static int digits(byte[] bytes, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private boolean equalsNullText(byte[] bytes, int start, int end) {
    if (end - start != nullText.length) {
      return false;
    }
    for (int i = 0; i < nullText.length; i++) {
      if (bytes[start + i] != nullText[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tells whether a byte is an ASCII character that {@link String#strip} removes. Fields with other
   * whitespace, which is never ASCII, take the String path.
   */
  private static boolean isAsciiWhitespace(byte b) {
    return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
  }

  /**
   * Decodes UTF-8 bytes, raising the loader's error for invalid UTF-8 as the String path's reader
   * does.
   */
  private String decode(byte[] bytes, int start, int end) {
    boolean ascii = true;
    for (int i = start; i < end; i++) {
      if (bytes[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }
    try {
      CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, start, end - start));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw CsvLoader.invalidUtf8(file, e);
    }
  }

  private static long[] powersOfTen() {
    long[] powers = new long[MAX_FAST_DIGITS + 1];
    powers[0] = 1;
    for (int i = 1; i < powers.length; i++) {
      powers[i] = powers[i - 1] * 10;
    }
    return powers;
  }
}
