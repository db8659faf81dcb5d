package dev.warpsql.executor.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableContents;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.DataType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel CSV load against the sequential one on the same files: small ranges put range
 * boundaries everywhere, inside quoted fields and between CR and LF, and both loads must give the
 * same rows or the same error.
 */
class CsvRangeLoadTest {
  private static final List<ColumnSchema> COLUMNS =
      List.of(
          ColumnSchema.notNull("id", DataType.BIGINT),
          ColumnSchema.nullable("price", DataType.decimal(12, 2)),
          ColumnSchema.nullable("day", DataType.DATE),
          ColumnSchema.nullable("flag", DataType.varchar(1)),
          ColumnSchema.nullable("note", DataType.VARCHAR));

  private static final CsvOptions OPTIONS = CsvOptions.DEFAULTS.withColumns(COLUMNS);

  @TempDir Path directory;

  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void manyRangesMatchSequentialLoad() throws IOException {
    StringBuilder text = new StringBuilder("id,price,day,flag,note\n");
    for (int i = 0; i < 3000; i++) {
      text.append(row(i));
    }
    Path file = write("rows.csv", text.toString());

    for (long rangeBytes : new long[] {7, 64, 1000, 4096, 1 << 20}) {
      assertSameRows(file, OPTIONS, rangeBytes);
    }
  }

  @Test
  void quotedLineBreaksAcrossRangeBoundaries() throws IOException {
    StringBuilder text = new StringBuilder("id,price,day,flag,note\n");
    for (int i = 0; i < 40; i++) {
      text.append(i).append(",1.50,2024-01-0").append(1 + i % 9).append(",a,");
      text.append(
          switch (i % 4) {
            case 0 -> "\"two,\nlines\"";
            case 1 -> "\"say \"\"hi\"\"\r\nthen\rleave\"";
            case 2 -> "\"\n\n\"";
            default -> "plain";
          });
      text.append(i % 3 == 0 ? "\r\n" : "\n");
    }
    Path file = write("quoted.csv", text.toString());

    for (long rangeBytes = 1; rangeBytes <= 120; rangeBytes++) {
      assertSameRows(file, OPTIONS, rangeBytes);
    }
  }

  @Test
  void errorInLaterRangeNamesItsLine() throws IOException {
    StringBuilder text = new StringBuilder("id,price,day,flag,note\n");
    for (int i = 0; i < 500; i++) {
      text.append(i == 420 ? "420,12.5x,2024-01-01,a,bad\n" : row(i));
    }
    Path file = write("bad.csv", text.toString());

    WarpException error = assertSameError(file, OPTIONS, 256);

    // Every fifth row before it has a note over two lines, so the row is on line 2 + 420 + 84.
    assertThat(error).hasMessageContaining("line 506,").hasMessageContaining("'12.5x'");
  }

  @Test
  void firstErrorInFileOrderIsRaised() throws IOException {
    StringBuilder text = new StringBuilder("id,price,day,flag,note\n");
    for (int i = 0; i < 500; i++) {
      if (i == 100) {
        text.append("100,1.00,2024-02-30,a,b\n");
      } else if (i == 400) {
        text.append("400,1.00\n");
      } else {
        text.append(row(i));
      }
    }
    Path file = write("two-errors.csv", text.toString());

    for (long rangeBytes : new long[] {64, 512, 4096}) {
      WarpException error = assertSameError(file, OPTIONS, rangeBytes);
      assertThat(error).hasMessageContaining("'2024-02-30'");
    }
  }

  @Test
  void syntaxErrorsMatchSequentialLoad() throws IOException {
    String rows = "id,price,day,flag,note\n" + row(1).repeat(50);
    String[] endings = {
      "7,1.00,2024-01-01,a,\"closed\"x\n" + row(8).repeat(20),
      "7,1.00,2024-01-01,a,\"never closed\n" + row(8).repeat(20),
      "7,1.00,2024-01-01,a,b,extra\n" + row(8).repeat(20),
      "7,1.00,2024-01-01,toolong,b\n",
      ",1.00,2024-01-01,a,b\n",
      "7,99999999999.00,2024-01-01,a,b\n"
    };
    for (String ending : endings) {
      Path file = write("syntax.csv", rows + ending);
      for (long rangeBytes : new long[] {32, 300, 5000}) {
        assertSameError(file, OPTIONS, rangeBytes);
      }
    }
  }

