package dev.warpsql.planner.lower;

import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.planner.schema.TypeMapping;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.Strong;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Decides which row expressions {@link RexLowering} can lower, so that the WARP rules convert only
 * operators whose expressions all have a kernel form and leave the rest to Enumerable.
 */
public final class RexSupport {
  private static final Set<SqlKind> LOWERED_KINDS =
      EnumSet.of(
          SqlKind.SEARCH,
          SqlKind.PLUS_PREFIX,
          SqlKind.PLUS,
          SqlKind.MINUS,
          SqlKind.MOD,
          SqlKind.TIMES,
          SqlKind.DIVIDE,
          SqlKind.MINUS_PREFIX,
          SqlKind.EQUALS,
          SqlKind.NOT_EQUALS,
          SqlKind.LESS_THAN,
          SqlKind.LESS_THAN_OR_EQUAL,
          SqlKind.GREATER_THAN,
          SqlKind.GREATER_THAN_OR_EQUAL,
          SqlKind.IS_DISTINCT_FROM,
          SqlKind.IS_NOT_DISTINCT_FROM,
          SqlKind.AND,
          SqlKind.OR,
          SqlKind.NOT,
          SqlKind.IS_NULL,
          SqlKind.IS_NOT_NULL,
          SqlKind.IS_TRUE,
          SqlKind.IS_NOT_TRUE,
          SqlKind.IS_FALSE,
          SqlKind.IS_NOT_FALSE,
          SqlKind.CASE,
          SqlKind.COALESCE,
          SqlKind.CAST,
          SqlKind.EXTRACT);

  /** Fields of a DATE, TIME or TIMESTAMP that kernels extract. */
  private static final Set<TimeUnitRange> EXTRACTED_UNITS =
      EnumSet.of(
          TimeUnitRange.YEAR,
          TimeUnitRange.QUARTER,
          TimeUnitRange.MONTH,
          TimeUnitRange.DAY,
          TimeUnitRange.DOY,
          TimeUnitRange.DOW,
          TimeUnitRange.EPOCH,
          TimeUnitRange.HOUR,
          TimeUnitRange.MINUTE,
          TimeUnitRange.SECOND,
          TimeUnitRange.MILLISECOND,
          TimeUnitRange.MICROSECOND);

  /** Fields of the time of day, which kernels compute from the microseconds since midnight. */
  static final Set<TimeUnitRange> TIME_OF_DAY_UNITS =
      EnumSet.of(
          TimeUnitRange.HOUR,
          TimeUnitRange.MINUTE,
          TimeUnitRange.SECOND,
          TimeUnitRange.MILLISECOND,
          TimeUnitRange.MICROSECOND);

  private RexSupport() {}

  /** Returns whether a call is the numeric function {@code ABS}. */
  static boolean isAbs(RexCall call) {
    return call.getOperator() == SqlStdOperatorTable.ABS;
  }

