package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InSet;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ParamRef;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernel programs that cover every operator on every type combination the PTX emitter supports,
 * both sinks, keyed and global aggregates, lookups and parameters. Each program reads one nullable
 * input column per entry of {@link #TYPES}, so that {@link #in(DataType)} finds a column of any
 * type.
 */
final class PtxTestPrograms {
  static final DataType DECIMAL_15_2 = DataType.decimal(15, 2);
  static final DataType DECIMAL_12_4 = DataType.decimal(12, 4);
  static final DataType DECIMAL_19_19 = DataType.decimal(19, 19);
  static final DataType DECIMAL_19_0 = DataType.decimal(19, 0);

  /** Types of the input columns, in column order. */
  static final List<DataType> TYPES =
      List.of(
          DataType.BOOLEAN,
          DataType.TINYINT,
          DataType.SMALLINT,
          DataType.INTEGER,
          DataType.BIGINT,
          DataType.REAL,
          DataType.DOUBLE,
          DECIMAL_15_2,
          DECIMAL_12_4,
          DECIMAL_19_19,
          DECIMAL_19_0,
          DataType.DATE,
          DataType.TIME,
          DataType.TIMESTAMP,
          DataType.VARCHAR);

  static final List<DataType> NUMERIC =
      List.of(
          DataType.TINYINT,
          DataType.SMALLINT,
          DataType.INTEGER,
          DataType.BIGINT,
          DataType.REAL,
          DataType.DOUBLE,
          DECIMAL_15_2,
          DECIMAL_12_4,
          DECIMAL_19_19,
          DECIMAL_19_0);

  /** A named program of the table. */
  record Case(String name, KernelProgram program) {
    @Override
    public String toString() {
      return name;
    }
  }

  private PtxTestPrograms() {}

  static InputRef in(DataType type) {
    int index = TYPES.indexOf(type);
    if (index < 0) {
      throw new IllegalArgumentException("no input column of type " + type);
    }
    return new InputRef(index, type, true);
  }

  static List<InputColumn> inputs() {
    List<InputColumn> columns = new ArrayList<>();
    for (DataType type : TYPES) {
      columns.add(new InputColumn(type, true));
    }
    return columns;
  }

  static KernelProgram materialize(String name, Expr filter, List<Expr> outputs) {
    return new KernelProgram(name, inputs(), List.of(), 0, filter, new MaterializeSink(outputs));
  }

  static KernelProgram aggregate(
      String name, Expr filter, List<Expr> keys, List<AggregateCall> calls) {
    return new KernelProgram(name, inputs(), List.of(), 0, filter, new AggregateSink(keys, calls));
  }

  /** Returns the whole table. */
  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(arithmetic());
    cases.addAll(comparisons());
    cases.addAll(logic());
    cases.addAll(casts());
    cases.addAll(others());
    cases.addAll(aggregates());
    cases.addAll(PtxCodeMapPrograms.all());
    cases.addAll(PtxCalendarPrograms.all());
    cases.addAll(PtxJoinPrograms.all());
    return cases;
  }

  static List<Case> arithmetic() {
    List<Case> cases = new ArrayList<>();
    for (Operator operator :
        List.of(Operator.PLUS, Operator.MINUS, Operator.TIMES, Operator.DIVIDE, Operator.MOD)) {
      List<Expr> outputs = new ArrayList<>();
      for (DataType type : NUMERIC) {
        outputs.add(Call.of(operator, type, in(type), in(type)));
      }
      // mixed operand types, converted to the call's type first
      outputs.add(Call.of(operator, DataType.BIGINT, in(DataType.INTEGER), in(DataType.BIGINT)));
      outputs.add(Call.of(operator, DataType.DOUBLE, in(DataType.REAL), in(DECIMAL_15_2)));
      outputs.add(Call.of(operator, DataType.INTEGER, in(DataType.DOUBLE), in(DataType.TINYINT)));
      outputs.add(Call.of(operator, DataType.decimal(19, 4), in(DECIMAL_15_2), in(DECIMAL_12_4)));
      outputs.add(
          Call.of(operator, DataType.decimal(18, 6), in(DataType.BIGINT), in(DECIMAL_12_4)));
      // scale differences of 38 and 19 digits
      outputs.add(Call.of(operator, DECIMAL_19_0, in(DECIMAL_19_19), in(DECIMAL_19_19)));
      outputs.add(Call.of(operator, DECIMAL_19_19, in(DECIMAL_19_0), in(DECIMAL_19_19)));
      cases.add(new Case(operator.name(), materialize(operator.name(), null, outputs)));
    }
    List<Expr> negations = new ArrayList<>();
    for (DataType type : NUMERIC) {
      negations.add(Call.of(Operator.NEGATE, type, in(type)));
    }
    negations.add(Call.of(Operator.NEGATE, DECIMAL_19_0, in(DECIMAL_15_2)));
    cases.add(new Case("NEGATE", materialize("NEGATE", null, negations)));
    return cases;
  }

  static List<Case> comparisons() {
    List<Case> cases = new ArrayList<>();
    for (Operator operator :
        List.of(
            Operator.EQUALS,
            Operator.NOT_EQUALS,
            Operator.LESS_THAN,
            Operator.LESS_THAN_OR_EQUAL,
            Operator.GREATER_THAN,
            Operator.GREATER_THAN_OR_EQUAL)) {
      List<Expr> outputs = new ArrayList<>();
      for (DataType type : TYPES) {
        outputs.add(Call.of(operator, DataType.BOOLEAN, in(type), in(type)));
      }
      outputs.add(Call.of(operator, DataType.BOOLEAN, in(DECIMAL_15_2), in(DECIMAL_12_4)));
      outputs.add(Call.of(operator, DataType.BOOLEAN, in(DECIMAL_19_0), in(DECIMAL_19_19)));
      outputs.add(Call.of(operator, DataType.BOOLEAN, in(DataType.INTEGER), in(DECIMAL_15_2)));
      outputs.add(Call.of(operator, DataType.BOOLEAN, in(DataType.DOUBLE), in(DataType.BIGINT)));
      outputs.add(Call.of(operator, DataType.BOOLEAN, in(DataType.REAL), in(DECIMAL_12_4)));
      // REAL and DOUBLE operands that may be NaN on one side, on both, or against a literal
      outputs.add(Call.of(operator, DataType.BOOLEAN, in(DataType.REAL), in(DataType.DOUBLE)));
      Literal nan = new Literal(Double.NaN, DataType.DOUBLE);
      outputs.add(Call.of(operator, DataType.BOOLEAN, in(DataType.DOUBLE), nan));
      Literal negativeZero = new Literal(-0.0, DataType.REAL);
      outputs.add(Call.of(operator, DataType.BOOLEAN, negativeZero, in(DataType.REAL)));
      Expr filter = Call.of(operator, DataType.BOOLEAN, in(DataType.DATE), in(DataType.DATE));
      cases.add(new Case(operator.name(), materialize(operator.name(), filter, outputs)));
    }
    return cases;
  }

  static List<Case> logic() {
    Expr a = in(DataType.BOOLEAN);
    Expr b =
        Call.of(
            Operator.LESS_THAN, DataType.BOOLEAN, in(DataType.INTEGER), lit(10, DataType.INTEGER));
    Expr c = Call.of(Operator.IS_NOT_NULL, DataType.BOOLEAN, in(DataType.VARCHAR));
    List<Expr> outputs = new ArrayList<>();
    outputs.add(Call.of(Operator.AND, DataType.BOOLEAN, a, b, c));
    outputs.add(Call.of(Operator.OR, DataType.BOOLEAN, a, b, c));
    outputs.add(Call.of(Operator.NOT, DataType.BOOLEAN, a));
    for (Operator test :
        List.of(
            Operator.IS_NULL,
            Operator.IS_NOT_NULL,
            Operator.IS_TRUE,
            Operator.IS_NOT_TRUE,
            Operator.IS_FALSE,
            Operator.IS_NOT_FALSE)) {
      outputs.add(Call.of(test, DataType.BOOLEAN, a));
      outputs.add(Call.of(test, DataType.BOOLEAN, new Literal(true, DataType.BOOLEAN)));
    }
    Expr filter = Call.of(Operator.OR, DataType.BOOLEAN, a, Literal.nullOf(DataType.BOOLEAN));
    return List.of(new Case("logic", materialize("logic", filter, outputs)));
  }

  static List<Case> casts() {
    List<Case> cases = new ArrayList<>();
    for (DataType from : NUMERIC) {
      List<Expr> outputs = new ArrayList<>();
      for (DataType to : NUMERIC) {
        outputs.add(Call.of(Operator.CAST, to, in(from)));
      }
      outputs.add(Call.of(Operator.CAST, DataType.decimal(5, 1), in(from)));
      cases.add(new Case("CAST from " + from, materialize("cast_from_" + from, null, outputs)));
    }
    cases.add(
        new Case(
            "CAST between DATE and TIMESTAMP",
            materialize(
                "cast_dates",
                null,
                List.of(
                    Call.of(Operator.CAST, DataType.TIMESTAMP, in(DataType.DATE)),
                    Call.of(Operator.CAST, DataType.DATE, in(DataType.TIMESTAMP)),
                    Call.of(Operator.CAST, DataType.BOOLEAN, in(DataType.BOOLEAN))))));
    return cases;
  }

  static List<Case> others() {
    List<Case> cases = new ArrayList<>();
    List<Expr> extracts = new ArrayList<>();
    for (Operator field :
        List.of(Operator.EXTRACT_YEAR, Operator.EXTRACT_MONTH, Operator.EXTRACT_DAY)) {
      extracts.add(Call.of(field, DataType.BIGINT, in(DataType.DATE)));
      extracts.add(Call.of(field, DataType.INTEGER, in(DataType.TIMESTAMP)));
      extracts.add(Call.of(field, DataType.decimal(6, 2), in(DataType.DATE)));
    }
    cases.add(new Case("EXTRACT", materialize("extract", null, extracts)));

    List<Expr> sets = new ArrayList<>();
    for (DataType type : List.of(DataType.REAL, DataType.DOUBLE)) {
      List<Literal> members = new ArrayList<>();
      for (int i = -10; i < 10; i++) {
        members.add(new Literal(i * 0.5, type));
      }
      members.add(new Literal(Double.NaN, type));
      members.add(new Literal(Double.NEGATIVE_INFINITY, type));
      sets.add(new InSet(in(type), members));
    }
    cases.add(new Case("IN set with NaN", materialize("in_set_nan", null, sets)));

    Expr condition =
        Call.of(
            Operator.GREATER_THAN, DataType.BOOLEAN, in(DataType.BIGINT), lit(0, DataType.BIGINT));
    Expr division =
        Call.of(Operator.DIVIDE, DataType.BIGINT, lit(100, DataType.BIGINT), in(DataType.BIGINT));
    List<Expr> branches = new ArrayList<>();
    branches.add(
        Call.of(Operator.CASE, DECIMAL_15_2, condition, in(DataType.INTEGER), in(DECIMAL_15_2)));
    branches.add(
        Call.of(
            Operator.CASE,
            DataType.BIGINT,
            condition,
            division,
            in(DataType.BOOLEAN),
            lit(7, DataType.BIGINT),
            Literal.nullOf(DataType.BIGINT)));
    branches.add(
        Call.of(
            Operator.COALESCE,
            DataType.DOUBLE,
            in(DataType.REAL),
            in(DECIMAL_12_4),
            new Literal(1.5, DataType.DOUBLE)));
    branches.add(
        Call.of(
            Operator.COALESCE, DataType.VARCHAR, in(DataType.VARCHAR), lit(3, DataType.VARCHAR)));
    cases.add(new Case("CASE and COALESCE", materialize("branches", null, branches)));

    List<Expr> literals = new ArrayList<>();
    literals.add(lit(Long.MIN_VALUE, DataType.BIGINT));
    literals.add(lit(-128, DataType.TINYINT));
    literals.add(new Literal(-0.0, DataType.DOUBLE));
    literals.add(new Literal(3.25, DataType.REAL));
    literals.add(new Literal(false, DataType.BOOLEAN));
    literals.add(Literal.nullOf(DECIMAL_15_2));
    literals.add(lit(19_000, DataType.DATE));
    cases.add(new Case("literals", materialize("literals", null, literals)));

    List<DataType> paramTypes =
        List.of(
            DataType.BOOLEAN,
            DataType.INTEGER,
            DataType.BIGINT,
            DataType.REAL,
            DataType.DOUBLE,
            DECIMAL_15_2,
            DataType.DATE);
    List<Expr> paramOutputs = new ArrayList<>();
    for (int i = 0; i < paramTypes.size(); i++) {
      paramOutputs.add(new ParamRef(i, paramTypes.get(i)));
    }
    Expr paramFilter =
        Call.of(
            Operator.LESS_THAN_OR_EQUAL,
            DataType.BOOLEAN,
            in(DECIMAL_15_2),
            new ParamRef(5, DECIMAL_15_2));
    cases.add(
        new Case(
            "parameters",
            new KernelProgram(
                "params",
                inputs(),
                paramTypes,
                0,
                paramFilter,
                new MaterializeSink(paramOutputs))));

    Expr lookup0 = new CodeLookup(in(DataType.VARCHAR), 0);
    Expr lookup1 = new CodeLookup(lit(2, DataType.VARCHAR), 1);
    cases.add(
        new Case(
            "code lookups",
            new KernelProgram(
                "lookups",
                inputs(),
                List.of(),
                2,
                lookup0,
                new MaterializeSink(List.of(lookup1, in(DataType.VARCHAR))))));

    List<Expr> everyColumn = new ArrayList<>();
    for (DataType type : TYPES) {
      everyColumn.add(in(type));
    }
    cases.add(new Case("materialize every type", materialize("scan", null, everyColumn)));
    List<InputColumn> notNull = new ArrayList<>();
    for (DataType type : TYPES) {
      notNull.add(new InputColumn(type, false));
    }
    List<Expr> notNullRefs = new ArrayList<>();
    for (int i = 0; i < TYPES.size(); i++) {
      notNullRefs.add(new InputRef(i, TYPES.get(i), false));
    }
    cases.add(
        new Case(
            "materialize columns without NULLs",
            new KernelProgram(
                "scan_not_null", notNull, List.of(), 0, null, new MaterializeSink(notNullRefs))));
    return cases;
  }

  static List<Case> aggregates() {
    List<Case> cases = new ArrayList<>();
    List<AggregateCall> calls = new ArrayList<>();
    calls.add(new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT));
    for (DataType type : TYPES) {
      calls.add(new AggregateCall(AggregateFunction.COUNT, in(type), DataType.BIGINT));
      if (type.kind() != TypeKind.VARCHAR) {
        calls.add(new AggregateCall(AggregateFunction.MIN, in(type), type));
        calls.add(new AggregateCall(AggregateFunction.MAX, in(type), type));
      }
    }
    for (DataType type : NUMERIC) {
      DataType sumType =
          type.kind().isApproximateNumeric()
              ? DataType.DOUBLE
              : type.kind() == TypeKind.DECIMAL
                  ? DataType.decimal(19, type.scale())
                  : DataType.BIGINT;
      calls.add(new AggregateCall(AggregateFunction.SUM, in(type), sumType));
    }
    calls.add(new AggregateCall(AggregateFunction.SUM, in(DataType.INTEGER), DataType.INTEGER));
    Expr filter = Call.of(Operator.IS_TRUE, DataType.BOOLEAN, in(DataType.BOOLEAN));
    cases.add(new Case("global aggregate", aggregate("global", filter, List.of(), calls)));
    cases.add(
        new Case(
            "COUNT(*) without filter",
            aggregate(
                "count_all",
                null,
                List.of(),
                List.of(new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT)))));
    cases.add(
        new Case(
            "aggregate by one key",
            aggregate("by_varchar", null, List.of(in(DataType.VARCHAR)), calls)));
    List<Expr> keys = new ArrayList<>();
    for (DataType type : TYPES) {
      keys.add(in(type));
    }
    keys.add(Call.of(Operator.EXTRACT_YEAR, DataType.BIGINT, in(DataType.DATE)));
    cases.add(new Case("aggregate by every type", aggregate("by_all", filter, keys, calls)));
    return cases;
  }

  static Literal lit(long value, DataType type) {
    return Literal.ofLong(value, type);
  }
}