  @Test
  void lineEndsAndBlankLinesMatch() throws IOException {
    String[] files = {
      "id,price,day,flag,note\r\n1,1.00,2024-01-01,a,x\r\n2,2.00,2024-01-02,b,y\r\n",
      "id,price,day,flag,note\r1,1.00,2024-01-01,a,x\r2,2.00,2024-01-02,b,y\r",
      "id,price,day,flag,note\n1,1.00,2024-01-01,a,x\n\n\n2,2.00,2024-01-02,b,y\n\n",
      "id,price,day,flag,note\n1,1.00,2024-01-01,a,x\n2,2.00,2024-01-02,b,y",
      "\uFEFFid,price,day,flag,note\r\n1,1.00,2024-01-01,a,x\r\n\r\n2,,,,\r\n"
    };
    for (String content : files) {
      Path file = write("ends.csv", content);
      for (long rangeBytes = 1; rangeBytes <= content.length() + 1; rangeBytes++) {
        assertSameRows(file, OPTIONS, rangeBytes);
      }
    }
  }

  @Test
  void singleColumnBlankLinesAreNull() throws IOException {
    CsvOptions options =
        CsvOptions.DEFAULTS
            .withColumns(List.of(ColumnSchema.nullable("v", DataType.BIGINT)))
            .withHeader(false);
    Path file = write("single.csv", "1\n\n2\r\n\r\n3\n\n");

    for (long rangeBytes = 1; rangeBytes <= 12; rangeBytes++) {
      assertSameRows(file, options, rangeBytes);
    }
    try (Table table = parallel(file, options, 2)) {
      assertThat(TableContents.column(table, 0)).containsExactly(1L, null, 2L, null, 3L, null);
    }
  }

  @Test
  void valueFormsMatchSequentialLoad() throws IOException {
    String[] values = {
      "+1.5", ".5", "12.", "-0.00", "1.005", "1e2", " 7 ", "\t8\t", "\u30009\u3000", "-12.34"
    };
    StringBuilder text = new StringBuilder("id,price,day,flag,note\n");
    String[] days = {"2024-02-29", "0000-01-01", " 1999-12-31", "9999-12-31", "2024-03-01 "};
    for (int i = 0; i < values.length; i++) {
      String day = days[i % days.length];
      text.append(i).append(',').append(values[i]).append(',').append(day).append(",é,");
      text.append(i % 2 == 0 ? "\"ü, \"\"quoted\"\"\"" : " spaced ").append('\n');
    }
    text.append("123456789012345678,,,,\n");
    text.append("-1234567890123456789,,,,\n");
    Path file = write("forms.csv", text.toString());

    assertSameRows(file, OPTIONS, 16);
    try (Table table = parallel(file, OPTIONS, 16)) {
      assertThat(TableContents.column(table, 1).subList(0, 5))
          .containsExactly(150L, 50L, 1200L, 0L, 101L);
      assertThat(TableContents.value(table, 3, 0)).isEqualTo("é");
      assertThat(TableContents.value(table, 4, 0)).isEqualTo("ü, \"quoted\"");
      assertThat(TableContents.value(table, 4, 1)).isEqualTo(" spaced ");
    }
  }

  @Test
  void invalidValuesMatchSequentialErrors() throws IOException {
    String[] rows = {
      "1,1.2.3,2024-01-01,a,b", "1,1.00,2024-13-01,a,b", "1,1.00,2024-01-01x,a,b",
      "x1,1.00,2024-01-01,a,b", "1,-,2024-01-01,a,b", "12345678901234567890,1,,,",
      "1,\u00e91,,,", "1,1,2024-01-01,\u00e9\u00e9,b"
    };
    for (String row : rows) {
      Path file = write("invalid.csv", "id,price,day,flag,note\n" + row(0).repeat(30) + row + "\n");
      assertSameError(file, OPTIONS, 64);
    }
  }

