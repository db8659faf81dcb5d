package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

class CodeMapKernelTest extends KernelTestSupport {
  private static final Expr CODE = in(0, DataType.VARCHAR);

  /** Codes of the input rows: every entry of a four-entry dictionary, then a NULL code. */
  private static final Object[] CODES = {0L, 1L, 2L, 3L, null};

  private static KernelProgram program(int tables, Expr filter, List<Expr> outputs) {
    return new KernelProgram(
        "code_map",
        List.of(new InputColumn(DataType.VARCHAR, true)),
        List.of(),
        tables,
        filter,
        new MaterializeSink(outputs));
  }

  /** Materializes {@code outputs} over {@link #CODES} with the given tables. */
  private List<List<Object>> run(List<Expr> outputs, LookupTable... tables) {
    return run(null, outputs, CODES, tables);
  }

  private List<List<Object>> run(
      Expr filter, List<Expr> outputs, Object[] codes, LookupTable... tables) {
    KernelProgram program = program(tables.length, filter, outputs);
    try (FieldVector input = vector(DataType.VARCHAR, codes)) {
      return materialize(program, List.of(input), null, tables, codes.length);
    }
  }

  private static boolean[] nulls(boolean... marks) {
    return marks;
  }

  @Test
  void codeMapReadsIntegerRegisterTypes() {
    // entry 3 is NULL in every table; its value must not show
    boolean[] lastNull = nulls(false, false, false, true);
    LookupTable bigints = LookupTable.ofLongs(new long[] {10, -5, Long.MAX_VALUE, 99}, lastNull);
    LookupTable decimals = LookupTable.ofLongs(new long[] {12_345, -1, 0, 7}, lastNull);
    LookupTable dates = LookupTable.ofLongs(new long[] {19_000, -1, -719_528, 5}, lastNull);
    LookupTable codes = LookupTable.ofLongs(new long[] {2, 0, 1, 3}, lastNull);
    List<Expr> outputs =
        List.of(
            new CodeMap(CODE, 0, DataType.BIGINT),
            new CodeMap(CODE, 1, DataType.decimal(10, 2)),
            new CodeMap(CODE, 2, DataType.DATE),
            new CodeMap(CODE, 3, DataType.VARCHAR));

    List<List<Object>> columns = run(outputs, bigints, decimals, dates, codes);

    assertThat(columns.get(0)).containsExactly(10L, -5L, Long.MAX_VALUE, null, null);
    assertThat(columns.get(1)).containsExactly(12_345L, -1L, 0L, null, null);
    assertThat(columns.get(2)).containsExactly(19_000L, -1L, -719_528L, null, null);
    assertThat(columns.get(3)).containsExactly(2L, 0L, 1L, null, null);
  }

  @Test
  void codeMapReadsFloatingPointTypes() {
    LookupTable doubles =
        LookupTable.ofDoubles(new double[] {1.5, -0.0, 0.1, 2.0}, nulls(false, false, false, true));
    LookupTable reals = LookupTable.ofDoubles(new double[] {0.1, 1e300, -3.25, Double.NaN}, null);
    List<Expr> outputs =
        List.of(new CodeMap(CODE, 0, DataType.DOUBLE), new CodeMap(CODE, 1, DataType.REAL));

    List<List<Object>> columns = run(outputs, doubles, reals);

    assertThat(columns.get(0)).containsExactly(1.5, -0.0, 0.1, null, null);
    assertThat(columns.get(1))
        .containsExactly((double) 0.1f, (double) Float.POSITIVE_INFINITY, -3.25, Double.NaN, null);
  }

  @Test
  void tableWithoutNullArray() {
    LookupTable table = LookupTable.ofLongs(new long[] {4, 3, 2, 1}, null);

    List<List<Object>> columns = run(List.of(new CodeMap(CODE, 0, DataType.INTEGER)), table);

    assertThat(columns.get(0)).containsExactly(4L, 3L, 2L, 1L, null);
  }

  @Test
  void codeMapFeedsArithmeticAndFilter() {
    LookupTable lengths =
        LookupTable.ofLongs(new long[] {3, 0, 11, 7}, nulls(false, true, false, false));
    Expr length = new CodeMap(CODE, 0, DataType.BIGINT);
    Expr filter = Call.of(Operator.GREATER_THAN, DataType.BOOLEAN, length, lit(5, DataType.BIGINT));
    Expr doubled = Call.of(Operator.TIMES, DataType.BIGINT, length, lit(2, DataType.BIGINT));

    List<List<Object>> columns =
        run(filter, List.of(CODE, doubled), new Object[] {0L, 1L, 2L, 3L, null, 2L}, lengths);

    assertThat(columns.get(0)).containsExactly(2L, 3L, 2L);
    assertThat(columns.get(1)).containsExactly(22L, 14L, 22L);
  }

