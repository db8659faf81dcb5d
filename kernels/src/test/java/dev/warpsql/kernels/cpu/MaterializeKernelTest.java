package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ParamRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

class MaterializeKernelTest extends KernelTestSupport {
  private static KernelProgram program(List<InputColumn> inputs, Expr filter, Expr... outputs) {
    return new KernelProgram(
        "test-pipeline", inputs, List.of(), 0, filter, new MaterializeSink(List.of(outputs)));
  }

  private static InputColumn column(DataType type) {
    return new InputColumn(type, true);
  }

  @Test
  void filterKeepsOnlyTrueRows() {
    Expr x = in(0, DataType.INTEGER);
    Expr filter = Call.of(Operator.GREATER_THAN, DataType.BOOLEAN, x, lit(1, DataType.INTEGER));
    KernelProgram program = program(List.of(column(DataType.INTEGER)), filter, x);
    try (FieldVector input = vector(DataType.INTEGER, 0L, 2L, null, 3L, 1L)) {
      assertThat(materialize(program, List.of(input), null, null, 5).get(0))
          .containsExactly(2L, 3L);
    }
  }

  @Test
  void filterOfNullDropsEveryRow() {
    Expr x = in(0, DataType.INTEGER);
    KernelProgram program = program(List.of(column(DataType.INTEGER)), nullOf(DataType.BOOLEAN), x);
    try (FieldVector input = vector(DataType.INTEGER, 1L, 2L)) {
      assertThat(materialize(program, List.of(input), null, null, 2).get(0)).isEmpty();
    }
  }

  @Test
  void everyTypeRoundTripsWithNulls() {
    Object[][] columns = {
      {DataType.BOOLEAN, true, null, false},
      {DataType.TINYINT, -128L, null, 127L},
      {DataType.SMALLINT, -32768L, null, 32767L},
      {DataType.INTEGER, (long) Integer.MIN_VALUE, null, (long) Integer.MAX_VALUE},
      {DataType.BIGINT, Long.MIN_VALUE, null, Long.MAX_VALUE},
      {DataType.REAL, -1.5, null, 3.25},
      {DataType.DOUBLE, -1e300, null, Double.MIN_VALUE},
      {DataType.decimal(18, 4), -999_999_999_999_999_999L, null, 12_345L},
      {DataType.DATE, -719_162L, null, 2_932_896L},
      {DataType.TIME, 0L, null, 86_399_999_999L},
      {DataType.TIMESTAMP, -62_135_596_800_000_000L, null, 1_700_000_000_000_000L},
      {DataType.VARCHAR, 0L, null, 41L},
    };
    List<InputColumn> inputs = new ArrayList<>();
    List<Expr> outputs = new ArrayList<>();
    List<FieldVector> vectors = new ArrayList<>();
    try {
      for (int i = 0; i < columns.length; i++) {
        DataType type = (DataType) columns[i][0];
        inputs.add(column(type));
        outputs.add(in(i, type));
        vectors.add(vector(type, columns[i][1], columns[i][2], columns[i][3]));
      }
      KernelProgram program = program(inputs, null, outputs.toArray(new Expr[0]));
      List<List<Object>> result = materialize(program, vectors, null, null, 3);
      for (int i = 0; i < columns.length; i++) {
        assertThat(result.get(i))
            .as("%s", columns[i][0])
            .containsExactly(columns[i][1], null, columns[i][3]);
      }
    } finally {
      vectors.forEach(FieldVector::close);
    }
  }

