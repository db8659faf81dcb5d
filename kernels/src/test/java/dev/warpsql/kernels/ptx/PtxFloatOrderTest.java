package dev.warpsql.kernels.ptx;

import static dev.warpsql.kernels.ir.FloatOrderCases.COMPARISONS;
import static dev.warpsql.kernels.ir.FloatOrderCases.SPECIAL_VALUES;
import static dev.warpsql.kernels.ir.FloatOrderCases.expected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.FloatOrderCases;
import dev.warpsql.kernels.ir.InSet;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ptxsim.SimDataSets;
import dev.warpsql.kernels.ptxsim.SimDifferential;
import dev.warpsql.kernels.ptxsim.SimKernelHarness;
import dev.warpsql.kernels.ptxsim.SimKernelInputs;
import dev.warpsql.kernels.ptxsim.SimKernelResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interpreted PTX for REAL and DOUBLE comparisons, IN sets and MIN/MAX in the total order of DuckDB
 * and PostgreSQL: NaN equals NaN and is above +Infinity, and -0.0 equals 0.0. Each test checks the
 * PTX rows against that order (see {@link FloatOrderCases}) and against the CPU backend.
 */
class PtxFloatOrderTest {
  private static final SimKernelHarness.Shape SHAPE = SimDifferential.SHAPES.get(1);

  private RootAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void comparisonsFollowTotalOrder() {
    // Columns: row id, REAL, DOUBLE, DOUBLE, BIGINT; rows hold every pair of special values.
    List<DataType> types =
        List.of(DataType.INTEGER, DataType.REAL, DataType.DOUBLE, DataType.DOUBLE, DataType.BIGINT);
    List<Object[]> rows = new ArrayList<>();
    for (double x : SPECIAL_VALUES) {
      for (double y : SPECIAL_VALUES) {
        long exact = Double.isFinite(y) && Math.abs(y) < 10 ? (long) y : 1L;
        rows.add(new Object[] {(long) rows.size(), x, x, y, exact});
      }
    }

    // Operand pairs: both may be NaN, one a NaN literal, one a numeric literal, one exact.
    Expr[][] pairs = {
      {in(2, DataType.DOUBLE), in(3, DataType.DOUBLE)},
      {in(1, DataType.REAL), in(3, DataType.DOUBLE)},
      {in(2, DataType.DOUBLE), new Literal(Double.NaN, DataType.DOUBLE)},
      {new Literal(1.5, DataType.DOUBLE), in(3, DataType.DOUBLE)},
      {in(3, DataType.DOUBLE), new Literal(1.5, DataType.DOUBLE)},
      {in(4, DataType.BIGINT), in(3, DataType.DOUBLE)},
      {in(2, DataType.DOUBLE), in(4, DataType.BIGINT)},
    };
    List<Expr> outputs = new ArrayList<>();
    outputs.add(in(0, DataType.INTEGER));
    for (Expr[] pair : pairs) {
      for (Operator operator : COMPARISONS) {
        outputs.add(Call.of(operator, DataType.BOOLEAN, pair[0], pair[1]));
      }
    }

    KernelProgram program = materialize("float_order", types, outputs);
    SimKernelInputs inputs = inputs(types, rows);
    try {
      Map<Long, List<Object>> byId = rowsById(SimKernelHarness.run(program, inputs, SHAPE, 100));
      assertThat(byId).hasSize(rows.size());
      for (Object[] row : rows) {
        List<Object> actual = byId.get((Long) row[0]);
        for (int p = 0; p < pairs.length; p++) {
          double a = operandValue(pairs[p][0], row);
          double b = operandValue(pairs[p][1], row);
          for (int o = 0; o < COMPARISONS.size(); o++) {
            Operator operator = COMPARISONS.get(o);
            assertThat(actual.get(1 + p * COMPARISONS.size() + o))
                .as("pair %d: %s %s %s", p, a, operator, b)
                .isEqualTo(expected(operator, a, b));
          }
        }
      }
      SimDifferential.check(program, inputs, SimDifferential.SHAPES, allocator);
    } finally {
      SimDataSets.close(inputs);
    }
  }

  @Test
  void comparisonsOfSmallValuesMatchCpu() {
    // The SMALL profile draws NaN and -0.0 often, so NaN meets NaN and -0.0 meets 0.0.
    List<DataType> types = List.of(DataType.REAL, DataType.DOUBLE, DataType.DOUBLE);
    List<Expr> outputs = new ArrayList<>();
    for (Operator operator : COMPARISONS) {
      outputs.add(
          Call.of(operator, DataType.BOOLEAN, in(1, DataType.DOUBLE), in(2, DataType.DOUBLE)));
      outputs.add(
          Call.of(operator, DataType.BOOLEAN, in(0, DataType.REAL), in(2, DataType.DOUBLE)));
    }
    Expr filter =
        Call.of(
            Operator.LESS_THAN_OR_EQUAL,
            DataType.BOOLEAN,
            in(0, DataType.REAL),
            in(1, DataType.DOUBLE));
    KernelProgram program =
        new KernelProgram(
            "float_order_small",
            columns(types),
            List.of(),
            0,
            filter,
            new MaterializeSink(outputs));
    SimKernelInputs inputs =
        SimDataSets.generate(program, 2000, SimDataSets.Profile.SMALL, 17, allocator);
    try {
      SimDifferential.check(program, inputs, SimDifferential.SHAPES, allocator);
    } finally {
      SimDataSets.close(inputs);
    }
  }