  @Test
  void codeMapAsAggregateArgument() {
    LookupTable prices =
        LookupTable.ofLongs(new long[] {150, 225, 0, 0}, nulls(false, false, true, true));
    Expr price = new CodeMap(CODE, 0, DataType.decimal(10, 2));
    AggregateSink sink =
        new AggregateSink(
            List.of(),
            List.of(
                new AggregateCall(AggregateFunction.SUM, price, DataType.decimal(19, 2)),
                new AggregateCall(AggregateFunction.COUNT, price, DataType.BIGINT)));
    KernelProgram program =
        new KernelProgram(
            "code_map_sum",
            List.of(new InputColumn(DataType.VARCHAR, true)),
            List.of(),
            1,
            null,
            sink);

    List<Object> results = new ArrayList<>();
    try (FieldVector input = vector(DataType.VARCHAR, 0L, 1L, 1L, 2L, null);
        AggregationTable table = new AggregationTable(sink)) {
      backend
          .compile(program)
          .run(new KernelArguments(List.of(input), null, new LookupTable[] {prices}), 0, 5, table);
      for (FieldVector vector : table.toVectors(allocator, List.of("sum", "count"))) {
        try (vector) {
          results.add(valueAt(vector, 0));
        }
      }
    }

    assertThat(results).containsExactly(600L, 3L);
  }

  @Test
  void codeLookupAndCodeMapShareIndexSpace() {
    LookupTable flags = new LookupTable(new boolean[] {true, false, true, false}, null);
    LookupTable values = LookupTable.ofLongs(new long[] {1, 2, 3, 4}, null);
    List<Expr> outputs = List.of(new CodeLookup(CODE, 0), new CodeMap(CODE, 1, DataType.BIGINT));

    List<List<Object>> columns = run(outputs, flags, values);

    assertThat(columns.get(0)).containsExactly(true, false, true, false, null);
    assertThat(columns.get(1)).containsExactly(1L, 2L, 3L, 4L, null);
  }

  @Test
  void tableSharedByTypesOfOneKind() {
    LookupTable table = LookupTable.ofLongs(new long[] {-1, 0, 1, 2}, null);
    List<Expr> outputs =
        List.of(new CodeMap(CODE, 0, DataType.BIGINT), new CodeMap(CODE, 0, DataType.DATE));

    List<List<Object>> columns = run(outputs, table);

    assertThat(columns.get(0)).containsExactly(-1L, 0L, 1L, 2L, null);
    assertThat(columns.get(1)).containsExactly(-1L, 0L, 1L, 2L, null);
  }