  /**
   * Returns why an expression over a WARP input cannot be lowered, or null when it can.
   *
   * @param inputRowType row type of the operator's input
   */
  public static String unsupportedReason(RexNode node, RelDataType inputRowType) {
    int stringColumn = singleStringInput(node, inputRowType);
    if (stringColumn >= 0 && isStringFunction(node, stringColumn)) {
      return TypeMapping.toDataType(node.getType()).isEmpty()
          ? "type " + node.getType().getFullTypeString() + " of " + node
          : null;
    }
    if (isNullTestOfColumn(node)) {
      return null;
    }
    if (TypeMapping.toDataType(node.getType()).isEmpty()) {
      return "type " + node.getType().getFullTypeString() + " of " + node;
    }
    if (node instanceof RexDynamicParam param) {
      // Kernels read no string parameter: a VARCHAR value needs a dictionary code, which only
      // a lookup over a column's dictionary computes, as for col = ?.
      return param.getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER
          ? "string parameter " + param
          : null;
    }
    if (node instanceof RexInputRef) {
      return null;
    }
    if (node instanceof RexLiteral literal) {
      return literal.getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER
              && !literal.isNull()
          ? "string literal " + literal
          : null;
    }
    if (!(node instanceof RexCall call)) {
      return "expression " + node;
    }
    if (!LOWERED_KINDS.contains(call.getKind()) && !isAbs(call)) {
      return "operator " + call.getOperator().getName();
    }
    if (isDatetimeIntervalArithmetic(call)) {
      RexNode datetime =
          isInterval(call.getOperands().get(0))
              ? call.getOperands().get(1)
              : call.getOperands().get(0);
      return unsupportedReason(datetime, inputRowType);
    }
    if (call.getKind() == SqlKind.CAST
        && call.getType().getSqlTypeName() == SqlTypeName.TIME
        && call.getType().getPrecision() < 6
        && call.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.TIME
        && call.getOperands().get(0).getType().getPrecision() > call.getType().getPrecision()) {
      return "CAST to " + call.getType();
    }
    if (call.getKind() == SqlKind.EXTRACT) {
      TimeUnitRange unit = ((RexLiteral) call.getOperands().get(0)).getValueAs(TimeUnitRange.class);
      if (!EXTRACTED_UNITS.contains(unit)) {
        return "EXTRACT(" + unit + ")";
      }
      SqlTypeName source = call.getOperands().get(1).getType().getSqlTypeName();
      boolean timeOfDay = TIME_OF_DAY_UNITS.contains(unit);
      if (timeOfDay ? source == SqlTypeName.DATE : source == SqlTypeName.TIME) {
        return "EXTRACT(" + unit + ") of " + source;
      }
      return unsupportedReason(call.getOperands().get(1), inputRowType);
    }
    if (call.getType().getSqlTypeName() == SqlTypeName.VARCHAR
        || call.getType().getSqlTypeName() == SqlTypeName.CHAR) {
      return "computed string " + call;
    }
    for (RexNode operand : call.getOperands()) {
      if (operand.getType().getFamily() == SqlTypeFamily.CHARACTER
          && call.getKind() != SqlKind.SEARCH) {
        return "string operand in " + call;
      }
      String reason = unsupportedReason(operand, inputRowType);
      if (reason != null) {
        return reason;
      }
    }
    return null;
  }

  /**
   * Returns whether a call is {@code DATE or TIMESTAMP ± interval literal}, which lowers to the
   * kernels' calendar operators. Only interval literals are accepted, which covers the intervals
   * that queries write; an interval computed per row falls back.
   */
  static boolean isDatetimeIntervalArithmetic(RexCall call) {
    SqlTypeName result = call.getType().getSqlTypeName();
    if (result != SqlTypeName.DATE && result != SqlTypeName.TIMESTAMP) {
      return false;
    }
    if (call.getKind() != SqlKind.PLUS && call.getKind() != SqlKind.MINUS) {
      return false;
    }
    RexNode first = call.getOperands().get(0);
    RexNode second = call.getOperands().get(1);
    boolean literalInterval =
        (isInterval(second) && second instanceof RexLiteral)
            || (call.getKind() == SqlKind.PLUS && isInterval(first) && first instanceof RexLiteral);
    return literalInterval && !(isInterval(first) && isInterval(second));
  }

  /**
   * Returns the two string columns that a string-valued expression reads, such as {@code a || b},
   * or null when it reads another number of columns, a column of another type, or a parameter. A
   * projection computes such an expression per distinct pair of codes (see {@link
   * StringPairProjection}).
   */
  public static int[] stringPairInputs(RexNode node, RelDataType inputRowType) {
    SqlTypeName result = node.getType().getSqlTypeName();
    boolean stringResult = result == SqlTypeName.CHAR || result == SqlTypeName.VARCHAR;
    if (!(node instanceof RexCall) || !stringResult || !RexUtil.isDeterministic(node)) {
      return null;
    }
    ImmutableBitSet inputs = RelOptUtil.InputFinder.bits(node);
    if (inputs.cardinality() != 2 || containsParameter(node)) {
      return null;
    }
    int[] columns = inputs.toArray();
    for (int column : columns) {
      RelDataType type = inputRowType.getFieldList().get(column).getType();
      if (type.getSqlTypeName().getFamily() != SqlTypeFamily.CHARACTER) {
        return null;
      }
    }
    return columns;
  }

