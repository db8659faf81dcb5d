package dev.warpsql.planner.lower;

import dev.warpsql.executor.pipeline.ColumnOrigin;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ParamRef;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.planner.rules.CodePointFunctions;
import dev.warpsql.planner.schema.TypeMapping;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Lowers Calcite row expressions over an open {@link Stream} into kernel IR.
 *
 * <p>Input references become the stream's current column expressions, so a projection's expressions
 * are inlined into whatever reads them. A BOOLEAN expression whose only input is one VARCHAR column
 * becomes a {@link CodeLookup}: it is evaluated per dictionary entry at execution time (see {@link
 * StringFunctionLookup}). Operand types are made explicit with CASTs where Calcite leaves them
 * implicit, so that the kernel's operators always see operands of the kinds their contract names.
 */
public final class RexLowering {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final Stream stream;
  private final RexBuilder rexBuilder;
  private final List<StringFunctionLookup> newLookups = new ArrayList<>();

  public RexLowering(Stream stream, RexBuilder rexBuilder) {
    this.stream = stream;
    this.rexBuilder = rexBuilder;
  }

  /** Returns the lookup tables created by {@link #lower}, to add to the stream in order. */
  public List<StringFunctionLookup> newLookups() {
    return newLookups;
  }

  /** Returns the stream with the lookup tables that lowering created. */
  public Stream streamWithLookups(Stream target) {
    Stream result = target;
    for (StringFunctionLookup lookup : newLookups) {
      result = result.withLookup(lookup);
    }
    return result;
  }

