package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

class AggregationKernelTest extends KernelTestSupport {
  private static AggregateCall call(AggregateFunction function, Expr argument, DataType result) {
    return new AggregateCall(function, argument, result);
  }

  private static AggregateCall countStar() {
    return new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT);
  }

  /** Returns the five aggregates over input 0 of the given type; SUM returns sumType. */
  private static List<AggregateCall> allCalls(DataType type, DataType sumType) {
    Expr x = in(0, type);
    return List.of(
        countStar(),
        call(AggregateFunction.COUNT, x, DataType.BIGINT),
        call(AggregateFunction.SUM, x, sumType),
        call(AggregateFunction.MIN, x, type),
        call(AggregateFunction.MAX, x, type));
  }

  private static KernelProgram program(
      List<InputColumn> inputs, Expr filter, List<Expr> keys, List<AggregateCall> calls) {
    return new KernelProgram("agg", inputs, List.of(), 0, filter, new AggregateSink(keys, calls));
  }

  /** Runs the program over all rows of the inputs into a new table and returns its columns. */
  private List<List<Object>> aggregate(KernelProgram program, List<FieldVector> inputs, int rows) {
    AggregateSink sink = (AggregateSink) program.sink();
    try (AggregationTable table = new AggregationTable(sink)) {
      backend.compile(program).run(new KernelArguments(inputs, null, null), 0, rows, table);
      return columns(table);
    }
  }

  @Test
  void everyFunctionIgnoresNullsOnExactInput() {
    for (DataType type :
        List.of(DataType.TINYINT, DataType.SMALLINT, DataType.INTEGER, DataType.BIGINT)) {
      KernelProgram program =
          program(
              List.of(new InputColumn(type, true)),
              null,
              List.of(),
              allCalls(type, DataType.BIGINT));
      try (FieldVector input = vector(type, 3L, null, -2L, 7L)) {
        assertThat(aggregate(program, List.of(input), 4))
            .as("%s", type)
            .containsExactly(List.of(4L), List.of(3L), List.of(8L), List.of(-2L), List.of(7L));
      }
    }
  }

  @Test
  void everyFunctionOnFloatInput() {
    for (DataType type : List.of(DataType.REAL, DataType.DOUBLE)) {
      KernelProgram program =
          program(List.of(new InputColumn(type, true)), null, List.of(), allCalls(type, type));
      try (FieldVector input = vector(type, 1.5, null, -0.25, 4.0)) {
        assertThat(aggregate(program, List.of(input), 4))
            .as("%s", type)
            .containsExactly(List.of(4L), List.of(3L), List.of(5.25), List.of(-0.25), List.of(4.0));
      }
    }
  }

  @Test
  void floatMinMaxPlaceNaNAboveInfinity() {
    // MIN is NaN only when every value is, and MAX is NaN when any value is.
    Object[][] cases = {
      {new Object[] {1.5, Double.NaN, null, Double.POSITIVE_INFINITY, -2.0}, -2.0, Double.NaN},
      {new Object[] {Double.NaN, null, Double.NaN}, Double.NaN, Double.NaN},
      {new Object[] {Double.NaN, Double.NEGATIVE_INFINITY}, Double.NEGATIVE_INFINITY, Double.NaN},
      {new Object[] {Double.POSITIVE_INFINITY, Double.NaN}, Double.POSITIVE_INFINITY, Double.NaN},
    };
    for (DataType type : List.of(DataType.REAL, DataType.DOUBLE)) {
      Expr x = in(0, type);
      KernelProgram program =
          program(
              List.of(new InputColumn(type, true)),
              null,
              List.of(),
              List.of(call(AggregateFunction.MIN, x, type), call(AggregateFunction.MAX, x, type)));
      for (Object[] c : cases) {
        Object[] values = (Object[]) c[0];
        try (FieldVector input = vector(type, values)) {
          assertThat(aggregate(program, List.of(input), values.length))
              .as("%s over %s", type, Arrays.toString(values))
              .containsExactly(List.of(c[1]), List.of(c[2]));
        }
      }
    }
  }

  @Test
  void mergedFloatMinMaxPlaceNaNAboveInfinity() {
    Expr x = in(0, DataType.DOUBLE);
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.DOUBLE, true)),
            null,
            List.of(),
            List.of(
                call(AggregateFunction.MIN, x, DataType.DOUBLE),
                call(AggregateFunction.MAX, x, DataType.DOUBLE)));
    CpuKernel kernel = backend.compile(program);
    AggregateSink sink = (AggregateSink) program.sink();
    try (FieldVector input = vector(DataType.DOUBLE, Double.NaN, 3.0, Double.POSITIVE_INFINITY);
        AggregationTable nanOnly = new AggregationTable(sink);
        AggregationTable numbers = new AggregationTable(sink)) {
      KernelArguments arguments = new KernelArguments(List.of(input), null, null);
      kernel.run(arguments, 0, 1, nanOnly);
      kernel.run(arguments, 1, 3, numbers);
      nanOnly.merge(numbers);
      assertThat(columns(nanOnly)).containsExactly(List.of(3.0), List.of(Double.NaN));
    }
  }

  @Test
  void decimalSumRescalesToResultScale() {
    DataType type = DataType.decimal(5, 2);
    KernelProgram program =
        program(
            List.of(new InputColumn(type, true)),
            null,
            List.of(),
            allCalls(type, DataType.decimal(18, 3)));
    try (FieldVector input = vector(type, 125L, null, -1000L, 99_999L)) {
      // SUM = 1.25 - 10.00 + 999.99 = 991.24 at scale 3
      assertThat(aggregate(program, List.of(input), 4))
          .containsExactly(
              List.of(4L), List.of(3L), List.of(991_240L), List.of(-1000L), List.of(99_999L));
    }
  }

  @Test
  void minMaxOnDateTimeAndBoolean() {
    Object[][] cases = {
      {DataType.DATE, -400L, 12_000L},
      {DataType.TIME, 1L, 86_000_000_000L},
      {DataType.TIMESTAMP, -5L, 1_700_000_000_000_000L},
      {DataType.BOOLEAN, false, true},
    };
    for (Object[] c : cases) {
      DataType type = (DataType) c[0];
      Expr x = in(0, type);
      KernelProgram program =
          program(
              List.of(new InputColumn(type, true)),
              null,
              List.of(),
              List.of(call(AggregateFunction.MIN, x, type), call(AggregateFunction.MAX, x, type)));
      try (FieldVector input = vector(type, c[2], null, c[1], c[2])) {
        assertThat(aggregate(program, List.of(input), 4))
            .as("%s", type)
            .containsExactly(List.of(c[1]), List.of(c[2]));
      }
    }
  }

  @Test
  void emptyInputWithoutKeysHasOneGroup() {
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.INTEGER, true)),
            null,
            List.of(),
            allCalls(DataType.INTEGER, DataType.BIGINT));
    try (FieldVector input = vector(DataType.INTEGER)) {
      List<Object> nullValue = new ArrayList<>();
      nullValue.add(null);
      assertThat(aggregate(program, List.of(input), 0))
          .containsExactly(List.of(0L), List.of(0L), nullValue, nullValue, nullValue);
    }
  }

  @Test
  void emptyInputWithKeysHasNoGroups() {
    Expr x = in(0, DataType.INTEGER);
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.INTEGER, true)),
            null,
            List.of(x),
            List.of(countStar()));
    try (FieldVector input = vector(DataType.INTEGER, 1L, 2L)) {
      try (AggregationTable table = new AggregationTable((AggregateSink) program.sink())) {
        backend.compile(program).run(new KernelArguments(List.of(input), null, null), 1, 1, table);
        assertThat(table.groupCount()).isZero();
        assertThat(columns(table)).containsExactly(List.of(), List.of());
      }
    }
  }

  @Test
  void allNullGroupGivesNullSumMinMax() {
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.DOUBLE, true)),
            null,
            List.of(),
            allCalls(DataType.DOUBLE, DataType.DOUBLE));
    try (FieldVector input = vector(DataType.DOUBLE, null, null)) {
      List<List<Object>> columns = aggregate(program, List.of(input), 2);
      assertThat(columns.get(0)).containsExactly(2L);
      assertThat(columns.get(1)).containsExactly(0L);
      assertThat(columns.get(2)).containsExactly((Object) null);
      assertThat(columns.get(3)).containsExactly((Object) null);
      assertThat(columns.get(4)).containsExactly((Object) null);
    }
  }

  @Test
  void nullKeysGroupTogether() {
    Expr key = in(0, DataType.INTEGER);
    Expr value = in(1, DataType.BIGINT);
    KernelProgram program =
        program(
            List.of(
                new InputColumn(DataType.INTEGER, true), new InputColumn(DataType.BIGINT, true)),
            null,
            List.of(key),
            List.of(countStar(), call(AggregateFunction.SUM, value, DataType.BIGINT)));
    try (FieldVector keys = vector(DataType.INTEGER, 1L, null, 1L, null, 2L, 0L);
        FieldVector values = vector(DataType.BIGINT, 10L, 20L, 30L, null, 50L, 60L)) {
      List<List<Object>> columns = aggregate(program, List.of(keys, values), 6);
      Map<Object, List<Object>> byKey = new HashMap<>();
      for (int g = 0; g < columns.get(0).size(); g++) {
        byKey.put(columns.get(0).get(g), List.of(columns.get(1).get(g), columns.get(2).get(g)));
      }
      assertThat(byKey).hasSize(4);
      assertThat(byKey.get(1L)).containsExactly(2L, 40L);
      assertThat(byKey.get(null)).containsExactly(2L, 20L);
      assertThat(byKey.get(2L)).containsExactly(1L, 50L);
      assertThat(byKey.get(0L)).containsExactly(1L, 60L);
    }
  }

  @Test
  void multipleKeysOfMixedKinds() {
    Expr code = in(0, DataType.VARCHAR);
    Expr real = in(1, DataType.DOUBLE);
    Expr flag = in(2, DataType.BOOLEAN);
    KernelProgram program =
        program(
            List.of(
                new InputColumn(DataType.VARCHAR, true),
                new InputColumn(DataType.DOUBLE, true),
                new InputColumn(DataType.BOOLEAN, true)),
            null,
            List.of(code, real, flag),
            List.of(countStar()));
    try (FieldVector codes = vector(DataType.VARCHAR, 3L, 3L, 3L, 3L, null);
        FieldVector reals = vector(DataType.DOUBLE, 0.0, -0.0, 0.0, 1.0, null);
        FieldVector flags = vector(DataType.BOOLEAN, true, true, false, true, null)) {
      List<List<Object>> columns = aggregate(program, List.of(codes, reals, flags), 5);
      Map<List<Object>, Object> counts = new HashMap<>();
      for (int g = 0; g < columns.get(0).size(); g++) {
        List<Object> key = new ArrayList<>();
        key.add(columns.get(0).get(g));
        key.add(columns.get(1).get(g));
        key.add(columns.get(2).get(g));
        counts.put(key, columns.get(3).get(g));
      }
      List<Object> allNull = new ArrayList<>();
      allNull.add(null);
      allNull.add(null);
      allNull.add(null);
      assertThat(counts).hasSize(4);
      assertThat(counts.get(List.of(3L, 0.0, true))).isEqualTo(2L);
      assertThat(counts.get(List.of(3L, 0.0, false))).isEqualTo(1L);
      assertThat(counts.get(List.of(3L, 1.0, true))).isEqualTo(1L);
      assertThat(counts.get(allNull)).isEqualTo(1L);
    }
  }

  @Test
  void manyGroupsGrowTable() {
    int rows = 30_000;
    Object[] keys = new Object[rows];
    for (int i = 0; i < rows; i++) {
      keys[i] = (long) (i % 10_000) * 7919;
    }
    Expr key = in(0, DataType.BIGINT);
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.BIGINT, true)),
            null,
            List.of(key),
            List.of(countStar(), call(AggregateFunction.MAX, key, DataType.BIGINT)));
    try (FieldVector input = vector(DataType.BIGINT, keys)) {
      List<List<Object>> columns = aggregate(program, List.of(input), rows);
      assertThat(columns.get(0)).hasSize(10_000).doesNotHaveDuplicates();
      assertThat(columns.get(1)).containsOnly(3L);
      assertThat(columns.get(2)).isEqualTo(columns.get(0));
    }
  }

  @Test
  void filterAppliesBeforeAggregation() {
    Expr x = in(0, DataType.INTEGER);
    Expr filter = Call.of(Operator.GREATER_THAN, DataType.BOOLEAN, x, lit(0, DataType.INTEGER));
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.INTEGER, true)),
            filter,
            List.of(),
            List.of(countStar(), call(AggregateFunction.SUM, x, DataType.BIGINT)));
    try (FieldVector input = vector(DataType.INTEGER, 5L, -3L, null, 4L)) {
      assertThat(aggregate(program, List.of(input), 4)).containsExactly(List.of(2L), List.of(9L));
    }
  }

  @Test
  void sumOverflowRaisesAgainstResultType() {
    Expr x = in(0, DataType.INTEGER);
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.INTEGER, true)),
            null,
            List.of(),
            List.of(call(AggregateFunction.SUM, x, DataType.INTEGER)));
    try (FieldVector input = vector(DataType.INTEGER, (long) Integer.MAX_VALUE, 1L)) {
      assertThatThrownBy(() -> aggregate(program, List.of(input), 2))
          .isInstanceOf(KernelException.class)
          .hasMessageContaining("SUM INTEGER")
          .extracting(e -> ((KernelException) e).code())
          .isEqualTo(KernelErrorCode.NUMERIC_OVERFLOW);
    }
    Expr y = in(0, DataType.BIGINT);
    KernelProgram bigint =
        program(
            List.of(new InputColumn(DataType.BIGINT, true)),
            null,
            List.of(),
            List.of(call(AggregateFunction.SUM, y, DataType.BIGINT)));
    try (FieldVector input = vector(DataType.BIGINT, Long.MAX_VALUE, 1L)) {
      assertThatThrownBy(() -> aggregate(bigint, List.of(input), 2))
          .isInstanceOf(KernelException.class);
    }
  }

  @Test
  void decimalSumBeyondPrecisionRaises() {
    DataType type = DataType.decimal(18, 0);
    Expr x = in(0, type);
    KernelProgram program =
        program(
            List.of(new InputColumn(type, true)),
            null,
            List.of(),
            List.of(call(AggregateFunction.SUM, x, type)));
    try (FieldVector input = vector(type, 900_000_000_000_000_000L, 900_000_000_000_000_000L)) {
      assertThatThrownBy(() -> aggregate(program, List.of(input), 2))
          .isInstanceOf(KernelException.class)
          .extracting(e -> ((KernelException) e).code())
          .isEqualTo(KernelErrorCode.NUMERIC_OVERFLOW);
    }
  }

  @Test
  void mergeCombinesPartialTables() {
    Expr key = in(0, DataType.INTEGER);
    Expr value = in(1, DataType.DOUBLE);
    KernelProgram program =
        program(
            List.of(
                new InputColumn(DataType.INTEGER, true), new InputColumn(DataType.DOUBLE, true)),
            null,
            List.of(key),
            List.of(
                countStar(),
                call(AggregateFunction.COUNT, value, DataType.BIGINT),
                call(AggregateFunction.SUM, value, DataType.DOUBLE),
                call(AggregateFunction.MIN, value, DataType.DOUBLE),
                call(AggregateFunction.MAX, value, DataType.DOUBLE)));
    CpuKernel kernel = backend.compile(program);
    AggregateSink sink = (AggregateSink) program.sink();
    try (FieldVector keys = vector(DataType.INTEGER, 1L, 2L, null, 1L, 3L, 2L);
        FieldVector values = vector(DataType.DOUBLE, 1.0, null, 5.0, -2.0, 7.0, 4.0);
        AggregationTable first = new AggregationTable(sink);
        AggregationTable second = new AggregationTable(sink)) {
      KernelArguments arguments = new KernelArguments(List.of(keys, values), null, null);
      kernel.run(arguments, 0, 3, first);
      kernel.run(arguments, 3, 6, second);
      first.merge(second);
      assertThat(first.groupCount()).isEqualTo(4);
      List<List<Object>> columns = columns(first);
      Map<Object, List<Object>> byKey = new HashMap<>();
      for (int g = 0; g < 4; g++) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c < 6; c++) {
          row.add(columns.get(c).get(g));
        }
        byKey.put(columns.get(0).get(g), row);
      }
      assertThat(byKey.get(1L)).containsExactly(2L, 2L, -1.0, -2.0, 1.0);
      assertThat(byKey.get(2L)).containsExactly(2L, 1L, 4.0, 4.0, 4.0);
      assertThat(byKey.get(null)).containsExactly(1L, 1L, 5.0, 5.0, 5.0);
      assertThat(byKey.get(3L)).containsExactly(1L, 1L, 7.0, 7.0, 7.0);
    }
  }

  @Test
  void mergeOfTablesWithoutKeysKeepsOneGroup() {
    Expr x = in(0, DataType.BIGINT);
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.BIGINT, true)),
            null,
            List.of(),
            allCalls(DataType.BIGINT, DataType.BIGINT));
    AggregateSink sink = (AggregateSink) program.sink();
    try (FieldVector input = vector(DataType.BIGINT, 4L, -9L);
        AggregationTable first = new AggregationTable(sink);
        AggregationTable empty = new AggregationTable(sink)) {
      backend.compile(program).run(new KernelArguments(List.of(input), null, null), 0, 2, first);
      empty.merge(first);
      assertThat(empty.groupCount()).isEqualTo(1);
      assertThat(columns(empty))
          .containsExactly(List.of(2L), List.of(2L), List.of(-5L), List.of(-9L), List.of(4L));
    }
  }

  @Test
  void mergeSumOverflowRaises() {
    Expr x = in(0, DataType.BIGINT);
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.BIGINT, true)),
            null,
            List.of(),
            List.of(call(AggregateFunction.SUM, x, DataType.BIGINT)));
    AggregateSink sink = (AggregateSink) program.sink();
    CpuKernel kernel = backend.compile(program);
    try (FieldVector input = vector(DataType.BIGINT, Long.MAX_VALUE - 1);
        AggregationTable first = new AggregationTable(sink);
        AggregationTable second = new AggregationTable(sink)) {
      kernel.run(new KernelArguments(List.of(input), null, null), 0, 1, first);
      kernel.run(new KernelArguments(List.of(input), null, null), 0, 1, second);
      assertThatThrownBy(() -> first.merge(second))
          .isInstanceOf(KernelException.class)
          .extracting(e -> ((KernelException) e).code())
          .isEqualTo(KernelErrorCode.NUMERIC_OVERFLOW);
    }
  }

  @Test
  void varcharMinMaxIsRejected() {
    Expr code = in(0, DataType.VARCHAR);
    AggregateSink sink =
        new AggregateSink(List.of(), List.of(call(AggregateFunction.MIN, code, DataType.VARCHAR)));
    assertThatThrownBy(() -> new AggregationTable(sink))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MIN(VARCHAR)");
    KernelProgram program =
        new KernelProgram(
            "agg", List.of(new InputColumn(DataType.VARCHAR, true)), List.of(), 0, null, sink);
    assertThatThrownBy(() -> backend.compile(program)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void varcharKeysGroupByCode() {
    Expr code = in(0, DataType.VARCHAR);
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.VARCHAR, true)),
            null,
            List.of(code),
            List.of(countStar()));
    try (FieldVector input = vector(DataType.VARCHAR, 5L, 5L, 2L)) {
      List<List<Object>> columns = aggregate(program, List.of(input), 3);
      assertThat(columns.get(0)).containsExactlyInAnyOrder(5L, 2L);
      int five = columns.get(0).indexOf(5L);
      assertThat(columns.get(1).get(five)).isEqualTo(2L);
    }
  }

  @Test
  void runRejectsTableOfAnotherSink() {
    Expr x = in(0, DataType.BIGINT);
    KernelProgram program =
        program(
            List.of(new InputColumn(DataType.BIGINT, true)), null, List.of(), List.of(countStar()));
    try (FieldVector input = vector(DataType.BIGINT, 1L);
        AggregationTable other =
            new AggregationTable(new AggregateSink(List.of(x), List.of(countStar())))) {
      assertThatThrownBy(
              () ->
                  backend
                      .compile(program)
                      .run(new KernelArguments(List.of(input), null, null), 0, 1, other))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
