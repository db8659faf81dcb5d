package dev.warpsql.planner.rules;

import dev.warpsql.kernels.cpu.FloatComparisons;
import dev.warpsql.kernels.ir.FloatOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

/**
 * MIN and MAX of REAL and DOUBLE values in the {@link FloatOrder total order}, for Calcite's
 * Enumerable engine, as the kernels compute them: MIN is NaN only when every value is, and MAX is
 * NaN when any value is. Calcite 1.41 computes MIN as {@code acc > value ? value : acc} on
 * primitive doubles, so a NaN is lost or kept depending on where it arrives. Its accumulator also
 * starts at {@code Double.MAX_VALUE} for MIN and {@code -Double.MAX_VALUE} for MAX, so MIN of
 * +Infinity alone is {@code Double.MAX_VALUE}.
 *
 * <p>Each accumulator starts at the value that every other one replaces: NaN for MIN and -Infinity
 * for MAX. Calcite's strict aggregate wrapper skips NULL values and returns NULL for a group
 * without non-NULL values. The classes and methods are public because the generated code calls
 * them.
 */
public final class TotalOrderMinMax {
  private static final SqlAggFunction MIN_DOUBLE = function("WARP_MIN_DOUBLE", MinDouble.class);
  private static final SqlAggFunction MAX_DOUBLE = function("WARP_MAX_DOUBLE", MaxDouble.class);
  private static final SqlAggFunction MIN_REAL = function("WARP_MIN_REAL", MinReal.class);
  private static final SqlAggFunction MAX_REAL = function("WARP_MAX_REAL", MaxReal.class);

  private TotalOrderMinMax() {}

  /** Returns the aggregate with its MIN and MAX calls of approximate numbers in total order. */
  static Aggregate apply(Aggregate aggregate) {
    List<RelDataTypeField> inputFields = aggregate.getInput().getRowType().getFieldList();
    List<AggregateCall> calls = new ArrayList<>();
    boolean changed = false;
    for (AggregateCall call : aggregate.getAggCallList()) {
      SqlAggFunction replacement =
          call.getArgList().size() != 1
              ? null
              : replacement(call, inputFields.get(call.getArgList().get(0)).getType());
      if (replacement == null) {
        calls.add(call);
        continue;
      }
      calls.add(
          AggregateCall.create(
              replacement,
              call.isDistinct(),
              call.isApproximate(),
              call.ignoreNulls(),
              call.rexList,
              call.getArgList(),
              call.filterArg,
              call.distinctKeys,
              call.collation,
              call.getType(),
              call.getName()));
      changed = true;
    }
    if (!changed) {
      return aggregate;
    }
    return aggregate.copy(
        aggregate.getTraitSet(),
        aggregate.getInput(),
        aggregate.getGroupSet(),
        aggregate.getGroupSets(),
        calls);
  }

  /**
   * Returns the total-order function that replaces a MIN or MAX call of a REAL or DOUBLE argument,
   * or null for other calls.
   */
  private static SqlAggFunction replacement(AggregateCall call, RelDataType argumentType) {
    SqlKind kind = call.getAggregation().getKind();
    if (kind != SqlKind.MIN && kind != SqlKind.MAX) {
      return null;
    }
    return switch (argumentType.getSqlTypeName()) {
      case DOUBLE, FLOAT -> kind == SqlKind.MIN ? MIN_DOUBLE : MAX_DOUBLE;
      case REAL -> kind == SqlKind.MIN ? MIN_REAL : MAX_REAL;
      default -> null;
    };
  }

  /** MIN of DOUBLE values. */
  public static final class MinDouble {
    private MinDouble() {}

    public static double init() {
      return Double.NaN;
    }

    public static double add(double minimum, double value) {
      return FloatComparisons.lessThan(value, minimum) ? value : minimum;
    }

    public static double result(double minimum) {
      return minimum;
    }
  }

  /** MAX of DOUBLE values. */
  public static final class MaxDouble {
    private MaxDouble() {}

    public static double init() {
      return Double.NEGATIVE_INFINITY;
    }

    public static double add(double maximum, double value) {
      return FloatComparisons.greaterThan(value, maximum) ? value : maximum;
    }

    public static double result(double maximum) {
      return maximum;
    }
  }

  /** MIN of REAL values. */
  public static final class MinReal {
    private MinReal() {}

    public static float init() {
      return Float.NaN;
    }

    public static float add(float minimum, float value) {
      return FloatComparisons.lessThan(value, minimum) ? value : minimum;
    }

    public static float result(float minimum) {
      return minimum;
    }
  }

  /** MAX of REAL values. */
  public static final class MaxReal {
    private MaxReal() {}

    public static float init() {
      return Float.NEGATIVE_INFINITY;
    }

    public static float add(float maximum, float value) {
      return FloatComparisons.greaterThan(value, maximum) ? value : maximum;
    }

    public static float result(float maximum) {
      return maximum;
    }
  }

  private static SqlAggFunction function(String name, Class<?> implementation) {
    AggregateFunctionImpl function = AggregateFunctionImpl.create(implementation);
    if (function == null) {
      throw new IllegalStateException(implementation + " lacks init or add");
    }
    return new SqlUserDefinedAggFunction(
        new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.ARG0_NULLABLE_IF_EMPTY,
        null,
        null,
        function,
        false,
        false,
        Optionality.FORBIDDEN);
  }
}
