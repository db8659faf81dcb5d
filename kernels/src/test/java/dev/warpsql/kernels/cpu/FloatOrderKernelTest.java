package dev.warpsql.kernels.cpu;

import static dev.warpsql.kernels.ir.FloatOrderCases.COMPARISONS;
import static dev.warpsql.kernels.ir.FloatOrderCases.SPECIAL_VALUES;
import static dev.warpsql.kernels.ir.FloatOrderCases.expected;
import static dev.warpsql.kernels.ir.FloatOrderCases.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InSet;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Comparisons of REAL and DOUBLE values in the total order of DuckDB and PostgreSQL: NaN equals NaN
 * and is above +Infinity, and -0.0 equals 0.0. {@link FloatOrderCases} has the values and the
 * expected results.
 */
class FloatOrderKernelTest extends KernelTestSupport {
  @Test
  void helperMethodsFollowTotalOrder() {
    for (double a : SPECIAL_VALUES) {
      for (double b : SPECIAL_VALUES) {
        String pair = a + " and " + b;
        assertThat(FloatComparisons.equal(a, b))
            .as(pair)
            .isEqualTo(expected(Operator.EQUALS, a, b));
        assertThat(FloatComparisons.notEqual(a, b))
            .as(pair)
            .isEqualTo(expected(Operator.NOT_EQUALS, a, b));
        assertThat(FloatComparisons.lessThan(a, b))
            .as(pair)
            .isEqualTo(expected(Operator.LESS_THAN, a, b));
        assertThat(FloatComparisons.lessThanOrEqual(a, b))
            .as(pair)
            .isEqualTo(expected(Operator.LESS_THAN_OR_EQUAL, a, b));
        assertThat(FloatComparisons.greaterThan(a, b))
            .as(pair)
            .isEqualTo(expected(Operator.GREATER_THAN, a, b));
        assertThat(FloatComparisons.greaterThanOrEqual(a, b))
            .as(pair)
            .isEqualTo(expected(Operator.GREATER_THAN_OR_EQUAL, a, b));
      }
    }
  }

  @Test
  void columnComparisonsFollowTotalOrder() {
    for (DataType left : List.of(DataType.REAL, DataType.DOUBLE)) {
      for (DataType right : List.of(DataType.REAL, DataType.DOUBLE)) {
        List<Object> a = new ArrayList<>();
        List<Object> b = new ArrayList<>();
        for (double x : SPECIAL_VALUES) {
          for (double y : SPECIAL_VALUES) {
            a.add(stored(left, x));
            b.add(stored(right, y));
          }
        }
        List<List<Object>> results =
            compareColumns(new ColumnTypes(left, right), a.toArray(), b.toArray());
        assertResults(results, a, b, left + " and " + right);
      }
    }
  }

  @Test
  void exactOperandAgainstFloatColumn() {
    List<Object> exact = new ArrayList<>();
    List<Object> floats = new ArrayList<>();
    for (long x : new long[] {-1, 0, 1}) {
      for (double y : SPECIAL_VALUES) {
        exact.add(x);
        floats.add(y);
      }
    }
    for (DataType exactType : List.of(DataType.BIGINT, DataType.decimal(10, 0))) {
      List<List<Object>> exactFirst =
          compareColumns(
              new ColumnTypes(exactType, DataType.DOUBLE), exact.toArray(), floats.toArray());
      assertResults(exactFirst, asDoubles(exact), floats, exactType + " and DOUBLE");
      List<Object> reals =
          floats.stream().<Object>map(value -> stored(DataType.REAL, (Double) value)).toList();
      List<List<Object>> floatFirst =
          compareColumns(
              new ColumnTypes(DataType.REAL, exactType), reals.toArray(), exact.toArray());
      assertResults(floatFirst, reals, asDoubles(exact), "REAL and " + exactType);
    }
  }