  @Test
  void nonNullableInputSkipsValidity() {
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.BIGINT, false)),
            null,
            new dev.warpsql.kernels.ir.InputRef(0, DataType.BIGINT, false));
    try (FieldVector input = vector(DataType.BIGINT, 5L, 6L)) {
      assertThat(materialize(program, List.of(input), null, null, 2).get(0))
          .containsExactly(5L, 6L);
    }
  }

  @Test
  void codeLookupReadsTableByCode() {
    Expr lookup = new CodeLookup(in(0, DataType.VARCHAR), 0);
    KernelProgram program =
        new KernelProgram(
            "lookup",
            List.of(column(DataType.VARCHAR)),
            List.of(),
            1,
            null,
            new MaterializeSink(List.of(lookup)));
    LookupTable table =
        new LookupTable(new boolean[] {true, false, true}, new boolean[] {false, false, true});
    try (FieldVector input = vector(DataType.VARCHAR, 0L, 1L, 2L, null)) {
      assertThat(materialize(program, List.of(input), null, new LookupTable[] {table}, 4).get(0))
          .containsExactly(true, false, null, null);
    }
  }

  @Test
  void codeLookupAsFilterWithoutNulls() {
    Expr code = in(0, DataType.VARCHAR);
    KernelProgram program =
        new KernelProgram(
            "lookup",
            List.of(column(DataType.VARCHAR)),
            List.of(),
            1,
            new CodeLookup(code, 0),
            new MaterializeSink(List.of(code)));
    LookupTable table = new LookupTable(new boolean[] {false, true}, null);
    try (FieldVector input = vector(DataType.VARCHAR, 0L, 1L, 1L, null, 0L)) {
      assertThat(materialize(program, List.of(input), null, new LookupTable[] {table}, 5).get(0))
          .containsExactly(1L, 1L);
    }
  }

  @Test
  void codeOutsideLookupTableRaises() {
    Expr lookup = new CodeLookup(in(0, DataType.VARCHAR), 0);
    KernelProgram program =
        new KernelProgram(
            "lookup",
            List.of(column(DataType.VARCHAR)),
            List.of(),
            1,
            null,
            new MaterializeSink(List.of(lookup)));
    LookupTable table = new LookupTable(new boolean[] {true}, null);
    try (FieldVector input = vector(DataType.VARCHAR, 0L, 1L)) {
      assertThatThrownBy(
              () -> materialize(program, List.of(input), null, new LookupTable[] {table}, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("dictionary code 1");
    }
  }

  @Test
  void paramRefBindsPerRunWithoutRecompiling() {
    Expr x = in(0, DataType.BIGINT);
    Expr filter =
        Call.of(Operator.GREATER_THAN, DataType.BOOLEAN, x, new ParamRef(0, DataType.BIGINT));
    Expr scaled = Call.of(Operator.TIMES, DataType.BIGINT, x, new ParamRef(1, DataType.INTEGER));
    KernelProgram program =
        new KernelProgram(
            "params",
            List.of(column(DataType.BIGINT)),
            List.of(DataType.BIGINT, DataType.INTEGER),
            0,
            filter,
            new MaterializeSink(List.of(scaled)));
    try (FieldVector input = vector(DataType.BIGINT, 1L, 2L, 3L)) {
      assertThat(materialize(program, List.of(input), new Object[] {1L, 10L}, null, 3).get(0))
          .containsExactly(20L, 30L);
      assertThat(materialize(program, List.of(input), new Object[] {2L, -1L}, null, 3).get(0))
          .containsExactly(-3L);
      assertThat(materialize(program, List.of(input), new Object[] {null, 1L}, null, 3).get(0))
          .isEmpty();
      assertThat(materialize(program, List.of(input), new Object[] {0L, null}, null, 3).get(0))
          .containsExactly(null, null, null);
    }
    assertThat(backend.compilationCount()).isEqualTo(1);
  }

  @Test
  void paramOfWrongTypeIsRejected() {
    KernelProgram program =
        new KernelProgram(
            "params",
            List.of(),
            List.of(DataType.INTEGER),
            0,
            null,
            new MaterializeSink(List.of(new ParamRef(0, DataType.INTEGER))));
    assertThatThrownBy(() -> materialize(program, List.of(), new Object[] {1.5}, null, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("?0");
    assertThatThrownBy(() -> materialize(program, List.of(), new Object[] {1L << 40}, null, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit");
    assertThat(materialize(program, List.of(), new Object[] {-7L}, null, 1).get(0))
        .containsExactly(-7L);
  }

  @Test
  void outputGrowsAcrossRuns() {
    int rows = 5000;
    Object[] values = new Object[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = i % 7 == 0 ? null : (long) i;
    }
    Expr x = in(0, DataType.INTEGER);
    KernelProgram program =
        program(
            List.of(column(DataType.INTEGER)),
            null,
            x,
            Call.of(Operator.IS_NULL, DataType.BOOLEAN, x));
    CpuKernel kernel = backend.compile(program);
    try (FieldVector input = vector(DataType.INTEGER, values);
        MaterializeOutput output = new MaterializeOutput(outputVectors(program))) {
      KernelArguments arguments = new KernelArguments(List.of(input), null, null);
      kernel.run(arguments, 0, 1000, output);
      kernel.run(arguments, 1000, 1000, output);
      kernel.run(arguments, 1000, 4321, output);
      kernel.run(arguments, 4321, rows, output);
      assertThat(output.rowCount()).isEqualTo(rows);
      List<FieldVector> finished = output.finish();
      try {
        for (int i = 0; i < rows; i++) {
          assertThat(valueAt(finished.get(0), i)).isEqualTo(values[i]);
          assertThat(valueAt(finished.get(1), i)).isEqualTo(values[i] == null);
        }
      } finally {
        finished.forEach(FieldVector::close);
      }
    }
  }

  @Test
  void failedRunAppendsNoRows() {
    Expr x = in(0, DataType.INTEGER);
    Expr quotient = Call.of(Operator.DIVIDE, DataType.INTEGER, lit(10, DataType.INTEGER), x);
    KernelProgram program = program(List.of(column(DataType.INTEGER)), null, quotient);
    CpuKernel kernel = backend.compile(program);
    try (FieldVector good = vector(DataType.INTEGER, 1L, 2L);
        FieldVector bad = vector(DataType.INTEGER, 5L, 0L);
        MaterializeOutput output = new MaterializeOutput(outputVectors(program))) {
      kernel.run(new KernelArguments(List.of(good), null, null), 0, 2, output);
      assertThatThrownBy(
              () -> kernel.run(new KernelArguments(List.of(bad), null, null), 0, 2, output))
          .isInstanceOf(KernelException.class)
          .extracting(e -> ((KernelException) e).code())
          .isEqualTo(KernelErrorCode.DIVISION_BY_ZERO);
      assertThat(output.rowCount()).isEqualTo(2);
    }
  }

  @Test
  void closeWithoutFinishReleasesVectors() {
    KernelProgram program = program(List.of(), null, lit(1, DataType.BIGINT));
    MaterializeOutput output = new MaterializeOutput(outputVectors(program));
    backend.compile(program).run(new KernelArguments(List.of(), null, null), 0, 3, output);
    assertThat(allocator.getAllocatedMemory()).isPositive();
    output.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  @Test
  void emptyRangeFinishesEmptyVectors() {
    KernelProgram program = program(List.of(), null, lit(1, DataType.BIGINT));
    assertThat(materialize(program, List.of(), null, null, 0).get(0)).isEmpty();
  }

  @Test
  void runRejectsMismatchedArguments() {
    Expr x = in(0, DataType.INTEGER);
    KernelProgram program = program(List.of(column(DataType.INTEGER)), null, x);
    try (FieldVector wrongType = vector(DataType.BIGINT, 1L);
        FieldVector input = vector(DataType.INTEGER, 1L)) {
      assertThatThrownBy(() -> materialize(program, List.of(wrongType), null, null, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("input 0");
      assertThatThrownBy(() -> materialize(program, List.of(input), null, null, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rows");
      assertThatThrownBy(() -> materialize(program, List.of(), null, null, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("input vectors");
      CpuKernel kernel = backend.compile(program);
      try (AggregationTable table = new AggregationTable(new AggregateSink(List.of(), List.of()))) {
        assertThatThrownBy(
                () -> kernel.run(new KernelArguments(List.of(input), null, null), 0, 1, table))
            .isInstanceOf(IllegalStateException.class);
      }
    }
  }

  @Test
  void outputOfWrongTypeIsRejected() {
    KernelProgram program = program(List.of(), null, lit(1, DataType.BIGINT));
    List<FieldVector> wrong =
        List.of(ArrowColumns.createVector("o", DataType.INTEGER, true, 0, allocator));
    try (MaterializeOutput output = new MaterializeOutput(wrong)) {
      assertThatThrownBy(
              () ->
                  backend
                      .compile(program)
                      .run(new KernelArguments(List.of(), null, null), 0, 1, output))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("output 0");
    }
  }

  @Test
  void kernelRunsOnManyThreadsAtOnce() throws Exception {
    int rows = 20_000;
    Object[] values = new Object[rows];
    long expectedSum = 0;
    for (int i = 0; i < rows; i++) {
      values[i] = (long) i;
      expectedSum += i % 3 == 0 ? i * 2L : 0;
    }
    Expr x = in(0, DataType.BIGINT);
    Expr filter =
        Call.of(
            Operator.EQUALS,
            DataType.BOOLEAN,
            Call.of(Operator.MOD, DataType.BIGINT, x, lit(3, DataType.BIGINT)),
            lit(0, DataType.BIGINT));
    KernelProgram program =
        program(
            List.of(column(DataType.BIGINT)),
            filter,
            Call.of(Operator.TIMES, DataType.BIGINT, x, lit(2, DataType.BIGINT)));
    CpuKernel kernel = backend.compile(program);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (FieldVector input = vector(DataType.BIGINT, values)) {
      List<Future<Long>> sums = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        sums.add(
            pool.submit(
                () -> {
                  try (MaterializeOutput output = new MaterializeOutput(outputVectors(program))) {
                    kernel.run(new KernelArguments(List.of(input), null, null), 0, rows, output);
                    List<FieldVector> finished = output.finish();
                    long sum = 0;
                    for (Object value : values(finished.get(0))) {
                      sum += (Long) value;
                    }
                    finished.forEach(FieldVector::close);
                    return sum;
                  }
                }));
      }
      for (Future<Long> sum : sums) {
        assertThat(sum.get()).isEqualTo(expectedSum);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void javaSourceNamesPipelineFilterAndSink() {
    Expr x = in(0, DataType.INTEGER);
    KernelProgram program =
        new KernelProgram(
            "scan-orders-7",
            List.of(column(DataType.INTEGER)),
            List.of(),
            0,
            Call.of(Operator.IS_NOT_NULL, DataType.BOOLEAN, x),
            new MaterializeSink(List.of(x)));
    String source = backend.compile(program).javaSource();
    assertThat(source).contains("scan-orders-7").contains("filter").contains("sink: materialize");
  }
}