  /** Lowers one expression; throws {@link UnsupportedLoweringException} when it has no form. */
  public Expr lower(RexNode node) {
    int stringColumn = RexSupport.singleStringInput(node, stream.columns());
    if (stringColumn >= 0 && RexSupport.isStringFunction(node, stringColumn)) {
      return lookup(node, stringColumn);
    }
    if (node instanceof RexInputRef ref) {
      Expr column = stream.columns().get(ref.getIndex());
      boolean passthrough =
          column instanceof InputRef || column instanceof BuildRef || column instanceof CodeMap;
      if (column.type().kind() == TypeKind.VARCHAR && !passthrough) {
        throw new UnsupportedLoweringException("computed VARCHAR column " + ref);
      }
      return column;
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (node instanceof RexDynamicParam param) {
      return new ParamRef(param.getIndex(), TypeMapping.require(param.getType()));
    }
    if (node instanceof RexCall call) {
      return call(call);
    }
    throw new UnsupportedLoweringException("expression " + node);
  }

  private Expr lookup(RexNode node, int stringColumn) {
    RexNode rebased =
        node.accept(
            new RexShuttle() {
              @Override
              public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(0, ref.getType());
              }

              @Override
              public RexNode visitDynamicParam(RexDynamicParam param) {
                // A string parameter takes the type of what it is compared with, such as
                // VARCHAR(1); read it unbounded so that a longer value is not cut to fit.
                SqlTypeName type = param.getType().getSqlTypeName();
                if (type != SqlTypeName.CHAR && type != SqlTypeName.VARCHAR) {
                  return param;
                }
                var typeFactory = rexBuilder.getTypeFactory();
                var unbounded =
                    typeFactory.createTypeWithNullability(
                        typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
                return new RexDynamicParam(unbounded, param.getIndex());
              }
            });
    RelDataType inputRowType =
        rexBuilder
            .getTypeFactory()
            .builder()
            .add("value", RexSupport.inputType(node, stringColumn))
            .build();
    Function1<DataContext, Object[]> function = StringSetFunction.of(rebased);
    if (function == null) {
      function = LikeFunction.of(rebased);
    }
    if (function == null) {
      RexNode compilable =
          CodePointFunctions.rewrite(
              rexBuilder, rebased.accept(new DistinctFromExpansion(rexBuilder)));
      function =
          RexExecutorImpl.getExecutable(rexBuilder, List.of(compilable), inputRowType)
              .getFunction();
    }
    Expr code = stream.columns().get(stringColumn);
    ColumnOrigin origin = codeOrigin(code);
    if (origin == null) {
      throw new UnsupportedLoweringException("string function of a computed VARCHAR " + node);
    }
    DataType resultType = TypeMapping.require(node.getType());
    int table = stream.lookups().size() + newLookups.size();
    newLookups.add(
        new StringFunctionLookup(
            origin, function, resultType, node.toString(), RexSupport.isTimeCastOfText(node)));
    Expr lookup =
        resultType.kind() == TypeKind.BOOLEAN
            ? new CodeLookup(code, table)
            : new CodeMap(code, table, resultType);
    if (RexSupport.isStrict(node, stringColumn)) {
      return lookup;
    }
    Object nullResult = StringFunctionLookup.valueForNull(function);
    if (nullResult == null) {
      return lookup;
    }
    Expr constant = literal((RexLiteral) rexBuilder.makeLiteral(nullResult, node.getType()));
    Expr isNull = new Call(Operator.IS_NULL, List.of(code), DataType.BOOLEAN, false);
    return new Call(Operator.CASE, List.of(isNull, constant, lookup), resultType, true);
  }

  /**
   * Returns where the codes of a VARCHAR column come from, which locates its dictionary at
   * execution time, or null when the column is no column of codes.
   */
  static ColumnOrigin codeOrigin(Expr code) {
    if (code instanceof InputRef source) {
      return ColumnOrigin.input(source.index());
    }
    if (code instanceof BuildRef build) {
      return ColumnOrigin.build(build.probe(), build.column());
    }
    if (code instanceof CodeMap map) {
      return ColumnOrigin.lookup(map.table());
    }
    return null;
  }

  private Expr literal(RexLiteral literal) {
    return toLiteral(literal);
  }

  /** Returns a constant of a non-string type in its kernel form. */
  public static Literal toLiteral(RexLiteral literal) {
    DataType type = TypeMapping.require(literal.getType());
    if (literal.isNull()) {
      return Literal.nullOf(type);
    }
    return switch (type.kind()) {
      case BOOLEAN -> new Literal(literal.getValueAs(Boolean.class), type);
      case TINYINT, SMALLINT, INTEGER, BIGINT -> new Literal(literal.getValueAs(Long.class), type);
      case DECIMAL -> {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        long unscaled =
            value.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue().longValueExact();
        yield new Literal(unscaled, type);
      }
      case REAL, DOUBLE -> new Literal(literal.getValueAs(Double.class), type);
      case DATE -> new Literal(literal.getValueAs(Integer.class).longValue(), type);
      case TIME, TIMESTAMP -> new Literal(SecondFractions.literalMicros(literal), type);
      case VARCHAR -> throw new UnsupportedLoweringException("string literal " + literal);
    };
  }

  private Expr call(RexCall call) {
    DataType type = TypeMapping.require(call.getType());
    boolean nullable = call.getType().isNullable();
    SqlKind kind = call.getKind();
    switch (kind) {
      case SEARCH:
        return new SearchLowering(rexBuilder, this::lower).lower(call);
      case PLUS_PREFIX:
        return lower(call.getOperands().get(0));
      case PLUS:
      case MINUS:
        if (RexSupport.isDatetimeIntervalArithmetic(call)) {
          return datetimeArithmetic(call, type, nullable);
        }
        return arithmetic(
            kind == SqlKind.PLUS ? Operator.PLUS : Operator.MINUS, call, type, nullable, false);
      case MOD:
        return remainder(call, type, nullable);
      case TIMES:
        return arithmetic(Operator.TIMES, call, type, nullable, true);
      case DIVIDE:
        return arithmetic(Operator.DIVIDE, call, type, nullable, true);
      case MINUS_PREFIX:
        return new Call(
            Operator.NEGATE, List.of(cast(lower(call.getOperands().get(0)), type)), type, nullable);
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(call, nullable);
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM:
        return distinctFrom(call);
      case AND:
      case OR:
        return new Call(
            kind == SqlKind.AND ? Operator.AND : Operator.OR,
            lowerAll(call),
            DataType.BOOLEAN,
            nullable);
      case NOT:
        return new Call(Operator.NOT, lowerAll(call), DataType.BOOLEAN, nullable);
      case IS_NULL:
      case IS_NOT_NULL:
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE:
        return new Call(Operator.valueOf(kind.name()), lowerAll(call), DataType.BOOLEAN, false);
      case CASE:
        return caseCall(call, type, nullable);
      case COALESCE:
        List<Expr> operands = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
          operands.add(implicitCast(lower(operand), type, call));
        }
        return new Call(Operator.COALESCE, operands, type, nullable);
      case CAST:
        return truncateSeconds(cast(lower(call.getOperands().get(0)), type), call, nullable);
      case EXTRACT:
        return extract(call, type, nullable);
      default:
        if (RexSupport.isAbs(call)) {
          return absoluteValue(call, type, nullable);
        }
        throw new UnsupportedLoweringException("operator " + call.getOperator().getName());
    }
  }

