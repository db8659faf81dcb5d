package dev.warpsql.executor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TableBuilderTest {
  private static final TableSchema ALL_TYPES =
      TableSchema.of(
          ColumnSchema.nullable("b", DataType.BOOLEAN),
          ColumnSchema.nullable("ti", DataType.TINYINT),
          ColumnSchema.nullable("si", DataType.SMALLINT),
          ColumnSchema.nullable("i", DataType.INTEGER),
          ColumnSchema.nullable("bi", DataType.BIGINT),
          ColumnSchema.nullable("r", DataType.REAL),
          ColumnSchema.nullable("d", DataType.DOUBLE),
          ColumnSchema.nullable("dec", DataType.decimal(10, 2)),
          ColumnSchema.nullable("dt", DataType.DATE),
          ColumnSchema.nullable("t", DataType.TIME),
          ColumnSchema.nullable("ts", DataType.TIMESTAMP),
          ColumnSchema.nullable("s", DataType.varchar(5)));

  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static void setAllTypes(TableBuilder builder, int seed) {
    builder.setBoolean(0, seed % 2 == 0);
    builder.setLong(1, -128 + seed);
    builder.setLong(2, 32767 - seed);
    builder.setLong(3, Integer.MIN_VALUE + seed);
    builder.setLong(4, Long.MAX_VALUE - seed);
    builder.setDouble(5, 1.5 + seed);
    builder.setDouble(6, -2.25 * seed);
    builder.setLong(7, 12345 + seed);
    builder.setLong(8, 19_000 + seed);
    builder.setLong(9, 86_399_999_999L - seed);
    builder.setLong(10, -1_000_000L * seed);
    builder.setString(11, "v" + seed);
  }

  @Test
  void everyTypeRoundTrips() {
    try (TableBuilder builder = new TableBuilder("t", ALL_TYPES, allocator, 100);
        Table table = buildRows(builder, 3)) {
      assertThat(table.rowCount()).isEqualTo(3);
      assertThat(table.chunks()).hasSize(1);
      Chunk chunk = table.chunks().get(0);
      assertThat(chunk.rowCount()).isEqualTo(3);
      for (int row = 0; row < 3; row++) {
        assertThat(((BitVector) chunk.vector(0)).get(row)).isEqualTo(row % 2 == 0 ? 1 : 0);
        assertThat(((TinyIntVector) chunk.vector(1)).get(row)).isEqualTo((byte) (-128 + row));
        assertThat(((SmallIntVector) chunk.vector(2)).get(row)).isEqualTo((short) (32767 - row));
        assertThat(((IntVector) chunk.vector(3)).get(row)).isEqualTo(Integer.MIN_VALUE + row);
        assertThat(((BigIntVector) chunk.vector(4)).get(row)).isEqualTo(Long.MAX_VALUE - row);
        assertThat(((Float4Vector) chunk.vector(5)).get(row)).isEqualTo(1.5f + row);
        assertThat(((Float8Vector) chunk.vector(6)).get(row)).isEqualTo(-2.25 * row);
        assertThat(((BigIntVector) chunk.vector(7)).get(row)).isEqualTo(12345L + row);
        assertThat(((DateDayVector) chunk.vector(8)).get(row)).isEqualTo(19_000 + row);
        assertThat(((TimeMicroVector) chunk.vector(9)).get(row)).isEqualTo(86_399_999_999L - row);
        assertThat(((TimeStampMicroVector) chunk.vector(10)).get(row)).isEqualTo(-1_000_000L * row);
        int code = ((IntVector) chunk.vector(11)).get(row);
        assertThat(table.dictionary(11).value(code)).isEqualTo("v" + row);
      }
    }
  }

  @Test
  void vectorsUseArrowColumnsLayout() {
    try (TableBuilder builder = new TableBuilder("t", ALL_TYPES, allocator, 100);
        Table table = buildRows(builder, 1)) {
      for (int column = 0; column < ALL_TYPES.size(); column++) {
        ColumnSchema schema = ALL_TYPES.column(column);
        StringDictionary dictionary = table.dictionary(column);
        long dictionaryId = dictionary == null ? 0 : dictionary.id();
        assertThat(table.chunks().get(0).vector(column).getField())
            .isEqualTo(
                ArrowColumns.field(schema.name(), schema.type(), schema.nullable(), dictionaryId));
      }
      assertThat(table.dictionary(11)).isNotNull();
      assertThat(table.dictionary(4)).isNull();
    }
  }

  @Test
  void nullsClearValidity() {
    try (TableBuilder builder = new TableBuilder("t", ALL_TYPES, allocator, 100)) {
      setAllTypes(builder, 1);
      builder.endRow();
      for (int column = 0; column < ALL_TYPES.size(); column++) {
        builder.setNull(column);
      }
      builder.endRow();
      try (Table table = builder.build()) {
        for (int column = 0; column < ALL_TYPES.size(); column++) {
          assertThat(TableContents.value(table, column, 0)).isNotNull();
          assertThat(TableContents.value(table, column, 1)).isNull();
          assertThat(table.chunks().get(0).vector(column).getNullCount()).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void zoneMapsCoverNonNullValues() {
    TableSchema schema =
        TableSchema.of(
            ColumnSchema.nullable("n", DataType.BIGINT),
            ColumnSchema.nullable("d", DataType.DOUBLE),
            ColumnSchema.nullable("b", DataType.BOOLEAN),
            ColumnSchema.nullable("empty", DataType.INTEGER),
            ColumnSchema.nullable("dec", DataType.decimal(4, 1)));
    long[] longs = {5, -7, 12, 3};
    double[] doubles = {0.5, -3.0, 8.25, 1.0};
    try (TableBuilder builder = new TableBuilder("z", schema, allocator, 100)) {
      for (int row = 0; row < longs.length; row++) {
        builder.setLong(0, longs[row]);
        builder.setDouble(1, doubles[row]);
        builder.setBoolean(2, row == 1);
        builder.setNull(3);
        builder.setLong(4, -longs[row] * 10);
        builder.endRow();
      }
      builder.setNull(0);
      builder.setNull(1);
      builder.setNull(2);
      builder.setNull(3);
      builder.setNull(4);
      builder.endRow();
      try (Table table = builder.build()) {
        Chunk chunk = table.chunks().get(0);
        assertThat(chunk.zoneMap(0)).isEqualTo(new ZoneMap(1, true, -7, 12, 0, 0));
        assertThat(chunk.zoneMap(1)).isEqualTo(new ZoneMap(1, true, 0, 0, -3.0, 8.25));
        assertThat(chunk.zoneMap(2)).isEqualTo(new ZoneMap(1, true, 0, 1, 0, 0));
        assertThat(chunk.zoneMap(3)).isEqualTo(new ZoneMap(5, false, 0, 0, 0, 0));
        assertThat(chunk.zoneMap(4)).isEqualTo(new ZoneMap(1, true, -120, 70, 0, 0));
      }
    }
  }

  @Test
  void zoneMapTreatsNanAsLargest() {
    TableSchema schema = TableSchema.of(ColumnSchema.nullable("r", DataType.REAL));
    try (TableBuilder builder = new TableBuilder("z", schema, allocator, 100)) {
      for (double value : new double[] {2.0, Double.NaN, -1.0}) {
        builder.setDouble(0, value);
        builder.endRow();
      }
      try (Table table = builder.build()) {
        ZoneMap zoneMap = table.chunks().get(0).zoneMap(0);
        assertThat(zoneMap.minDouble()).isEqualTo(-1.0);
        assertThat(zoneMap.maxDouble()).isNaN();
      }
    }
  }

  @Test
  void chunksSplitAtChunkRows() {
    TableSchema schema =
        TableSchema.of(
            ColumnSchema.notNull("n", DataType.INTEGER),
            ColumnSchema.notNull("s", DataType.VARCHAR));
    try (TableBuilder builder = new TableBuilder("c", schema, allocator, 3)) {
      for (int row = 0; row < 10; row++) {
        builder.setLong(0, row);
        builder.setString(1, row % 2 == 0 ? "even" : "odd");
        builder.endRow();
      }
      try (Table table = builder.build()) {
        assertThat(table.chunks()).extracting(Chunk::rowCount).containsExactly(3, 3, 3, 1);
        assertThat(table.rowCount()).isEqualTo(10);
        assertThat(TableContents.column(table, 0))
            .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(table.chunks().get(1).zoneMap(0)).isEqualTo(new ZoneMap(0, true, 3, 5, 0, 0));
        assertThat(table.dictionary(1).size()).isEqualTo(2);
        int oddCode = table.dictionary(1).lookup("odd");
        assertThat(((IntVector) table.chunks().get(0).vector(1)).get(1)).isEqualTo(oddCode);
        assertThat(((IntVector) table.chunks().get(3).vector(1)).get(0)).isEqualTo(oddCode);
      }
    }
  }

  @Test
  void exactMultipleOfChunkRowsHasNoEmptyChunk() {
    TableSchema schema = TableSchema.of(ColumnSchema.notNull("n", DataType.BIGINT));
    try (TableBuilder builder = new TableBuilder("c", schema, allocator, 2)) {
      for (int row = 0; row < 4; row++) {
        builder.setLong(0, row);
        builder.endRow();
      }
      try (Table table = builder.build()) {
        assertThat(table.chunks()).extracting(Chunk::rowCount).containsExactly(2, 2);
      }
    }
  }

  @Test
  void emptyTableHasNoChunks() {
    TableSchema schema = TableSchema.of(ColumnSchema.notNull("n", DataType.BIGINT));
    try (TableBuilder builder = new TableBuilder("e", schema, allocator, 2);
        Table table = builder.build()) {
      assertThat(table.chunks()).isEmpty();
      assertThat(table.rowCount()).isZero();
    }
  }

  @Test
  void notNullColumnRejectsNull() {
    TableSchema schema =
        TableSchema.of(
            ColumnSchema.notNull("id", DataType.BIGINT),
            ColumnSchema.notNull("name", DataType.VARCHAR));
    try (TableBuilder builder = new TableBuilder("people", schema, allocator, 10)) {
      builder.setLong(0, 1);
      assertThatThrownBy(() -> builder.setNull(1))
          .isInstanceOf(WarpException.class)
          .hasMessageContaining("NOT NULL column \"name\"")
          .hasMessageContaining("in table \"people\"")
          .extracting(e -> ((WarpException) e).code())
          .isEqualTo(ErrorCode.NOT_NULL_VIOLATION);
    }
  }

  @Test
  void narrowIntegersAreRangeChecked() {
    TableSchema schema =
        TableSchema.of(
            ColumnSchema.nullable("ti", DataType.TINYINT),
            ColumnSchema.nullable("si", DataType.SMALLINT),
            ColumnSchema.nullable("i", DataType.INTEGER),
            ColumnSchema.nullable("t", DataType.TIME));
    try (TableBuilder builder = new TableBuilder("r", schema, allocator, 10)) {
      builder.setLong(0, 127);
      builder.setLong(0, -128);
      assertOverflow(() -> builder.setLong(0, 128), "\"ti\"");
      assertOverflow(() -> builder.setLong(1, -32769), "\"si\"");
      assertOverflow(() -> builder.setLong(2, 1L << 31), "\"i\"");
      assertOverflow(() -> builder.setLong(3, -1), "\"t\"");
      assertOverflow(() -> builder.setLong(3, 86_400_000_000L), "\"t\"");
    }
  }

  @Test
  void decimalIsCheckedAgainstPrecision() {
    TableSchema schema = TableSchema.of(ColumnSchema.nullable("p", DataType.decimal(5, 2)));
    try (TableBuilder builder = new TableBuilder("r", schema, allocator, 10)) {
      builder.setLong(0, 99_999);
      builder.setLong(0, -99_999);
      assertOverflow(() -> builder.setLong(0, 100_000), "DECIMAL(5, 2)");
      assertOverflow(() -> builder.setLong(0, -100_000), "DECIMAL(5, 2)");
    }
  }

  @Test
  void decimalOfNineteenDigitsTakesEveryLong() {
    assumeTrue(DataType.MAX_DECIMAL_PRECISION >= 19, "DECIMAL precision is limited to 18 digits");
    TableSchema schema = TableSchema.of(ColumnSchema.nullable("p", DataType.decimal(19, 2)));
    try (TableBuilder builder = new TableBuilder("r", schema, allocator, 10)) {
      builder.setLong(0, Long.MAX_VALUE);
      builder.endRow();
      builder.setLong(0, Long.MIN_VALUE);
      builder.endRow();
      try (Table table = builder.build()) {
        assertThat(TableContents.column(table, 0)).containsExactly(Long.MAX_VALUE, Long.MIN_VALUE);
      }
    }
  }

  @Test
  void realRejectsFiniteOverflow() {
    TableSchema schema = TableSchema.of(ColumnSchema.nullable("r", DataType.REAL));
    try (TableBuilder builder = new TableBuilder("r", schema, allocator, 10)) {
      builder.setDouble(0, Double.POSITIVE_INFINITY);
      assertOverflow(() -> builder.setDouble(0, 1e300), "REAL");
    }
  }

  @Test
  void varcharLengthCountsCharacters() {
    TableSchema schema = TableSchema.of(ColumnSchema.nullable("s", DataType.varchar(3)));
    try (TableBuilder builder = new TableBuilder("v", schema, allocator, 10)) {
      builder.setString(0, "abc");
      builder.setString(0, "\uD83D\uDE00xy");
      assertThatThrownBy(() -> builder.setString(0, "abcd"))
          .isInstanceOf(WarpException.class)
          .hasMessageContaining("'abcd'")
          .hasMessageContaining("VARCHAR(3)")
          .hasMessageContaining("\"s\"");
    }
  }

  @Test
  void wrongSetterIsProgrammingError() {
    try (TableBuilder builder = new TableBuilder("t", ALL_TYPES, allocator, 10)) {
      assertThatThrownBy(() -> builder.setLong(0, 1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> builder.setDouble(4, 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> builder.setString(4, "x"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> builder.setBoolean(11, true))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void endRowRequiresEveryColumn() {
    try (TableBuilder builder = new TableBuilder("t", ALL_TYPES, allocator, 10)) {
      builder.setBoolean(0, true);
      assertThatThrownBy(builder::endRow)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ti");
      assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void closeWithoutBuildFreesEverything() {
    TableBuilder builder = new TableBuilder("t", ALL_TYPES, allocator, 2);
    for (int row = 0; row < 5; row++) {
      setAllTypes(builder, row);
      builder.endRow();
    }
    setAllTypes(builder, 9);
    assertThat(allocator.getAllocatedMemory()).isPositive();
    builder.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
    assertThatThrownBy(() -> builder.setLong(1, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builderIsUnusableAfterBuild() {
    TableBuilder builder = new TableBuilder("t", ALL_TYPES, allocator, 2);
    Table table = buildRows(builder, 1);
    assertThatThrownBy(() -> builder.setLong(1, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    builder.close();
    assertThat(table.rowCount()).isEqualTo(1);
    assertThat(TableContents.value(table, 4, 0)).isEqualTo(Long.MAX_VALUE);
    table.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  @Test
  void schemaRejectsDuplicateNames() {
    assertThatThrownBy(
            () ->
                new TableSchema(
                    Arrays.asList(
                        ColumnSchema.nullable("a", DataType.BIGINT),
                        ColumnSchema.nullable("a", DataType.DOUBLE))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a\"");
    assertThat(ALL_TYPES.columnIndex("dec")).isEqualTo(7);
    assertThat(ALL_TYPES.columnIndex("DEC")).isEqualTo(-1);
    assertThat(ALL_TYPES.names()).hasSize(12);
    assertThat(new TableSchema(List.of(ColumnSchema.notNull("x", DataType.DATE))).size())
        .isEqualTo(1);
  }

  private static Table buildRows(TableBuilder builder, int rows) {
    for (int row = 0; row < rows; row++) {
      setAllTypes(builder, row);
      builder.endRow();
    }
    return builder.build();
  }

  private static void assertOverflow(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String fragment) {
    assertThatThrownBy(call)
        .isInstanceOf(WarpException.class)
        .hasMessageContaining(fragment)
        .extracting(e -> ((WarpException) e).code())
        .isEqualTo(ErrorCode.NUMERIC_OVERFLOW);
  }
}