  @Test
  void literalComparisonsFollowTotalOrder() {
    for (DataType type : List.of(DataType.REAL, DataType.DOUBLE)) {
      List<Object> values =
          SPECIAL_VALUES.stream().<Object>map(value -> stored(type, value)).toList();
      for (Object member : values) {
        double constant = (Double) member;
        Literal literal = lit(constant, type);
        List<Expr> outputs = new ArrayList<>();
        for (Operator operator : COMPARISONS) {
          outputs.add(Call.of(operator, DataType.BOOLEAN, in(0, type), literal));
          outputs.add(Call.of(operator, DataType.BOOLEAN, literal, in(0, type)));
        }
        List<List<Object>> results = materializeOver(type, outputs, values.toArray());
        for (int o = 0; o < COMPARISONS.size(); o++) {
          Operator operator = COMPARISONS.get(o);
          for (int row = 0; row < values.size(); row++) {
            double value = (Double) values.get(row);
            assertThat(results.get(2 * o).get(row))
                .as("%s %s %s literal %s", type, value, operator, constant)
                .isEqualTo(expected(operator, value, constant));
            assertThat(results.get(2 * o + 1).get(row))
                .as("%s literal %s %s %s", type, constant, operator, value)
                .isEqualTo(expected(operator, constant, value));
          }
        }
      }
    }
  }

  @Test
  void nullOperandGivesNull() {
    for (Operator operator : COMPARISONS) {
      Expr comparison =
          Call.of(
              operator, DataType.BOOLEAN, in(0, DataType.DOUBLE), lit(Double.NaN, DataType.DOUBLE));
      assertThat(evalOver(comparison, DataType.DOUBLE, Double.NaN, null))
          .as("%s", operator)
          .containsExactly(expected(operator, Double.NaN, Double.NaN), null);
    }
  }

  @Test
  void setWithNaNMemberContainsNaN() {
    List<Literal> members = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      members.add(lit(i * 0.5, DataType.DOUBLE));
    }
    members.add(lit(Double.NaN, DataType.DOUBLE));
    Expr in = new InSet(in(0, DataType.DOUBLE), members);
    assertThat(evalOver(in, DataType.DOUBLE, Double.NaN, -0.0, 9.5, 10.0, Double.POSITIVE_INFINITY))
        .containsExactly(true, true, true, false, false);
  }

  private static List<Object> asDoubles(List<Object> longs) {
    List<Object> doubles = new ArrayList<>();
    for (Object value : longs) {
      doubles.add((double) (Long) value);
    }
    return doubles;
  }

  /** Types of the two input columns of a comparison program. */
  private record ColumnTypes(DataType left, DataType right) {}

  /** Returns per comparison operator the results of {@code in0 op in1} over the rows. */
  private List<List<Object>> compareColumns(ColumnTypes types, Object[] left, Object[] right) {
    List<Expr> outputs = new ArrayList<>();
    for (Operator operator : COMPARISONS) {
      outputs.add(Call.of(operator, DataType.BOOLEAN, in(0, types.left()), in(1, types.right())));
    }
    KernelProgram program =
        new KernelProgram(
            "float_order",
            List.of(new InputColumn(types.left(), true), new InputColumn(types.right(), true)),
            List.of(),
            0,
            null,
            new MaterializeSink(outputs));
    try (FieldVector a = vector(types.left(), left);
        FieldVector b = vector(types.right(), right)) {
      return materialize(program, List.of(a, b), null, null, left.length);
    }
  }

  private List<List<Object>> materializeOver(DataType type, List<Expr> outputs, Object[] values) {
    KernelProgram program =
        new KernelProgram(
            "float_order",
            List.of(new InputColumn(type, true)),
            List.of(),
            0,
            null,
            new MaterializeSink(outputs));
    try (FieldVector input = vector(type, values)) {
      return materialize(program, List.of(input), null, null, values.length);
    }
  }

  private static void assertResults(
      List<List<Object>> results, List<Object> left, List<Object> right, String types) {
    for (int o = 0; o < COMPARISONS.size(); o++) {
      Operator operator = COMPARISONS.get(o);
      for (int row = 0; row < left.size(); row++) {
        double a = (Double) left.get(row);
        double b = (Double) right.get(row);
        assertThat(results.get(o).get(row))
            .as("%s: %s %s %s", types, a, operator, b)
            .isEqualTo(expected(operator, a, b));
      }
    }
  }
}