  /**
   * Cuts a TIMESTAMP to the fractional digits of a CAST's target type, such as TIMESTAMP(0), as
   * Calcite cuts a literal. Kernels keep every TIMESTAMP in microseconds, so the type alone cuts
   * nothing. A cast to TIME with fewer than six digits is not lowered, because kernels have no TIME
   * arithmetic to cut it with.
   */
  private static Expr truncateSeconds(Expr value, RexCall cast, boolean nullable) {
    RelDataType target = cast.getType();
    SqlTypeName name = target.getSqlTypeName();
    int precision = target.getPrecision();
    if ((name != SqlTypeName.TIMESTAMP && name != SqlTypeName.TIME) || precision >= 6) {
      return value;
    }
    RelDataType source = cast.getOperands().get(0).getType();
    boolean sameKind = source.getSqlTypeName() == name;
    if (sameKind && source.getPrecision() <= precision) {
      return value;
    }
    if (name == SqlTypeName.TIME) {
      throw new UnsupportedLoweringException("CAST to " + target);
    }
    long unit = (long) Math.pow(10, 6 - precision);
    Expr micros = new Call(Operator.MICROSECOND_OF_DAY, List.of(value), DataType.BIGINT, nullable);
    Expr below = bigint(Operator.MOD, micros, unit, nullable);
    Expr back = new Call(Operator.NEGATE, List.of(below), DataType.BIGINT, nullable);
    return new Call(Operator.ADD_MICROSECONDS, List.of(value, back), value.type(), nullable);
  }