  /**
   * Returns whether an expression is a CAST of a TIME or TIMESTAMP with a kernel form to a VARCHAR
   * long enough for every value's text, which a projection writes per distinct value (see {@link
   * StringPairProjection}). A shorter VARCHAR, which Calcite would cut the text to, is left to
   * Calcite.
   */
  // TODO: such a cast within a larger expression, say CAST(ts AS VARCHAR) || 'x', still runs in
  // Calcite, which stores milliseconds and so rejects values with microseconds.
  public static boolean isTimeText(RexNode node, RelDataType inputRowType) {
    if (node.getKind() != SqlKind.CAST
        || node.getType().getSqlTypeName() != SqlTypeName.VARCHAR
        || !(node instanceof RexCall cast)) {
      return false;
    }
    RexNode operand = cast.getOperands().get(0);
    SqlTypeName source = operand.getType().getSqlTypeName();
    int longestText =
        switch (source) {
          case TIME -> "HH:MM:SS.ffffff".length();
          case TIMESTAMP -> "YYYY-MM-DD HH:MM:SS.ffffff".length();
          default -> -1;
        };
    int length = node.getType().getPrecision();
    boolean fits = length == RelDataType.PRECISION_NOT_SPECIFIED || length >= longestText;
    return longestText > 0 && fits && unsupportedReason(operand, inputRowType) == null;
  }

  static boolean isInterval(RexNode node) {
    return SqlTypeName.INTERVAL_TYPES.contains(node.getType().getSqlTypeName());
  }

  /**
   * Returns whether an expression over one string column, other than the column itself, can run as
   * a per-dictionary-entry lookup. A lookup is NULL for a NULL code, so the expression must be NULL
   * for a NULL string too, or, when it is not (such as {@code s IS NULL}), its value for a NULL
   * string must be a constant the planner can compute: no parameters, and not a string.
   */
  static boolean isStringFunction(RexNode node, int column) {
    if (node instanceof RexInputRef || !RexUtil.isDeterministic(node)) {
      return false;
    }
    if (computesWithTimes(node)) {
      return false;
    }
    if (isStrict(node, column)) {
      return true;
    }
    SqlTypeName result = node.getType().getSqlTypeName();
    boolean stringResult = result == SqlTypeName.CHAR || result == SqlTypeName.VARCHAR;
    return !stringResult && !containsParameter(node);
  }