  @Test
  void setWithNaNMemberContainsNaN() {
    for (DataType type : List.of(DataType.REAL, DataType.DOUBLE)) {
      List<Literal> members = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        members.add(new Literal(i * 0.5, type));
      }
      members.add(new Literal(Double.NaN, type));
      List<DataType> types = List.of(DataType.INTEGER, type);
      List<Object[]> rows = new ArrayList<>();
      for (double value : SPECIAL_VALUES) {
        rows.add(new Object[] {(long) rows.size(), value});
      }
      KernelProgram program =
          materialize(
              "in_set_nan",
              types,
              List.of(in(0, DataType.INTEGER), new InSet(in(1, type), members)));
      SimKernelInputs inputs = inputs(types, rows);
      try {
        Map<Long, List<Object>> byId = rowsById(SimKernelHarness.run(program, inputs, SHAPE, 20));
        for (Object[] row : rows) {
          double value = (Double) row[1];
          boolean member = Double.isNaN(value) || value == 0.0 || value == 1.5;
          assertThat(byId.get((Long) row[0]).get(1)).as("%s IN set", value).isEqualTo(member);
        }
        SimDifferential.check(program, inputs, SimDifferential.SHAPES, allocator);
      } finally {
        SimDataSets.close(inputs);
      }
    }
  }

  @Test
  void minMaxPlaceNaNAboveInfinity() {
    // Groups: 0 mixes NaN with numbers, 1 holds only NaN, 2 has no NaN, 3 only NULL.
    Object[][] values = {
      {0L, 1.5},
      {0L, Double.NaN},
      {0L, Double.NEGATIVE_INFINITY},
      {0L, Double.POSITIVE_INFINITY},
      {1L, Double.NaN},
      {1L, null},
      {1L, Double.NaN},
      {2L, -0.0},
      {2L, Double.POSITIVE_INFINITY},
      {2L, 0.0},
      {3L, null},
    };
    for (DataType type : List.of(DataType.REAL, DataType.DOUBLE)) {
      List<DataType> types = List.of(DataType.INTEGER, type);
      Expr value = in(1, type);
      KernelProgram program =
          new KernelProgram(
              "float_min_max",
              columns(types),
              List.of(),
              0,
              null,
              new AggregateSink(
                  List.of(in(0, DataType.INTEGER)),
                  List.of(
                      new AggregateCall(AggregateFunction.MIN, value, type),
                      new AggregateCall(AggregateFunction.MAX, value, type))));
      SimKernelInputs inputs = inputs(types, List.of(values));
      try {
        Map<Long, List<Object>> groups = rowsById(SimKernelHarness.run(program, inputs, SHAPE, 20));
        assertThat(groups.get(0L))
            .as("%s mixed", type)
            .containsExactly(0L, Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(groups.get(1L))
            .as("%s NaN only", type)
            .containsExactly(1L, Double.NaN, Double.NaN);
        assertThat(groups.get(2L))
            .as("%s without NaN", type)
            .containsExactly(2L, -0.0, Double.POSITIVE_INFINITY);
        assertThat(groups.get(3L)).as("%s NULL only", type).containsExactly(3L, null, null);
        SimDifferential.check(program, inputs, SimDifferential.SHAPES, allocator);
      } finally {
        SimDataSets.close(inputs);
      }
    }
  }

  /** Returns the value that an operand has in a row, as a double held by its type. */
  private static double operandValue(Expr operand, Object[] row) {
    Object value =
        operand instanceof Literal literal ? literal.value() : row[((InputRef) operand).index()];
    double number = value instanceof Long exact ? exact : (Double) value;
    return FloatOrderCases.stored(operand.type(), number);
  }

  private static Map<Long, List<Object>> rowsById(SimKernelResult result) {
    assertThat(result.errorCode()).as("error code").isZero();
    Map<Long, List<Object>> byId = new HashMap<>();
    for (List<Object> row : result.rows()) {
      byId.put((Long) row.get(0), row);
    }
    return byId;
  }

  private static KernelProgram materialize(String name, List<DataType> types, List<Expr> outputs) {
    return new KernelProgram(
        name, columns(types), List.of(), 0, null, new MaterializeSink(outputs));
  }

  private static List<InputColumn> columns(List<DataType> types) {
    List<InputColumn> columns = new ArrayList<>();
    for (DataType type : types) {
      columns.add(new InputColumn(type, true));
    }
    return columns;
  }

  private static InputRef in(int index, DataType type) {
    return new InputRef(index, type, true);
  }

  private SimKernelInputs inputs(List<DataType> types, List<Object[]> rows) {
    List<FieldVector> columns = new ArrayList<>();
    for (int c = 0; c < types.size(); c++) {
      List<Object> values = new ArrayList<>();
      for (Object[] row : rows) {
        values.add(row[c]);
      }
      columns.add(SimDataSets.vector("c" + c, types.get(c), values, allocator));
    }
    return new SimKernelInputs(columns, new Object[0], null, null, rows.size());
  }
}
