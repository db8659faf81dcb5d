package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ir.Sink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProbeKernelTest extends KernelTestSupport {
  private static final InputColumn BIGINT = new InputColumn(DataType.BIGINT, true);
  private static final InputColumn BIGINT_NOT_NULL = new InputColumn(DataType.BIGINT, false);

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeResources() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  /** Returns a nullable vector closed after the test. */
  private FieldVector column(DataType type, Object... values) {
    FieldVector vector = vector(type, values);
    resources.add(vector);
    return vector;
  }

  /** Returns a build side closed after the test. */
  private JoinBuildSide table(
      List<FieldVector> keys, List<DataType> keyTypes, List<FieldVector> payload) {
    JoinBuildSide table = JoinBuildSide.of(keys, keyTypes, payload);
    resources.add(table);
    return table;
  }

  private static BuildRef build(int probe, int column, DataType type) {
    return new BuildRef(probe, column, type, true);
  }

  private static Expr bigint(int index) {
    return in(index, DataType.BIGINT);
  }

  private static ProbeStage probe(
      int table, Expr key, JoinKind kind, List<InputColumn> buildColumns, Expr residual) {
    return new ProbeStage(table, List.of(key), kind, buildColumns, residual, null);
  }

  private static KernelProgram program(
      List<InputColumn> inputs, Expr filter, List<ProbeStage> probes, Sink sink) {
    return new KernelProgram("join-test", inputs, List.of(), 0, filter, probes, sink);
  }

  private static KernelProgram program(
      List<InputColumn> inputs, List<ProbeStage> probes, Expr... outputs) {
    return program(inputs, null, probes, new MaterializeSink(List.of(outputs)));
  }

  /** Runs a materializing program over all input rows and returns the output rows. */
  private List<List<Object>> rows(
      KernelProgram program, List<FieldVector> inputs, JoinBuildSide... tables) {
    CpuKernel kernel = backend.compile(program);
    int rowCount = inputs.get(0).getValueCount();
    try (MaterializeOutput output = new MaterializeOutput(outputVectors(program))) {
      kernel.run(new KernelArguments(inputs, null, null, tables), 0, rowCount, output);
      return finishRows(output);
    }
  }

  private static List<List<Object>> finishRows(MaterializeOutput output) {
    List<FieldVector> finished = output.finish();
    List<List<Object>> rows = new ArrayList<>();
    try {
      int rowCount = finished.isEmpty() ? 0 : finished.get(0).getValueCount();
      for (int row = 0; row < rowCount; row++) {
        List<Object> values = new ArrayList<>();
        for (FieldVector vector : finished) {
          values.add(valueAt(vector, row));
        }
        rows.add(values);
      }
    } finally {
      finished.forEach(FieldVector::close);
    }
    return rows;
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /**
   * Orders (key, id) probing customers (key, payload): probe keys 1, 2, 3, 2, NULL against build
   * keys 2, 2, 3, NULL, 4, so key 2 matches two build rows and key 1 matches none.
   */
  private final class OrdersAndCustomers {
    final List<FieldVector> orders =
        List.of(
            column(DataType.BIGINT, 1L, 2L, 3L, 2L, null),
            column(DataType.BIGINT, 10L, 20L, 30L, 40L, 50L));
    final JoinBuildSide customers =
        table(
            List.of(column(DataType.BIGINT, 2L, 2L, 3L, null, 4L)),
            List.of(DataType.BIGINT),
            List.of(column(DataType.BIGINT, 200L, 201L, 300L, 999L, 400L)));

    List<List<Object>> join(JoinKind kind) {
      boolean emitsBuild = kind == JoinKind.INNER || kind == JoinKind.LEFT;
      ProbeStage stage = probe(0, bigint(0), kind, List.of(BIGINT_NOT_NULL), null);
      KernelProgram program =
          emitsBuild
              ? program(
                  List.of(BIGINT, BIGINT),
                  List.of(stage),
                  bigint(1),
                  new BuildRef(0, 0, DataType.BIGINT, false))
              : program(List.of(BIGINT, BIGINT), List.of(stage), bigint(1));
      return rows(program, orders, customers);
    }
  }

  @Test
  void innerJoinEmitsEveryMatchingPair() {
    assertThat(new OrdersAndCustomers().join(JoinKind.INNER))
        .containsExactly(
            row(20L, 200L), row(20L, 201L), row(30L, 300L), row(40L, 200L), row(40L, 201L));
  }

  @Test
  void leftJoinNullExtendsUnmatchedRows() {
    assertThat(new OrdersAndCustomers().join(JoinKind.LEFT))
        .containsExactly(
            row(10L, null),
            row(20L, 200L),
            row(20L, 201L),
            row(30L, 300L),
            row(40L, 200L),
            row(40L, 201L),
            row(50L, null));
  }

  @Test
  void semiJoinEmitsMatchingRowsOnce() {
    assertThat(new OrdersAndCustomers().join(JoinKind.SEMI))
        .containsExactly(row(20L), row(30L), row(40L));
  }

  @Test
  void antiJoinEmitsRowsWithoutMatch() {
    assertThat(new OrdersAndCustomers().join(JoinKind.ANTI)).containsExactly(row(10L), row(50L));
  }

  @Test
  void nullKeysOnEitherSideNeverMatch() {
    // A NULL key's data slot contains 0, so the real key 0 must not match it either.
    List<FieldVector> probeSide =
        List.of(column(DataType.INTEGER, null, 0L, null), column(DataType.BIGINT, 1L, 2L, 3L));
    JoinBuildSide buildSide =
        table(
            List.of(column(DataType.INTEGER, null, 0L)),
            List.of(DataType.INTEGER),
            List.of(column(DataType.BIGINT, 100L, 101L)));
    List<InputColumn> inputs = List.of(new InputColumn(DataType.INTEGER, true), BIGINT);
    ProbeStage inner = probe(0, in(0, DataType.INTEGER), JoinKind.INNER, List.of(BIGINT), null);
    assertThat(
            rows(
                program(inputs, List.of(inner), bigint(1), build(0, 0, DataType.BIGINT)),
                probeSide,
                buildSide))
        .containsExactly(row(2L, 101L));
    ProbeStage anti = probe(0, in(0, DataType.INTEGER), JoinKind.ANTI, List.of(BIGINT), null);
    assertThat(rows(program(inputs, List.of(anti), bigint(1)), probeSide, buildSide))
        .containsExactly(row(1L), row(3L));
  }

  @Test
  void mixedTypeMultiColumnKeysMatch() {
    DataType price = DataType.decimal(12, 2);
    List<DataType> keyTypes = List.of(DataType.BIGINT, DataType.DATE, price, DataType.VARCHAR);
    JoinBuildSide buildSide =
        table(
            List.of(
                column(DataType.BIGINT, 1L, 1L, 1L, 1L, 1L),
                column(DataType.DATE, 19_000L, 19_000L, 19_001L, 19_000L, 19_000L),
                column(price, 1_999L, 1_999L, 1_999L, 2_000L, 1_999L),
                column(DataType.VARCHAR, 4L, 4L, 4L, 4L, 5L)),
            keyTypes,
            List.of(column(DataType.BIGINT, 100L, 101L, 102L, 103L, 104L)));
    List<FieldVector> probeSide =
        List.of(
            column(DataType.BIGINT, 1L, 1L, 1L, 2L, 1L),
            column(DataType.DATE, 19_000L, 19_001L, 19_000L, 19_000L, null),
            column(price, 1_999L, 1_999L, 2_000L, 1_999L, 1_999L),
            column(DataType.VARCHAR, 4L, 4L, 4L, 4L, 4L));
    List<InputColumn> inputs = new ArrayList<>();
    List<Expr> keys = new ArrayList<>();
    for (int k = 0; k < keyTypes.size(); k++) {
      inputs.add(new InputColumn(keyTypes.get(k), true));
      keys.add(in(k, keyTypes.get(k)));
    }
    ProbeStage stage = new ProbeStage(0, keys, JoinKind.LEFT, List.of(BIGINT), null, null);
    KernelProgram program =
        program(inputs, List.of(stage), in(1, DataType.DATE), build(0, 0, DataType.BIGINT));
    assertThat(rows(program, probeSide, buildSide))
        .containsExactly(
            row(19_000L, 100L),
            row(19_000L, 101L),
            row(19_001L, 102L),
            row(19_000L, 103L),
            row(19_000L, null),
            row(null, null));
  }

  /**
   * Probe rows (key 1, x) against build rows of key 1 with y = 3, 7, NULL, 9 under the residual x <
   * y: for x = 5 the first candidate fails, y = 7 and 9 pass, and NULL is not a match.
   */
  private List<List<Object>> joinWithResidual(JoinKind kind) {
    List<FieldVector> probeSide =
        List.of(column(DataType.BIGINT, 1L, 1L, 2L), column(DataType.BIGINT, 5L, 100L, 0L));
    JoinBuildSide buildSide =
        table(
            List.of(column(DataType.BIGINT, 1L, 1L, 1L, 1L)),
            List.of(DataType.BIGINT),
            List.of(column(DataType.BIGINT, 3L, 7L, null, 9L)));
    Expr y = build(0, 0, DataType.BIGINT);
    Expr residual = Call.of(Operator.LESS_THAN, DataType.BOOLEAN, bigint(1), y);
    ProbeStage stage = probe(0, bigint(0), kind, List.of(BIGINT), residual);
    boolean emitsBuild = kind == JoinKind.INNER || kind == JoinKind.LEFT;
    Expr[] outputs = emitsBuild ? new Expr[] {bigint(1), y} : new Expr[] {bigint(1)};
    return rows(program(List.of(BIGINT, BIGINT), List.of(stage), outputs), probeSide, buildSide);
  }

  @Test
  void residualSelectsCandidatesForEveryKind() {
    assertThat(joinWithResidual(JoinKind.INNER)).containsExactly(row(5L, 7L), row(5L, 9L));
    assertThat(joinWithResidual(JoinKind.LEFT))
        .containsExactly(row(5L, 7L), row(5L, 9L), row(100L, null), row(0L, null));
    assertThat(joinWithResidual(JoinKind.SEMI)).containsExactly(row(5L));
    assertThat(joinWithResidual(JoinKind.ANTI)).containsExactly(row(100L), row(0L));
  }

  @Test
  void afterConditionSeesNullExtendedRows() {
    OrdersAndCustomers data = new OrdersAndCustomers();
    Expr customer = new BuildRef(0, 0, DataType.BIGINT, false);
    Expr noCustomer = Call.of(Operator.IS_NULL, DataType.BOOLEAN, customer);
    ProbeStage stage =
        new ProbeStage(
            0, List.of(bigint(0)), JoinKind.LEFT, List.of(BIGINT_NOT_NULL), null, noCustomer);
    KernelProgram program = program(List.of(BIGINT, BIGINT), List.of(stage), bigint(1));
    assertThat(rows(program, data.orders, data.customers)).containsExactly(row(10L), row(50L));
  }

  @Test
  void afterConditionOfInnerJoinFiltersPairs() {
    OrdersAndCustomers data = new OrdersAndCustomers();
    Expr customer = new BuildRef(0, 0, DataType.BIGINT, false);
    Expr odd =
        Call.of(
            Operator.EQUALS,
            DataType.BOOLEAN,
            Call.of(Operator.MOD, DataType.BIGINT, customer, lit(2, DataType.BIGINT)),
            lit(1, DataType.BIGINT));
    ProbeStage stage =
        new ProbeStage(0, List.of(bigint(0)), JoinKind.INNER, List.of(BIGINT_NOT_NULL), null, odd);
    KernelProgram program = program(List.of(BIGINT, BIGINT), List.of(stage), bigint(1), customer);
    assertThat(rows(program, data.orders, data.customers))
        .containsExactly(row(20L, 201L), row(40L, 201L));
  }

  @Test
  void starJoinChainsTwoProbes() {
    // sales (product, quantity) -> products (product -> category) -> categories (category -> name)
    List<FieldVector> sales =
        List.of(column(DataType.BIGINT, 1L, 2L, 3L, 1L), column(DataType.BIGINT, 5L, 6L, 7L, 8L));
    JoinBuildSide products =
        table(
            List.of(column(DataType.BIGINT, 1L, 2L, 3L)),
            List.of(DataType.BIGINT),
            List.of(column(DataType.INTEGER, 10L, 20L, 30L)));
    JoinBuildSide categories =
        table(
            List.of(column(DataType.INTEGER, 10L, 30L, 30L)),
            List.of(DataType.INTEGER),
            List.of(column(DataType.VARCHAR, 0L, 1L, 2L)));
    Expr category = build(0, 0, DataType.INTEGER);
    ProbeStage byProduct =
        probe(0, bigint(0), JoinKind.INNER, List.of(new InputColumn(DataType.INTEGER, true)), null);
    ProbeStage byCategory =
        probe(1, category, JoinKind.LEFT, List.of(new InputColumn(DataType.VARCHAR, true)), null);
    KernelProgram program =
        program(
            List.of(BIGINT, BIGINT),
            List.of(byProduct, byCategory),
            bigint(1),
            category,
            build(1, 0, DataType.VARCHAR));
    assertThat(rows(program, sales, products, categories))
        .containsExactly(
            row(5L, 10L, 0L),
            row(6L, 20L, null),
            row(7L, 30L, 1L),
            row(7L, 30L, 2L),
            row(8L, 10L, 0L));
  }

  @Test
  void probeFeedsAggregateSink() {
    // SELECT region, COUNT(*), SUM(amount) FROM orders JOIN customers WHERE amount > 10
    // GROUP BY region
    List<FieldVector> orders =
        List.of(
            column(DataType.BIGINT, 1L, 2L, 3L, 1L, 4L, 2L),
            column(DataType.BIGINT, 5L, 15L, 25L, 35L, 45L, 55L));
    JoinBuildSide customers =
        table(
            List.of(column(DataType.BIGINT, 1L, 2L, 3L, 3L)),
            List.of(DataType.BIGINT),
            List.of(column(DataType.INTEGER, 100L, 200L, 100L, 300L)));
    Expr region = build(0, 0, DataType.INTEGER);
    Expr filter =
        Call.of(Operator.GREATER_THAN, DataType.BOOLEAN, bigint(1), lit(10, DataType.BIGINT));
    AggregateSink sink =
        new AggregateSink(
            List.of(region),
            List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, bigint(1), DataType.BIGINT)));
    ProbeStage stage =
        probe(0, bigint(0), JoinKind.INNER, List.of(new InputColumn(DataType.INTEGER, true)), null);
    KernelProgram program = program(List.of(BIGINT, BIGINT), filter, List.of(stage), sink);
    try (AggregationTable groups = new AggregationTable(sink)) {
      backend
          .compile(program)
          .run(
              new KernelArguments(orders, null, null, new JoinBuildSide[] {customers}),
              0,
              6,
              groups);
      List<FieldVector> vectors = groups.toVectors(allocator, List.of("region", "n", "total"));
      List<List<Object>> result = new ArrayList<>();
      for (int group = 0; group < groups.groupCount(); group++) {
        result.add(
            row(
                valueAt(vectors.get(0), group),
                valueAt(vectors.get(1), group),
                valueAt(vectors.get(2), group)));
      }
      vectors.forEach(FieldVector::close);
      // The filter drops amount 5, key 4 has no customer, and key 3 matches regions 100 and 300.
      assertThat(result)
          .containsExactlyInAnyOrder(row(200L, 2L, 70L), row(100L, 2L, 60L), row(300L, 1L, 25L));
    }
  }

  @Test
  void largeFanOutGrowsMaterializeOutput() {
    int matches = 10_000;

    BigIntVector buildKeys =
        (BigIntVector) ArrowColumns.createVector("k", DataType.BIGINT, true, 0, allocator);
    resources.add(buildKeys);
    BigIntVector payload =
        (BigIntVector) ArrowColumns.createVector("p", DataType.BIGINT, true, 0, allocator);
    resources.add(payload);
    buildKeys.allocateNew(matches);
    payload.allocateNew(matches);
    for (int row = 0; row < matches; row++) {
      buildKeys.set(row, 7L);
      payload.set(row, row);
    }
    buildKeys.setValueCount(matches);
    payload.setValueCount(matches);

    JoinBuildSide buildSide = table(List.of(buildKeys), List.of(DataType.BIGINT), List.of(payload));
    List<FieldVector> probeSide =
        List.of(column(DataType.BIGINT, 7L, 8L, 7L), column(DataType.BIGINT, 0L, 1L, 2L));
    ProbeStage stage = probe(0, bigint(0), JoinKind.INNER, List.of(BIGINT), null);
    KernelProgram program =
        program(List.of(BIGINT, BIGINT), List.of(stage), bigint(1), build(0, 0, DataType.BIGINT));

    CpuKernel kernel = backend.compile(program);
    KernelArguments arguments =
        new KernelArguments(probeSide, null, null, new JoinBuildSide[] {buildSide});
    try (MaterializeOutput output = new MaterializeOutput(outputVectors(program))) {
      // Two runs into one output: the second grows past rows that the first committed.
      kernel.run(arguments, 0, 1, output);
      assertThat(output.rowCount()).isEqualTo(matches);
      kernel.run(arguments, 1, 3, output);
      assertThat(output.rowCount()).isEqualTo(2 * matches);

      List<List<Object>> rows = finishRows(output);
      for (int i = 0; i < 2 * matches; i++) {
        long probeId = i < matches ? 0L : 2L;
        assertThat(rows.get(i))
            .as("output row %d", i)
            .isEqualTo(row(probeId, (long) (i % matches)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = JoinKind.class,
      names = {"INNER", "LEFT", "SEMI", "ANTI"})
  void candidateLoopsCallCancelCheck(JoinKind kind) {
    // One probe row with 3 x CANDIDATE_INTERVAL equal build keys, as in a cross join: the check
    // runs inside the candidate loop, not only between runs.
    int matches = 3 * CancelCheck.CANDIDATE_INTERVAL;
    BigIntVector buildKeys =
        (BigIntVector) ArrowColumns.createVector("k", DataType.BIGINT, true, 0, allocator);
    resources.add(buildKeys);
    buildKeys.allocateNew(matches);
    for (int row = 0; row < matches; row++) {
      buildKeys.set(row, 7L);
    }
    buildKeys.setValueCount(matches);
    JoinBuildSide buildSide =
        table(List.of(buildKeys), List.of(DataType.BIGINT), List.of(buildKeys));

    // A residual that no build row passes keeps SEMI and ANTI looping over every candidate.
    Expr residual =
        Call.of(
            Operator.LESS_THAN,
            DataType.BOOLEAN,
            build(0, 0, DataType.BIGINT),
            lit(0, DataType.BIGINT));
    ProbeStage stage = probe(0, bigint(0), kind, List.of(BIGINT), residual);
    AggregateSink sink =
        new AggregateSink(
            List.of(),
            List.of(new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT)));
    KernelProgram program = program(List.of(BIGINT), null, List.of(stage), sink);
    int[] checks = new int[1];
    CancelCheck cancelAtSecondCheck =
        () -> {
          if (++checks[0] == 2) {
            throw new IllegalStateException("canceled");
          }
        };
    KernelArguments arguments =
        new KernelArguments(
            List.of(column(DataType.BIGINT, 7L)),
            null,
            null,
            new JoinBuildSide[] {buildSide},
            cancelAtSecondCheck);

    try (AggregationTable count = new AggregationTable(sink)) {
      assertThatThrownBy(() -> backend.compile(program).run(arguments, 0, 1, count))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("canceled");
    }
    assertThat(checks[0]).isEqualTo(2);
  }

  @Test
  void floatingKeysMatchSignedZerosAndNaN() {
    List<FieldVector> probeSide =
        List.of(
            column(DataType.DOUBLE, -0.0, Double.NaN, 1.0, 0.0),
            column(DataType.BIGINT, 1L, 2L, 3L, 4L));
    JoinBuildSide buildSide =
        table(
            List.of(column(DataType.DOUBLE, 0.0, Double.NaN, 2.0)),
            List.of(DataType.DOUBLE),
            List.of(column(DataType.BIGINT, 100L, 101L, 102L)));
    ProbeStage stage = probe(0, in(0, DataType.DOUBLE), JoinKind.INNER, List.of(BIGINT), null);
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.DOUBLE, true), BIGINT),
            List.of(stage),
            bigint(1),
            build(0, 0, DataType.BIGINT));
    assertThat(rows(program, probeSide, buildSide))
        .containsExactly(row(1L, 100L), row(2L, 101L), row(4L, 100L));
  }

  @Test
  void emptyBuildSideForEveryKind() {
    List<FieldVector> probeSide =
        List.of(column(DataType.BIGINT, 1L, null), column(DataType.BIGINT, 10L, 20L));
    JoinBuildSide empty =
        table(
            List.of(column(DataType.BIGINT)),
            List.of(DataType.BIGINT),
            List.of(column(DataType.BIGINT)));
    for (JoinKind kind : JoinKind.values()) {
      ProbeStage stage = probe(0, bigint(0), kind, List.of(BIGINT), null);
      boolean emitsBuild = kind == JoinKind.INNER || kind == JoinKind.LEFT;
      Expr[] outputs =
          emitsBuild
              ? new Expr[] {bigint(1), build(0, 0, DataType.BIGINT)}
              : new Expr[] {bigint(1)};
      List<List<Object>> result =
          rows(program(List.of(BIGINT, BIGINT), List.of(stage), outputs), probeSide, empty);
      switch (kind) {
        case INNER, SEMI -> assertThat(result).as("%s", kind).isEmpty();
        case LEFT ->
            assertThat(result).as("%s", kind).containsExactly(row(10L, null), row(20L, null));
        case ANTI -> assertThat(result).as("%s", kind).containsExactly(row(10L), row(20L));
      }
    }
  }

  @Test
  void concurrentRunsShareOneHashTable() throws Exception {
    int rows = 20_000;
    Object[] keys = new Object[rows];
    for (int row = 0; row < rows; row++) {
      keys[row] = (long) (row % 50);
    }
    FieldVector probeKeys = column(DataType.BIGINT, keys);
    JoinBuildSide buildSide =
        table(
            List.of(column(DataType.BIGINT, 0L, 1L, 1L, 2L)),
            List.of(DataType.BIGINT),
            List.of(column(DataType.BIGINT, 10L, 11L, 12L, 13L)));
    ProbeStage stage = probe(0, bigint(0), JoinKind.INNER, List.of(BIGINT), null);
    CpuKernel kernel =
        backend.compile(program(List.of(BIGINT), List.of(stage), build(0, 0, DataType.BIGINT)));
    KernelArguments arguments =
        new KernelArguments(List.of(probeKeys), null, null, new JoinBuildSide[] {buildSide});
    int threads = 4;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> sums = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int start = t * rows / threads;
        int end = (t + 1) * rows / threads;
        sums.add(
            executor.submit(
                () -> {
                  try (MaterializeOutput output =
                      new MaterializeOutput(outputVectors(kernel.program()))) {
                    kernel.run(arguments, start, end, output);
                    long sum = 0;
                    for (List<Object> row : finishRows(output)) {
                      sum += (Long) row.get(0);
                    }
                    return sum;
                  }
                }));
      }
      long total = 0;
      for (Future<Long> sum : sums) {
        total += sum.get();
      }
      // Keys 0, 1 and 2 each appear rows / 50 times. They match payloads 10, 11 + 12 and 13.
      assertThat(total).isEqualTo((rows / 50L) * (10 + 11 + 12 + 13));
    } finally {
      executor.shutdown();
    }
  }

  @Test
  void runRejectsMismatchedHashTables() {
    OrdersAndCustomers data = new OrdersAndCustomers();
    ProbeStage stage = probe(0, bigint(0), JoinKind.INNER, List.of(BIGINT), null);
    KernelProgram program =
        program(List.of(BIGINT, BIGINT), List.of(stage), build(0, 0, DataType.BIGINT));
    assertThatThrownBy(() -> rows(program, data.orders))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hash table #0 of probe stage 0 is missing");

    JoinBuildSide intKeys =
        table(
            List.of(column(DataType.INTEGER, 1L)),
            List.of(DataType.INTEGER),
            List.of(column(DataType.BIGINT, 1L)));
    assertThatThrownBy(() -> rows(program, data.orders, intKeys))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key 0 is INTEGER but the stage probes it with BIGINT");

    JoinBuildSide noPayload =
        table(List.of(column(DataType.BIGINT, 1L)), List.of(DataType.BIGINT), List.of());
    assertThatThrownBy(() -> rows(program, data.orders, noPayload))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has 0 payload columns, the stage expects 1");

    JoinBuildSide doublePayload =
        table(
            List.of(column(DataType.BIGINT, 1L)),
            List.of(DataType.BIGINT),
            List.of(column(DataType.DOUBLE, 1.0)));
    assertThatThrownBy(() -> rows(program, data.orders, doublePayload))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payload column 0 must be a");

    JoinBuildSide closed =
        table(
            List.of(column(DataType.BIGINT, 1L)),
            List.of(DataType.BIGINT),
            List.of(column(DataType.BIGINT, 1L)));
    closed.close();
    assertThatThrownBy(() -> rows(program, data.orders, closed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is closed");
  }

  @Test
  void decimalKeysMustShareScale() {
    DataType cents = DataType.decimal(10, 2);
    JoinBuildSide tenths =
        table(
            List.of(column(DataType.decimal(10, 1), 5L)),
            List.of(DataType.decimal(10, 1)),
            List.of());
    ProbeStage stage = probe(0, in(0, cents), JoinKind.SEMI, List.of(), null);
    KernelProgram program =
        program(List.of(new InputColumn(cents, true)), List.of(stage), in(0, cents));
    assertThatThrownBy(() -> rows(program, List.of(column(cents, 50L)), tenths))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "key 0 is DECIMAL(10, 1) but the stage probes it with DECIMAL(10, 2)");
  }

  @Test
  void compileRejectsBuildRefsOutOfScope() {
    ProbeStage semi = probe(0, bigint(0), JoinKind.SEMI, List.of(BIGINT), null);
    assertThatThrownBy(
            () ->
                backend.compile(
                    program(List.of(BIGINT), List.of(semi), build(0, 0, DataType.BIGINT))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("build column 0 of probe stage 0 is read in the sink")
        .hasMessageContaining("SEMI join emits no build columns");

    ProbeStage readsLater =
        probe(0, build(1, 0, DataType.BIGINT), JoinKind.INNER, List.of(BIGINT), null);
    ProbeStage later = probe(1, bigint(0), JoinKind.INNER, List.of(BIGINT), null);
    assertThatThrownBy(
            () -> backend.compile(program(List.of(BIGINT), List.of(readsLater, later), bigint(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "build column 0 of probe stage 1 is read in the keys of probe stage 0, but that stage runs later");

    Expr readsProbe = Call.of(Operator.IS_NULL, DataType.BOOLEAN, build(0, 0, DataType.BIGINT));
    assertThatThrownBy(
            () ->
                backend.compile(
                    program(
                        List.of(BIGINT),
                        readsProbe,
                        List.of(later),
                        new MaterializeSink(List.of(bigint(0))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("build column 0 of probe stage 0 is read in the filter");

    ProbeStage inner = probe(0, bigint(0), JoinKind.INNER, List.of(BIGINT), null);
    assertThatThrownBy(
            () ->
                backend.compile(
                    program(List.of(BIGINT), List.of(inner), build(0, 1, DataType.BIGINT))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("build column 1 of probe stage 0 is beyond its 1 build columns");
  }

  @Test
  void cacheKeysOnProbeStages() {
    ProbeStage inner = probe(0, bigint(0), JoinKind.INNER, List.of(BIGINT), null);
    ProbeStage left = probe(0, bigint(0), JoinKind.LEFT, List.of(BIGINT), null);
    Expr[] outputs = {bigint(0), build(0, 0, DataType.BIGINT)};
    backend.compile(program(List.of(BIGINT), List.of(inner), outputs));
    backend.compile(program(List.of(BIGINT), List.of(inner), outputs));
    assertThat(backend.compilationCount()).isEqualTo(1);
    backend.compile(program(List.of(BIGINT), List.of(left), outputs));
    assertThat(backend.compilationCount()).isEqualTo(2);
    ProbeStage otherTable = probe(1, bigint(0), JoinKind.LEFT, List.of(BIGINT), null);
    backend.compile(program(List.of(BIGINT), List.of(otherTable), outputs));
    assertThat(backend.compilationCount()).isEqualTo(3);
  }

  @Test
  void javaSourceNamesProbeStages() {
    Expr y = build(0, 0, DataType.BIGINT);
    Expr residual = Call.of(Operator.LESS_THAN, DataType.BOOLEAN, bigint(0), y);
    ProbeStage stage = probe(2, bigint(0), JoinKind.LEFT, List.of(BIGINT), residual);
    String source =
        backend.compile(program(List.of(BIGINT), List.of(stage), bigint(0), y)).javaSource();
    assertThat(source).contains("// probe stage 0: LEFT join with hash table #2 on [$0:BIGINT?]");
    assertThat(source).contains("// probe stage 0: residual");
    assertThat(source).contains("// build column 0 of probe stage 0: BIGINT NULL");
  }
}