  /**
   * Returns whether an expression with a result other than a string has an operand, at any depth,
   * of type TIME or TIMESTAMP. Calcite's compiled expressions hold times in milliseconds, so such
   * an expression, say {@code CAST(s AS TIMESTAMP) > TIMESTAMP '2024-01-01 00:00:00.000001'}, is
   * lowered operator by operator, with only the CAST as a lookup, and the kernel compares
   * microseconds.
   */
  private static boolean computesWithTimes(RexNode node) {
    SqlTypeName result = node.getType().getSqlTypeName();
    if (result == SqlTypeName.CHAR || result == SqlTypeName.VARCHAR || !(node instanceof RexCall)) {
      return false;
    }
    boolean[] found = {false};
    for (RexNode operand : ((RexCall) node).getOperands()) {
      operand.accept(
          new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitCall(RexCall call) {
              found[0] |= isTime(call);
              return super.visitCall(call);
            }

            @Override
            public Void visitLiteral(RexLiteral literal) {
              found[0] |= isTime(literal);
              return null;
            }

            @Override
            public Void visitDynamicParam(RexDynamicParam param) {
              found[0] |= isTime(param);
              return null;
            }
          });
    }
    return found[0];
  }

  private static boolean isTime(RexNode node) {
    SqlTypeName type = node.getType().getSqlTypeName();
    return type == SqlTypeName.TIME || type == SqlTypeName.TIMESTAMP;
  }

  /** Returns whether an expression is a CAST of a string to TIME or TIMESTAMP. */
  static boolean isTimeCastOfText(RexNode node) {
    return node instanceof RexCall call
        && call.getKind() == SqlKind.CAST
        && isTime(call)
        && SqlTypeFamily.CHARACTER.contains(call.getOperands().get(0).getType());
  }

  private static boolean containsParameter(RexNode node) {
    boolean[] found = {false};
    node.accept(
        new RexVisitorImpl<Void>(true) {
          @Override
          public Void visitDynamicParam(RexDynamicParam param) {
            found[0] = true;
            return null;
          }
        });
    return found[0];
  }

  /**
   * String functions that return NULL when any argument is NULL, as the SQL standard defines them.
   * Calcite's null analysis does not know these, so without this list a projection such as {@code
   * SUBSTRING(s FROM 1 FOR 2)} could not become a lookup.
   */
  private static final Set<String> NULL_PROPAGATING_FUNCTIONS =
      Set.of(
          "SUBSTRING",
          "UPPER",
          "LOWER",
          "TRIM",
          "LTRIM",
          "RTRIM",
          "CHAR_LENGTH",
          "CHARACTER_LENGTH",
          "POSITION",
          "||",
          "CONCAT",
          "REPLACE",
          "INITCAP",
          "OVERLAY",
          "LEFT",
          "RIGHT",
          "LPAD",
          "RPAD",
          "REVERSE",
          "ASCII",
          "OCTET_LENGTH",
          "LIKE",
          "NOT LIKE",
          "SIMILAR TO",
          "STARTS_WITH",
          "ENDS_WITH");

  /** Returns whether an expression is certainly NULL when input {@code column} is NULL. */
  static boolean isStrict(RexNode node, int column) {
    if (Strong.isNull(node, ImmutableBitSet.of(column))) {
      return true;
    }
    if (!(node instanceof RexCall call)) {
      return false;
    }
    boolean propagates =
        call.getKind() == SqlKind.CAST
            || NULL_PROPAGATING_FUNCTIONS.contains(call.getOperator().getName());
    if (!propagates) {
      return false;
    }
    for (RexNode operand : call.getOperands()) {
      if (operand instanceof RexInputRef ref
          ? ref.getIndex() == column
          : isStrict(operand, column)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether an expression is {@code x IS [NOT] NULL} of an input column. */
  private static boolean isNullTestOfColumn(RexNode node) {
    return (node.getKind() == SqlKind.IS_NULL || node.getKind() == SqlKind.IS_NOT_NULL)
        && ((RexCall) node).getOperands().get(0) instanceof RexInputRef;
  }

  /**
   * Returns the one input column that an expression reads when that column is a string, or -1 when
   * it reads no column, several, or one that is not a string.
   */
  static int singleStringInput(RexNode node, List<Expr> columns) {
    int column = singleInput(node);
    if (column < 0 || columns.get(column).type().kind() != TypeKind.VARCHAR) {
      return -1;
    }
    return column;
  }

  private static int singleStringInput(RexNode node, RelDataType inputRowType) {
    int column = singleInput(node);
    if (column < 0) {
      return -1;
    }
    SqlTypeName type = inputRowType.getFieldList().get(column).getType().getSqlTypeName();
    return type == SqlTypeName.VARCHAR || type == SqlTypeName.CHAR ? column : -1;
  }

  /** Returns the type of input column {@code column} as an expression reads it. */
  static RelDataType inputType(RexNode node, int column) {
    RelDataType[] found = new RelDataType[1];
    node.accept(
        new RexVisitorImpl<Void>(true) {
          @Override
          public Void visitInputRef(RexInputRef ref) {
            if (ref.getIndex() == column) {
              found[0] = ref.getType();
            }
            return null;
          }
        });
    return found[0];
  }

  private static int singleInput(RexNode node) {
    int[] column = {-1};
    boolean[] several = {false};
    node.accept(
        new RexVisitorImpl<Void>(true) {
          @Override
          public Void visitInputRef(RexInputRef ref) {
            if (column[0] >= 0 && column[0] != ref.getIndex()) {
              several[0] = true;
            }
            column[0] = ref.getIndex();
            return null;
          }
        });
    return several[0] ? -1 : column[0];
  }
}