  @Test
  void wrongTableKindIsRejected() {
    LookupTable booleans = new LookupTable(new boolean[] {true, false, true, false}, null);
    LookupTable longs = LookupTable.ofLongs(new long[] {1, 2, 3, 4}, null);
    LookupTable doubles = LookupTable.ofDoubles(new double[] {1, 2, 3, 4}, null);

    assertThatThrownBy(() -> run(List.of(new CodeMap(CODE, 0, DataType.BIGINT)), booleans))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "lookup table #0 contains BOOLEAN values, but a CodeMap reads it as BIGINT,"
                + " which needs a LONG table");
    assertThatThrownBy(() -> run(List.of(new CodeMap(CODE, 0, DataType.DATE)), doubles))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contains DOUBLE values, but a CodeMap reads it as DATE");
    assertThatThrownBy(() -> run(List.of(new CodeMap(CODE, 0, DataType.DOUBLE)), longs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contains LONG values, but a CodeMap reads it as DOUBLE")
        .hasMessageContaining("needs a DOUBLE table");
    assertThatThrownBy(() -> run(List.of(new CodeLookup(CODE, 0)), longs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contains LONG values, but a CodeLookup reads it as BOOLEAN");
  }

  @Test
  void tableReadAsTwoKindsDoesNotCompile() {
    List<Expr> outputs =
        List.of(new CodeMap(CODE, 0, DataType.BIGINT), new CodeMap(CODE, 0, DataType.DOUBLE));

    assertThatThrownBy(() -> backend.compile(program(1, null, outputs)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lookup table #0 is read as both BIGINT and DOUBLE");
  }

  @Test
  void valuesOutsideTypeAreRejected() {
    LookupTable wide = LookupTable.ofLongs(new long[] {1, 40_000, -2, 0}, null);
    LookupTable pastInt = LookupTable.ofLongs(new long[] {1L << 31, 0, 0, 0}, null);
    LookupTable fourDigits = LookupTable.ofLongs(new long[] {-1000, 0, 0, 0}, null);

    assertThatThrownBy(() -> run(List.of(new CodeMap(CODE, 0, DataType.SMALLINT)), wide))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lookup table #0 contains values from -2 to 40000")
        .hasMessageContaining("do not all fit SMALLINT");
    assertThatThrownBy(() -> run(List.of(new CodeMap(CODE, 0, DataType.DATE)), pastInt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not all fit DATE");
    assertThatThrownBy(() -> run(List.of(new CodeMap(CODE, 0, DataType.VARCHAR)), pastInt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not all fit VARCHAR");
    assertThatThrownBy(() -> run(List.of(new CodeMap(CODE, 0, DataType.decimal(3, 1))), fourDigits))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not all fit DECIMAL(3, 1)");
    assertThat(run(List.of(new CodeMap(CODE, 0, DataType.BIGINT)), wide).get(0))
        .containsExactly(1L, 40_000L, -2L, 0L, null);
  }

  @Test
  void nullEntriesAreNotRangeChecked() {
    LookupTable table =
        LookupTable.ofLongs(new long[] {1, Long.MAX_VALUE, 3, 4}, nulls(false, true, false, false));

    List<List<Object>> columns = run(List.of(new CodeMap(CODE, 0, DataType.TINYINT)), table);

    assertThat(columns.get(0)).containsExactly(1L, null, 3L, 4L, null);
  }

  @Test
  void codeOutsideTableRaises() {
    LookupTable table = LookupTable.ofLongs(new long[] {1, 2}, null);

    assertThatThrownBy(() -> run(List.of(new CodeMap(CODE, 0, DataType.BIGINT)), table))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dictionary code 2 is outside lookup table 0 of 2 entries");
  }

  @Test
  void missingTableIsRejected() {
    KernelProgram program = program(1, null, List.of(new CodeMap(CODE, 0, DataType.BIGINT)));

    try (FieldVector input = vector(DataType.VARCHAR, 0L)) {
      assertThatThrownBy(() -> materialize(program, List.of(input), null, null, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("lookup table #0 is missing");
    }
  }

  @Test
  void tableIndexBeyondProgramDoesNotCompile() {
    KernelProgram program = program(1, null, List.of(new CodeMap(CODE, 1, DataType.BIGINT)));

    assertThatThrownBy(() -> backend.compile(program))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lookup table #1 is beyond the 1 lookup tables");
  }

  @Test
  void typedAccessorsCheckKind() {
    LookupTable longs = LookupTable.ofLongs(new long[] {5, 6}, nulls(false, true));
    LookupTable doubles = LookupTable.ofDoubles(new double[] {0.5}, null);

    assertThat(longs.kind()).isEqualTo(LookupTable.Kind.LONG);
    assertThat(longs.size()).isEqualTo(2);
    assertThat(longs.longValue(0)).isEqualTo(5L);
    assertThat(longs.isNull(1)).isTrue();
    assertThat(Arrays.equals(longs.longValues(), new long[] {5, 6})).isTrue();
    assertThat(doubles.doubleValue(0)).isEqualTo(0.5);
    assertThat(doubles.nulls()).isNull();
    assertThatThrownBy(longs::values)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contains LONG values, not BOOLEAN values");
    assertThatThrownBy(doubles::longValues).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> LookupTable.ofDoubles(new double[2], new boolean[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nulls has 3 entries but values has 2");
  }

  @Test
  void entryErrorRaisesOnlyWhenRead() {
    IllegalStateException failure = new IllegalStateException("entry 1 is no number");
    LookupTable values =
        LookupTable.ofLongs(new long[] {1, 0, 3, 4}, nulls(false, true, false, false))
            .withErrors(new RuntimeException[] {null, failure, null, null});
    LookupTable skipEntry1 = new LookupTable(new boolean[] {true, false, true, true}, null);
    List<Expr> outputs = List.of(new CodeMap(CODE, 0, DataType.BIGINT));

    List<List<Object>> columns = run(new CodeLookup(CODE, 1), outputs, CODES, values, skipEntry1);

    assertThat(columns.get(0)).containsExactly(1L, 3L, 4L);
    assertThatThrownBy(() -> run(outputs, values)).hasStackTraceContaining("entry 1 is no number");
  }

  @Test
  void entryErrorMustBeNull() {
    LookupTable values = LookupTable.ofLongs(new long[] {1, 2}, null);
    RuntimeException[] errors = {new IllegalStateException("failed"), null};

    assertThatThrownBy(() -> values.withErrors(errors))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 0 has an error but is not NULL");
  }
}
