package dev.warpsql.executor.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableContents;
import dev.warpsql.kernels.ir.DataType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
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

  private Path write(String name, String content) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private Table load(Path file, CsvOptions options) {
    return CsvLoader.load("Data", file, options, allocator);
  }

  private static long micros(String timestamp) {
    LocalDateTime time = LocalDateTime.parse(timestamp);
    return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + time.getNano() / 1000;
  }

  @Test
  void fileWithoutHeaderUsesDeclaredColumns() throws IOException {
    Path file = write("noheader.csv", "1,a\n2,\n");
    List<ColumnSchema> columns =
        List.of(
            ColumnSchema.notNull("id", DataType.BIGINT),
            ColumnSchema.nullable("name", DataType.VARCHAR));
    try (Table table = load(file, CsvOptions.DEFAULTS.withColumns(columns).withHeader(false))) {
      assertThat(table.rowCount()).isEqualTo(2);
      assertThat(table.chunks().get(0).vector(0).getObject(0)).isEqualTo(1L);
      assertThat(table.dictionary(1).value((Integer) table.chunks().get(0).vector(1).getObject(0)))
          .isEqualTo("a");
    }
  }

  @Test
  void fileWithoutHeaderNeedsDeclaredColumns() {
    assertThatThrownBy(() -> CsvOptions.DEFAULTS.withHeader(false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs declared columns");
  }

  @Test
  void infersEveryType() throws IOException {
    Path file =
        write(
            "types.csv",
            "Id,Price,Ratio,Day,At,Flag,Name,Huge,Nothing\n"
                + "1,12.5,1e3,2024-01-31,2024-01-31 10:15:00,true,alpha,123456789012345678.5,\n"
                + "-2,3.25,0.5,1999-12-31,2024-02-01T00:00:00.123456,FALSE,beta,1.5,\n"
                + "3,,NaN,,2024-03-01,,,,\n");
    try (Table table = load(file, CsvOptions.DEFAULTS)) {
      assertThat(table.name()).isEqualTo("data");
      assertThat(table.schema().names())
          .containsExactly("id", "price", "ratio", "day", "at", "flag", "name", "huge", "nothing");
      assertThat(table.schema().columns())
          .extracting(ColumnSchema::type)
          .containsExactly(
              DataType.BIGINT,
              DataType.decimal(18, 2),
              DataType.DOUBLE,
              DataType.DATE,
              DataType.TIMESTAMP,
              DataType.BOOLEAN,
              DataType.VARCHAR,
              DataType.DOUBLE,
              DataType.VARCHAR);
      assertThat(table.schema().columns()).allMatch(ColumnSchema::nullable);
      assertThat(TableContents.column(table, 0)).containsExactly(1L, -2L, 3L);
      assertThat(TableContents.column(table, 1)).containsExactly(1250L, 325L, null);
      assertThat(TableContents.column(table, 2)).containsExactly(1000.0, 0.5, Double.NaN);
      assertThat(TableContents.column(table, 3))
          .containsExactly(
              LocalDate.of(2024, 1, 31).toEpochDay(),
              LocalDate.of(1999, 12, 31).toEpochDay(),
              null);
      assertThat(TableContents.column(table, 4))
          .containsExactly(
              micros("2024-01-31T10:15:00"),
              micros("2024-02-01T00:00:00.123456"),
              micros("2024-03-01T00:00:00"));
      assertThat(TableContents.column(table, 5)).containsExactly(true, false, null);
      assertThat(TableContents.column(table, 6)).containsExactly("alpha", "beta", null);
      assertThat(TableContents.column(table, 7)).containsExactly(123456789012345678.5, 1.5, null);
      assertThat(TableContents.column(table, 8)).containsExactly(null, null, null);
    }
  }

  @Test
  void inferenceWidensAndFallsBackToVarchar() throws IOException {
    Path file =
        write(
            "mixed.csv",
            "a,b,c,d,e\n"
                + "1,1,2024-01-01,true,1.5\n"
                + "2.125,x,2024-01-02,1,1.25e1\n"
                + "99999999999999999,3,12:00:00,false,2\n");
    try (Table table = load(file, CsvOptions.DEFAULTS)) {
      assertThat(table.schema().columns())
          .extracting(ColumnSchema::type)
          .containsExactly(
              DataType.DOUBLE,
              DataType.VARCHAR,
              DataType.VARCHAR,
              DataType.VARCHAR,
              DataType.DOUBLE);
      assertThat(TableContents.column(table, 1)).containsExactly("1", "x", "3");
      assertThat(TableContents.column(table, 4)).containsExactly(1.5, 12.5, 2.0);
    }
  }

  @Test
  void decimalScaleIsMaximumSeen() throws IOException {
    Path file = write("decimals.csv", "amount\n1\n-0.5\n2.125\n+3.10\n");
    try (Table table = load(file, CsvOptions.DEFAULTS)) {
      assertThat(table.schema().type(0)).isEqualTo(DataType.decimal(18, 3));
      assertThat(TableContents.column(table, 0)).containsExactly(1000L, -500L, 2125L, 3100L);
    }
  }

  @Test
  void declaredTypesAreParsed() throws IOException {
    Path file =
        write(
            "declared.csv",
            "flag;small;amount;ratio;day;clock;at;label\n"
                + "yes; 7 ;12.345;2.5;2020-02-29;23:59:59.5;2020-02-29 01:02:03;x\n"
                + "0;-3;-0.004;-1e-2;1970-01-01;00:00;1970-01-01;\n");
    List<ColumnSchema> columns =
        List.of(
            ColumnSchema.nullable("flag", DataType.BOOLEAN),
            ColumnSchema.notNull("small", DataType.SMALLINT),
            ColumnSchema.nullable("amount", DataType.decimal(6, 2)),
            ColumnSchema.nullable("ratio", DataType.REAL),
            ColumnSchema.nullable("day", DataType.DATE),
            ColumnSchema.nullable("clock", DataType.TIME),
            ColumnSchema.nullable("at", DataType.TIMESTAMP),
            ColumnSchema.nullable("label", DataType.varchar(3)));
    CsvOptions options = CsvOptions.DEFAULTS.withDelimiter(';').withColumns(columns);
    try (Table table = load(file, options)) {
      assertThat(table.schema().columns()).isEqualTo(columns);
      assertThat(TableContents.column(table, 0)).containsExactly(true, false);
      assertThat(TableContents.column(table, 1)).containsExactly(7L, -3L);
      // Extra fractional digits round half up, as a cast to DECIMAL(6, 2) does.
      assertThat(TableContents.column(table, 2)).containsExactly(1235L, 0L);
      assertThat(TableContents.column(table, 3)).containsExactly(2.5, (double) -1e-2f);
      assertThat(TableContents.column(table, 4))
          .containsExactly(LocalDate.of(2020, 2, 29).toEpochDay(), 0L);
      assertThat(TableContents.column(table, 5)).containsExactly(86_399_500_000L, 0L);
      assertThat(TableContents.column(table, 6)).containsExactly(micros("2020-02-29T01:02:03"), 0L);
      assertThat(TableContents.column(table, 7)).containsExactly("x", null);
    }
  }

  @Test
  void quotedFieldsFollowRfc4180() throws IOException {
    Path file =
        write(
            "quoted.csv",
            "id,text\r\n"
                + "1,\"a,b\"\r\n"
                + "2,\"say \"\"hi\"\"\"\r\n"
                + "3,\"two\nlines\"\r\n"
                + "4,\"\"\r\n"
                + "5,\r\n"
                + "6,plain \"quote\" inside\n");
    try (Table table = load(file, CsvOptions.DEFAULTS)) {
      assertThat(TableContents.column(table, 0)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
      assertThat(TableContents.column(table, 1))
          .containsExactly("a,b", "say \"hi\"", "two\nlines", "", null, "plain \"quote\" inside");
    }
  }

  @Test
  void lineNumbersCountLinesInsideQuotes() throws IOException {
    Path file = write("lines.csv", "id,text\n1,\"x\ny\"\n2,\"z\"\nabc,w\n");
    List<ColumnSchema> columns =
        List.of(
            ColumnSchema.nullable("id", DataType.BIGINT),
            ColumnSchema.nullable("text", DataType.VARCHAR));
    assertRejected(
        () -> load(file, CsvOptions.DEFAULTS.withColumns(columns)),
        ErrorCode.INVALID_TEXT_REPRESENTATION,
        file,
        "line 5",
        "\"id\"",
        "'abc'");
  }

  @Test
  void customNullTextAndBlankLines() throws IOException {
    Path file = write("nulls.csv", "\uFEFFa,b\n\\N,\\N\n\n\"\\N\",\n");
    try (Table table = load(file, CsvOptions.DEFAULTS.withNullText("\\N"))) {
      assertThat(table.schema().type(0)).isEqualTo(DataType.VARCHAR);
      assertThat(table.schema().names()).containsExactly("a", "b");
      assertThat(TableContents.column(table, 0)).containsExactly(null, "\\N");
      assertThat(TableContents.column(table, 1)).containsExactly(null, "");
    }
  }

  @Test
  void headerOnlyFileGivesEmptyTable() throws IOException {
    Path file = write("header-only.csv", "a,b\n");
    try (Table table = load(file, CsvOptions.DEFAULTS)) {
      assertThat(table.schema().names()).containsExactly("a", "b");
      assertThat(table.schema().type(0)).isEqualTo(DataType.VARCHAR);
      assertThat(table.rowCount()).isZero();
      assertThat(table.chunks()).isEmpty();
    }
  }

  @Test
  void carriageReturnEndsLines() throws IOException {
    Path file = write("mac.csv", "a,b\r1,x\r2,\"y\rz\"\r3,w");
    try (Table table = load(file, CsvOptions.DEFAULTS)) {
      assertThat(TableContents.column(table, 0)).containsExactly(1L, 2L, 3L);
      assertThat(TableContents.column(table, 1)).containsExactly("x", "y\rz", "w");
    }
  }

  @Test
  void singleColumnBlankLineIsNull() throws IOException {
    Path file = write("single.csv", "n\n1\n\n3");
    try (Table table = load(file, CsvOptions.DEFAULTS)) {
      assertThat(TableContents.column(table, 0)).containsExactly(1L, null, 3L);
    }
  }

  @Test
  void chunkRowsSplitsLoadedTable() throws IOException {
    StringBuilder content = new StringBuilder("n\n");
    for (int i = 0; i < 10; i++) {
      content.append(i).append('\n');
    }
    Path file = write("chunks.csv", content.toString());
    try (Table table = load(file, CsvOptions.DEFAULTS.withChunkRows(4))) {
      assertThat(table.chunks()).extracting(Chunk::rowCount).containsExactly(4, 4, 2);
      assertThat(table.chunks().get(2).zoneMap(0).maxLong()).isEqualTo(9);
    }
  }

  @Test
  void raggedRowWithTooFewFieldsIsRejected() throws IOException {
    Path file = write("short.csv", "a,b,c\n1,2,3\n4,5\n");
    assertRejected(
        () -> load(file, CsvOptions.DEFAULTS),
        ErrorCode.BAD_CSV_FILE,
        file,
        "line 3",
        "column \"c\"",
        "'5'");
  }

  @Test
  void raggedRowWithTooManyFieldsIsRejected() throws IOException {
    Path file = write("long.csv", "a,b\n1,2\n3,4,extra\n");
    assertRejected(
        () -> load(file, CsvOptions.DEFAULTS),
        ErrorCode.BAD_CSV_FILE,
        file,
        "line 3",
        "\"b\"",
        "'extra'");
  }

  @Test
  void valueOfWrongTypeIsRejected() throws IOException {
    Path file = write("bad.csv", "id,day\n1,2024-01-01\n2,2024-13-01\n");
    List<ColumnSchema> columns =
        List.of(
            ColumnSchema.nullable("id", DataType.INTEGER),
            ColumnSchema.nullable("day", DataType.DATE));
    assertRejected(
        () -> load(file, CsvOptions.DEFAULTS.withColumns(columns)),
        ErrorCode.INVALID_TEXT_REPRESENTATION,
        file,
        "line 3",
        "column \"day\"",
        "'2024-13-01'",
        "YYYY-MM-DD");
  }

  @Test
  void impossibleDayIsRejected() throws IOException {
    for (String day : List.of("2023-02-29", "2024-04-31", "2024-00-10")) {
      Path file = write("day.csv", "day\n2024-02-29\n" + day + "\n");
      List<ColumnSchema> columns = List.of(ColumnSchema.nullable("day", DataType.DATE));
      assertRejected(
          () -> load(file, CsvOptions.DEFAULTS.withColumns(columns)),
          ErrorCode.INVALID_TEXT_REPRESENTATION,
          file,
          "line 3",
          "'" + day + "'",
          "YYYY-MM-DD");
    }
  }

  @Test
  void valueOutOfRangeIsRejected() throws IOException {
    Path file = write("range.csv", "small\n1\n40000\n");
    List<ColumnSchema> columns = List.of(ColumnSchema.nullable("small", DataType.SMALLINT));
    assertRejected(
        () -> load(file, CsvOptions.DEFAULTS.withColumns(columns)),
        ErrorCode.NUMERIC_OVERFLOW,
        file,
        "line 3",
        "\"small\"",
        "'40000'");
  }

  @Test
  void nullInNotNullColumnIsRejected() throws IOException {
    Path file = write("notnull.csv", "id,name\n1,a\n,b\n");
    List<ColumnSchema> columns =
        List.of(
            ColumnSchema.notNull("id", DataType.BIGINT),
            ColumnSchema.nullable("name", DataType.VARCHAR));
    assertRejected(
        () -> load(file, CsvOptions.DEFAULTS.withColumns(columns)),
        ErrorCode.NOT_NULL_VIOLATION,
        file,
        "line 3",
        "\"id\"",
        "NOT NULL");
  }

  @Test
  void unterminatedQuoteIsRejected() throws IOException {
    Path file = write("quote.csv", "id,text\n1,ok\n2,\"never closed\n3,x\n");
    assertRejected(
        () -> load(file, CsvOptions.DEFAULTS),
        ErrorCode.BAD_CSV_FILE,
        file,
        "line 3",
        "column \"text\"",
        "'never closed\n3,x\n'",
        "unterminated");
  }

  @Test
  void textAfterClosingQuoteIsRejected() throws IOException {
    Path file = write("after.csv", "id,text\n1,\"ab\"c\n");
    assertRejected(
        () -> load(file, CsvOptions.DEFAULTS),
        ErrorCode.BAD_CSV_FILE,
        file,
        "line 2",
        "column \"text\"",
        "'ab'");
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    Path file = write("empty.csv", "");
    assertRejected(
        () -> load(file, CsvOptions.DEFAULTS), ErrorCode.BAD_CSV_FILE, file, "line 1", "empty");
  }

  @Test
  void headerProblemsAreRejected() throws IOException {
    Path duplicate = write("duplicate.csv", "a,B,b\n1,2,3\n");
    assertRejected(
        () -> load(duplicate, CsvOptions.DEFAULTS),
        ErrorCode.BAD_CSV_FILE,
        duplicate,
        "line 1",
        "\"b\"",
        "twice");
    Path emptyName = write("noname.csv", "a,,c\n1,2,3\n");
    assertRejected(
        () -> load(emptyName, CsvOptions.DEFAULTS),
        ErrorCode.BAD_CSV_FILE,
        emptyName,
        "line 1",
        "header field 2",
        "empty");
  }

  @Test
  void declaredColumnsMustMatchHeader() throws IOException {
    Path file = write("header.csv", "id,name\n1,a\n");
    CsvOptions wrongName =
        CsvOptions.DEFAULTS.withColumns(
            List.of(
                ColumnSchema.nullable("id", DataType.BIGINT),
                ColumnSchema.nullable("title", DataType.VARCHAR)));
    assertRejected(
        () -> load(file, wrongName), ErrorCode.BAD_CSV_FILE, file, "line 1", "\"title\"", "'name'");
    CsvOptions wrongCount =
        CsvOptions.DEFAULTS.withColumns(List.of(ColumnSchema.nullable("id", DataType.BIGINT)));
    assertRejected(
        () -> load(file, wrongCount), ErrorCode.BAD_CSV_FILE, file, "line 1", "2 fields");
  }

  @Test
  void missingFileIsRejected() {
    Path file = directory.resolve("absent.csv");
    assertRejected(() -> load(file, CsvOptions.DEFAULTS), ErrorCode.FILE_NOT_FOUND, file);
    List<ColumnSchema> columns = List.of(ColumnSchema.nullable("a", DataType.BIGINT));
    assertRejected(
        () -> load(file, CsvOptions.DEFAULTS.withColumns(columns)), ErrorCode.FILE_NOT_FOUND, file);
  }

  @Test
  void invalidUtf8IsRejected() throws IOException {
    Path file = directory.resolve("latin1.csv");
    Files.write(file, new byte[] {'a', '\n', (byte) 0xE9, '\n'});
    assertRejected(() -> load(file, CsvOptions.DEFAULTS), ErrorCode.BAD_CSV_FILE, file, "UTF-8");
  }

  @Test
  void failureAfterSeveralChunksFreesMemory() throws IOException {
    StringBuilder content = new StringBuilder("id,name\n");
    for (int i = 0; i < 1000; i++) {
      content.append(i).append(",name").append(i).append('\n');
    }
    content.append("oops,last\n");
    Path file = write("late.csv", content.toString());
    List<ColumnSchema> columns =
        List.of(
            ColumnSchema.nullable("id", DataType.BIGINT),
            ColumnSchema.nullable("name", DataType.VARCHAR));
    assertRejected(
        () -> load(file, CsvOptions.DEFAULTS.withColumns(columns).withChunkRows(100)),
        ErrorCode.INVALID_TEXT_REPRESENTATION,
        file,
        "line 1002",
        "\"id\"",
        "'oops'");
  }

  /** Asserts the error code, that each fragment is in the message, and that nothing leaked. */
  private void assertRejected(
      ThrowingCallable call, ErrorCode code, Path file, String... fragments) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(WarpException.class);
    assertThat(((WarpException) thrown).code()).isEqualTo(code);
    assertThat(thrown.getMessage()).contains(file.toString());
    for (String fragment : fragments) {
      assertThat(thrown.getMessage()).contains(fragment);
    }
    assertThat(allocator.getAllocatedMemory()).isZero();
  }
}