  @Test
  void invalidUtf8MatchesSequentialError() throws IOException {
    byte[] head = ("id,price,day,flag,note\n" + row(0).repeat(30)).getBytes(StandardCharsets.UTF_8);
    byte[][] tails = {
      {'5', ',', '1', ',', ',', ',', (byte) 0xC3, '\n'},
      {'5', ',', (byte) 0xFF, ',', ',', ',', '\n'},
      {(byte) 0xFE, ',', '1', ',', ',', ',', '\n'}
    };
    for (byte[] tail : tails) {
      byte[] content = new byte[head.length + tail.length];
      System.arraycopy(head, 0, content, 0, head.length);
      System.arraycopy(tail, 0, content, head.length, tail.length);
      Path file = directory.resolve("utf8.csv");
      Files.write(file, content);
      WarpException error = assertSameError(file, OPTIONS, 64);
      assertThat(error).hasMessageContaining("not valid UTF-8");
    }

    Path header = directory.resolve("header.csv");
    Files.write(header, new byte[] {'i', (byte) 0xC3, 'd', '\n', '1', '\n'});
    CsvOptions single = OPTIONS.withColumns(List.of(ColumnSchema.notNull("id", DataType.BIGINT)));
    assertThat(assertSameError(header, single, 1)).hasMessageContaining("not valid UTF-8");
  }

  @Test
  void rangesShareDictionaries() throws IOException {
    StringBuilder text = new StringBuilder("id,price,day,flag,note\n");
    for (int i = 0; i < 2000; i++) {
      text.append(row(i));
    }
    Path file = write("codes.csv", text.toString());

    try (Table table = parallel(file, OPTIONS, 512)) {
      assertThat(table.chunks()).hasSizeGreaterThan(10);
      assertThat(table.dictionary(3).size()).isEqualTo(3);
    }
  }

  /** Returns a CSV row whose fields exercise every column; every fifth note spans two lines. */
  private static String row(int i) {
    String price = String.format(Locale.ROOT, "%d.%02d", i * 7 % 1000, i % 100);
    String day = String.format(Locale.ROOT, "20%02d-%02d-%02d", i % 30, 1 + i % 12, 1 + i % 28);
    String flag = i % 11 == 0 ? "" : String.valueOf((char) ('a' + i % 3));
    String note =
        switch (i % 5) {
          case 0 -> "\"line " + i + "\nnext, line\"";
          case 1 -> "same";
          case 2 -> "";
          case 3 -> "unique " + i;
          default -> "\"\"";
        };
    return i + "," + (i % 13 == 0 ? "" : price) + "," + day + "," + flag + "," + note + "\n";
  }

  private Path write(String name, String content) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private Table parallel(Path file, CsvOptions options, long rangeBytes) {
    TableSchema schema = new TableSchema(options.columns());
    return new CsvRangeLoad(file, options, rangeBytes, 4).load("data", schema, null, allocator);
  }

  private Table sequential(Path file, CsvOptions options) {
    return CsvLoader.loadSequential("data", file, options, null, allocator);
  }

  private void assertSameRows(Path file, CsvOptions options, long rangeBytes) {
    try (Table expected = sequential(file, options);
        Table actual = parallel(file, options, rangeBytes)) {
      assertThat(actual.rowCount())
          .as("rows, range of %d bytes", rangeBytes)
          .isEqualTo(expected.rowCount());
      for (int column = 0; column < expected.schema().size(); column++) {
        assertThat(TableContents.column(actual, column))
            .as("column %d, range of %d bytes", column, rangeBytes)
            .isEqualTo(TableContents.column(expected, column));
      }
    }
  }

  private WarpException assertSameError(Path file, CsvOptions options, long rangeBytes) {
    Throwable expected = catchThrowable(() -> sequential(file, options).close());
    Throwable actual = catchThrowable(() -> parallel(file, options, rangeBytes).close());
    assertThat(expected).isInstanceOf(WarpException.class);
    assertThat(actual)
        .as("range of %d bytes", rangeBytes)
        .isInstanceOf(WarpException.class)
        .hasMessage(expected.getMessage());
    assertThat(((WarpException) actual).code()).isEqualTo(((WarpException) expected).code());
    return (WarpException) actual;
  }
}