  private List<Expr> lowerAll(RexCall call) {
    List<Expr> operands = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      operands.add(lower(operand));
    }
    return operands;
  }

  private Expr arithmetic(
      Operator operator, RexCall call, DataType type, boolean nullable, boolean keepScales) {
    List<Expr> operands = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      Expr lowered = lower(operand);
      if (keepScales && type.kind() == TypeKind.DECIMAL) {
        operands.add(asDecimal(lowered));
      } else {
        operands.add(cast(lowered, type));
      }
    }
    return new Call(operator, operands, type, nullable);
  }

  /**
   * Lowers {@code datetime ± interval literal}: months and years become ADD_MONTHS, whole days on a
   * DATE become ADD_DAYS, and day-time intervals on a TIMESTAMP become ADD_MICROSECONDS.
   */
  private Expr datetimeArithmetic(RexCall call, DataType type, boolean nullable) {
    RexNode first = call.getOperands().get(0);
    RexNode second = call.getOperands().get(1);
    boolean intervalFirst = RexSupport.isInterval(first);
    RexLiteral interval = (RexLiteral) (intervalFirst ? first : second);
    Expr datetime = cast(lower(intervalFirst ? second : first), type);
    BigDecimal amount = interval.getValueAs(BigDecimal.class);
    if (call.getKind() == SqlKind.MINUS) {
      amount = amount.negate();
    }

    Operator operator;
    long count;
    if (interval.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
      operator = Operator.ADD_MONTHS;
      count = amount.longValueExact();
    } else if (type.kind() == TypeKind.DATE) {
      BigDecimal[] days = amount.divideAndRemainder(BigDecimal.valueOf(MILLIS_PER_DAY));
      if (days[1].signum() != 0) {
        throw new UnsupportedLoweringException("DATE plus a fraction of a day " + call);
      }
      operator = Operator.ADD_DAYS;
      count = days[0].longValueExact();
    } else {
      operator = Operator.ADD_MICROSECONDS;
      count = amount.multiply(BigDecimal.valueOf(1000)).longValueExact();
    }
    Literal countLiteral = Literal.ofLong(count, DataType.BIGINT);
    return new Call(operator, List.of(datetime, countLiteral), type, nullable);
  }

  /**
   * Lowers MOD in a type wide enough for both operands, then converts to the call's type. SQL types
   * MOD like its divisor, and the remainder always fits it, but the dividend may not.
   */
  private Expr remainder(RexCall call, DataType type, boolean nullable) {
    Expr dividend = lower(call.getOperands().get(0));
    Expr divisor = lower(call.getOperands().get(1));
    DataType wide = remainderType(dividend.type(), divisor.type(), type);
    Expr remainder =
        new Call(Operator.MOD, List.of(cast(dividend, wide), cast(divisor, wide)), wide, nullable);
    return cast(remainder, type);
  }

  private static DataType remainderType(DataType dividend, DataType divisor, DataType result) {
    boolean decimal = dividend.kind() == TypeKind.DECIMAL || divisor.kind() == TypeKind.DECIMAL;
    if (decimal) {
      int scale = Math.max(dividend.scale(), divisor.scale());
      return DataType.decimal(DataType.MAX_DECIMAL_PRECISION, scale);
    }
    if (dividend.kind().isExactNumeric() && divisor.kind().isExactNumeric()) {
      return DataType.BIGINT;
    }
    return result;
  }

  /** Returns an exact operand as a DECIMAL of its own scale, for TIMES and DIVIDE. */
  private static Expr asDecimal(Expr operand) {
    TypeKind kind = operand.type().kind();
    int digits =
        switch (kind) {
          case DECIMAL -> -1;
          case TINYINT -> 3;
          case SMALLINT -> 5;
          case INTEGER -> 10;
          case BIGINT -> 19;
          default ->
              throw new UnsupportedLoweringException("DECIMAL arithmetic with " + operand.type());
        };
    return digits < 0 ? operand : cast(operand, DataType.decimal(digits, 0));
  }

  private Expr comparison(RexCall call, boolean nullable) {
    Operator operator = Operator.valueOf(call.getKind().name());
    return new Call(operator, comparedOperands(call), DataType.BOOLEAN, nullable);
  }

  /** Returns the two operands of a comparison, converted to their common type. */
  private List<Expr> comparedOperands(RexCall call) {
    Expr left = lower(withoutExactWidening(call.getOperands().get(0)));
    Expr right = lower(withoutExactWidening(call.getOperands().get(1)));
    DataType common = comparisonType(left.type(), right.type());
    if (common != null) {
      left = cast(left, common);
      right = cast(right, common);
    }
    return List.of(left, right);
  }

  /**
   * Lowers {@code a IS [NOT] DISTINCT FROM b} as {@code CASE WHEN a IS NULL THEN b IS NULL WHEN b
   * IS NULL THEN FALSE ELSE a = b END}, negated for IS DISTINCT FROM. The result is never NULL.
   */
  private Expr distinctFrom(RexCall call) {
    List<Expr> operands = comparedOperands(call);
    Expr leftNull = new Call(Operator.IS_NULL, operands.subList(0, 1), DataType.BOOLEAN, false);
    Expr rightNull = new Call(Operator.IS_NULL, operands.subList(1, 2), DataType.BOOLEAN, false);
    Expr equal = new Call(Operator.EQUALS, operands, DataType.BOOLEAN, false);
    Expr same =
        new Call(
            Operator.CASE,
            List.of(leftNull, rightNull, rightNull, new Literal(false, DataType.BOOLEAN), equal),
            DataType.BOOLEAN,
            false);
    if (call.getKind() == SqlKind.IS_NOT_DISTINCT_FROM) {
      return same;
    }
    return new Call(Operator.NOT, List.of(same), DataType.BOOLEAN, false);
  }

  /**
   * Returns the operand of a CAST from an exact number to a DECIMAL that keeps its digits, such as
   * the {@code CAST(b AS DECIMAL(19, 3))} that Calcite puts on the BIGINT side of {@code b = d} for
   * a DECIMAL(12, 3) {@code d}, or the node itself. Kernels compare exact numbers of any scale
   * exactly, and without the cast a BIGINT beyond 10^16 compares instead of overflowing the wider
   * DECIMAL, as the SQL standard compares numbers by their values.
   */
  // NOTE: a CAST that the statement wrote itself is dropped too, so CAST(b AS DECIMAL(19, 3)) = d
  // compares where the cast alone would raise 22003.
  private static RexNode withoutExactWidening(RexNode node) {
    if (node.getKind() != SqlKind.CAST
        || node.getType().getSqlTypeName() != SqlTypeName.DECIMAL
        || !(node instanceof RexCall cast)) {
      return node;
    }
    RexNode operand = cast.getOperands().get(0);
    RelDataType from = operand.getType();
    boolean integer = SqlTypeName.INT_TYPES.contains(from.getSqlTypeName());
    boolean narrowerDecimal =
        from.getSqlTypeName() == SqlTypeName.DECIMAL
            && from.getScale() <= node.getType().getScale();
    return integer || narrowerDecimal ? operand : node;
  }

  /** Returns the type both sides of a comparison convert to, or null when none is needed. */
  static DataType comparisonType(DataType left, DataType right) {
    TypeKind l = left.kind();
    TypeKind r = right.kind();
    if (l == r) {
      return null;
    }
    if (l.isApproximateNumeric() || r.isApproximateNumeric()) {
      if ((l.isApproximateNumeric() || l.isExactNumeric())
          && (r.isApproximateNumeric() || r.isExactNumeric())) {
        return DataType.DOUBLE;
      }
    } else if (l.isExactNumeric() && r.isExactNumeric()) {
      if (l == TypeKind.DECIMAL || r == TypeKind.DECIMAL) {
        return null;
      }
      return DataType.BIGINT;
    } else if ((l == TypeKind.DATE && r == TypeKind.TIMESTAMP)
        || (l == TypeKind.TIMESTAMP && r == TypeKind.DATE)) {
      return DataType.TIMESTAMP;
    }
    throw new UnsupportedLoweringException("comparison of " + left + " with " + right);
  }

  private Expr caseCall(RexCall call, DataType type, boolean nullable) {
    List<RexNode> rexOperands = call.getOperands();
    List<Expr> operands = new ArrayList<>();
    for (int i = 0; i < rexOperands.size(); i++) {
      Expr lowered = lower(rexOperands.get(i));
      boolean isCondition = i % 2 == 0 && i < rexOperands.size() - 1;
      operands.add(isCondition ? lowered : implicitCast(lowered, type, call));
    }
    return new Call(Operator.CASE, operands, type, nullable);
  }

  /**
   * Lowers {@code ABS(x)} as {@code CASE WHEN x < 0 THEN -x ELSE x END}, so the negation raises on
   * the minimum of an exact type as NEGATE does. An approximate {@code x} in the ELSE branch has
   * zero added, which turns -0.0 into 0.0 as Java's {@code Math.abs} does.
   */
  private Expr absoluteValue(RexCall call, DataType type, boolean nullable) {
    Expr value = cast(lower(call.getOperands().get(0)), type);
    boolean approximate = type.kind().isApproximateNumeric();
    Literal zero = approximate ? new Literal(0.0, type) : new Literal(0L, type);
    Expr negative =
        new Call(Operator.LESS_THAN, List.of(value, zero), DataType.BOOLEAN, value.nullable());
    Expr negated = new Call(Operator.NEGATE, List.of(value), type, value.nullable());
    Expr kept =
        approximate ? new Call(Operator.PLUS, List.of(value, zero), type, value.nullable()) : value;
    return new Call(Operator.CASE, List.of(negative, negated, kept), type, nullable);
  }

  private Expr extract(RexCall call, DataType type, boolean nullable) {
    TimeUnitRange unit = ((RexLiteral) call.getOperands().get(0)).getValueAs(TimeUnitRange.class);
    Expr value = lower(call.getOperands().get(1));
    if (RexSupport.TIME_OF_DAY_UNITS.contains(unit)) {
      return cast(timeOfDayField(unit, value, nullable), type);
    }
    Operator operator =
        switch (unit) {
          case YEAR -> Operator.EXTRACT_YEAR;
          case QUARTER -> Operator.EXTRACT_QUARTER;
          case MONTH -> Operator.EXTRACT_MONTH;
          case DAY -> Operator.EXTRACT_DAY;
          case DOY -> Operator.EXTRACT_DOY;
          case DOW -> Operator.EXTRACT_DOW;
          case EPOCH -> Operator.EXTRACT_EPOCH;
          default -> throw new UnsupportedLoweringException("EXTRACT(" + unit + ")");
        };
    Expr extracted = new Call(operator, List.of(value), DataType.BIGINT, nullable);
    return cast(extracted, type);
  }

  /**
   * Returns a field of the time of day of a TIME or TIMESTAMP, as BIGINT, computed from its
   * microseconds since midnight. MILLISECOND and MICROSECOND include the seconds, as in Calcite and
   * DuckDB: 12:00:05.123456 has 5123 milliseconds and 5123456 microseconds.
   */
  private static Expr timeOfDayField(TimeUnitRange unit, Expr value, boolean nullable) {
    TypeKind kind = value.type().kind();
    if (kind != TypeKind.TIME && kind != TypeKind.TIMESTAMP) {
      throw new UnsupportedLoweringException("EXTRACT(" + unit + ") of " + value.type());
    }
    Expr micros = new Call(Operator.MICROSECOND_OF_DAY, List.of(value), DataType.BIGINT, nullable);
    return switch (unit) {
      case HOUR -> bigint(Operator.DIVIDE, micros, 3_600_000_000L, nullable);
      case MINUTE -> within(micros, 60_000_000L, 60, nullable);
      case SECOND -> within(micros, 1_000_000L, 60, nullable);
      case MILLISECOND -> within(micros, 1000L, 60_000, nullable);
      case MICROSECOND -> bigint(Operator.MOD, micros, 60_000_000L, nullable);
      default -> throw new UnsupportedLoweringException("EXTRACT(" + unit + ")");
    };
  }

  /** Returns {@code micros / unit % count}, the count of whole units within the next larger one. */
  private static Expr within(Expr micros, long unit, long count, boolean nullable) {
    return bigint(Operator.MOD, bigint(Operator.DIVIDE, micros, unit, nullable), count, nullable);
  }

  private static Expr bigint(Operator operator, Expr left, long right, boolean nullable) {
    Expr constant = new Literal(right, DataType.BIGINT);
    return new Call(operator, List.of(left, constant), DataType.BIGINT, nullable);
  }

  /**
   * Converts an operand to the type that Calcite derived for a COALESCE or CASE. Calcite caps
   * DECIMAL at 19 digits, so mixing DECIMAL(15, 2) with BIGINT derives DECIMAL(19, 0), which would
   * drop the fraction of every DECIMAL value: such a conversion is rejected rather than run,
   * because a silently rounded result is wrong.
   */
  private static Expr implicitCast(Expr expr, DataType target, RexCall call) {
    DataType source = expr.type();
    if (source.kind() == TypeKind.DECIMAL
        && target.kind().isExactNumeric()
        && source.scale() > (target.kind() == TypeKind.DECIMAL ? target.scale() : 0)) {
      throw new UnsupportedLoweringException(
          call.getOperator().getName()
              + " mixes "
              + source
              + " with a type whose common type is "
              + target
              + ", which would drop fractional digits; cast the operands to one DECIMAL type");
    }
    return cast(expr, target);
  }

  /** Returns the expression converted to the target type, for operators outside this class. */
  public static Expr castTo(Expr expr, DataType target) {
    if (expr.type().kind() == TypeKind.VARCHAR && target.kind() == TypeKind.VARCHAR) {
      return expr;
    }
    return cast(expr, target);
  }

  // NOTE: kernels round REAL and DOUBLE to integers half away from zero, while Calcite's
  // Enumerable fallback truncates, so the same CAST can differ between plans.
  /** Returns the expression converted to the target type, or itself when it already has it. */
  static Expr cast(Expr expr, DataType target) {
    if (expr.type().equals(target)) {
      return expr;
    }
    if (expr.type().kind() == TypeKind.VARCHAR || target.kind() == TypeKind.VARCHAR) {
      throw new UnsupportedLoweringException("CAST from " + expr.type() + " to " + target);
    }
    if (expr.type().kind() == TypeKind.BOOLEAN || target.kind() == TypeKind.BOOLEAN) {
      throw new UnsupportedLoweringException("CAST from " + expr.type() + " to " + target);
    }
    return new Call(Operator.CAST, List.of(expr), target, expr.nullable());
  }
}
