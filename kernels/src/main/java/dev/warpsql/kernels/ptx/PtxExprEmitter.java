package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InSet;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ParamRef;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxRoutines.Argument;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Emits PTX that evaluates one kernel IR expression for the current row, with SQL NULL semantics.
 *
 * <p>Every expression becomes a value register plus a NULL predicate (see {@link PtxValue}).
 * Operators that return NULL for a NULL operand branch around their computation when an operand is
 * NULL, so a NULL divisor never raises. AND and OR branch out at the first operand that decides the
 * result, and CASE and COALESCE evaluate only the branches they choose, so a branch that would
 * raise does not raise when it is not taken. Input columns must be loaded with {@link #bindInput}
 * before an expression that reads them is emitted.
 */
final class PtxExprEmitter {
  /** Registers of one lookup table: global addresses, whether it has NULLs, and its size. */
  record LookupRegisters(String values, String nulls, String hasNulls, String size) {}

  private final PtxWriter out;
  private final KernelProgram program;
  private final PtxConversions conversions;
  private final PtxArithmetic arithmetic;
  private final PtxComparisons comparisons;
  private final PtxCalendar calendar;
  private final PtxLookupTables lookupTables;
  private final PtxRoutines routines;
  private final PtxSetMembership sets;
  private final Map<Integer, PtxValue> inputs = new HashMap<>();
  private final Map<List<Integer>, PtxValue> buildValues = new HashMap<>();
  private final List<PtxValue> params;

  PtxExprEmitter(
      PtxWriter out,
      PtxRoutines routines,
      KernelProgram program,
      List<PtxValue> params,
      List<LookupRegisters> lookups) {
    this.out = out;
    this.program = program;
    this.routines = routines;
    this.conversions = new PtxConversions(out, routines);
    this.arithmetic = new PtxArithmetic(out, routines, conversions);
    this.comparisons = new PtxComparisons(out, routines, conversions);
    this.calendar = new PtxCalendar(out, routines, conversions);
    this.lookupTables = new PtxLookupTables(out, program, lookups);
    this.sets = new PtxSetMembership(out);
    this.params = params;
  }

  /** Makes input column {@code index} of the current row available to expressions. */
  void bindInput(int index, PtxValue value) {
    inputs.put(index, value);
  }

  boolean isBound(int index) {
    return inputs.containsKey(index);
  }

  /**
   * Makes payload column {@code column} of the build row that probe stage {@code probe} matched
   * available to expressions; {@link PtxProbeStages} binds it inside the stage's candidate loop.
   */
  void bindBuild(int probe, int column, PtxValue value) {
    buildValues.put(List.of(probe, column), value);
  }

  private PtxValue buildValue(BuildRef build) {
    PtxValue value = buildValues.get(List.of(build.probe(), build.column()));
    if (value == null) {
      throw new IllegalStateException(
          "build" + build.probe() + "$" + build.column() + " was not loaded for this row");
    }
    if (!sameLayout(value.type(), build.type())) {
      throw new IllegalArgumentException(
          "build column "
              + build.column()
              + " of probe stage "
              + build.probe()
              + " is "
              + value.type()
              + " but is read as "
              + build.type());
    }
    return value;
  }

  PtxConversions conversions() {
    return conversions;
  }

  PtxValue emit(Expr expr) {
    if (expr instanceof InputRef input) {
      return input(input);
    }
    if (expr instanceof Literal literal) {
      return literal(literal);
    }
    if (expr instanceof ParamRef param) {
      return param(param);
    }
    if (expr instanceof CodeLookup lookup) {
      return lookupTables.read(lookup.table(), emit(lookup.code()), DataType.BOOLEAN);
    }
    if (expr instanceof CodeMap map) {
      return lookupTables.read(map.table(), emit(map.code()), map.type());
    }
    if (expr instanceof BuildRef build) {
      return buildValue(build);
    }
    if (expr instanceof InSet set) {
      return sets.emit(emit(set.operand()), set);
    }
    return call((Call) expr);
  }

  /** Returns the value converted to {@code type}, evaluating the conversion only when not NULL. */
  PtxValue coerce(PtxValue value, DataType type) {
    if (value.type().equals(type)) {
      return value;
    }
    if (!PtxConversions.canConvert(value.type(), type)) {
      throw new IllegalArgumentException("cannot use a " + value.type() + " value as " + type);
    }
    return strict(
        type, List.of(value), () -> conversions.convert(value.value(), value.type(), type));
  }

  private PtxValue input(InputRef input) {
    List<KernelProgram.InputColumn> columns = program.inputs();
    if (input.index() >= columns.size()) {
      throw new IllegalArgumentException(
          "input $" + input.index() + " is beyond the " + columns.size() + " input columns");
    }
    DataType columnType = columns.get(input.index()).type();
    if (!sameLayout(columnType, input.type())) {
      throw new IllegalArgumentException(
          "input $" + input.index() + " is " + columnType + " but is read as " + input.type());
    }
    PtxValue value = inputs.get(input.index());
    if (value == null) {
      throw new IllegalStateException("input $" + input.index() + " was not loaded for this row");
    }
    return value;
  }

  private PtxValue literal(Literal literal) {
    DataType type = literal.type();
    String register = out.register(type);
    if (literal.value() == null) {
      String isNull = out.register(RegisterClass.PRED);
      out.op("mov.pred " + isNull + ", 1");
      initialize(register, type);
      return new PtxValue(register, isNull, type);
    }
    switch (type.physicalType()) {
      case BOOLEAN -> out.op("mov.pred " + register + ", " + ((Boolean) literal.value() ? 1 : 0));
      case INT -> {
        long value = (Long) literal.value();
        if (value != (int) value) {
          throw new IllegalArgumentException("literal " + value + " does not fit " + type);
        }
        out.op("mov.b32 " + register + ", " + value);
      }
      case LONG -> out.op("mov.b64 " + register + ", " + PtxLiterals.s64((Long) literal.value()));
      case FLOAT -> {
        float value = (float) (double) (Double) literal.value();
        out.op("mov.f32 " + register + ", " + PtxLiterals.f32(value));
      }
      case DOUBLE ->
          out.op("mov.f64 " + register + ", " + PtxLiterals.f64((Double) literal.value()));
    }
    return new PtxValue(register, null, type);
  }

  private PtxValue param(ParamRef param) {
    List<DataType> types = program.params();
    if (param.index() >= types.size() || !sameLayout(types.get(param.index()), param.type())) {
      throw new IllegalArgumentException(
          "parameter ?" + param.index() + " of type " + param.type() + " is not in " + types);
    }
    return params.get(param.index());
  }

  private PtxValue call(Call call) {
    Operator operator = call.operator();
    out.comment(describe(call));
    switch (operator) {
      case AND, OR:
        return logical(call);
      case CASE:
        return caseWhen(call);
      case COALESCE:
        return coalesce(call);
      case IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE:
        return truthTest(call);
      default:
        break;
    }
    List<PtxValue> operands = new ArrayList<>();
    for (Expr operand : call.operands()) {
      operands.add(emit(operand));
    }
    out.comment(operator.name() + ": compute");
    return strict(call.type(), operands, () -> strictValue(call, operands));
  }

  private String strictValue(Call call, List<PtxValue> operands) {
    Operator operator = call.operator();
    if (PtxArithmetic.isArithmetic(operator)) {
      return arithmetic.emit(operator, call.type(), operands);
    }
    if (PtxComparisons.isComparison(operator)) {
      return comparisons.emit(call, operands.get(0), operands.get(1));
    }
    if (PtxCalendar.isCalendar(operator)) {
      return calendar.emit(operator, call.type(), operands);
    }
    PtxValue operand = operands.get(0);
    return switch (operator) {
      case NOT -> {
        String result = out.register(RegisterClass.PRED);
        out.op("not.pred " + result + ", " + booleanOperand(operator, operand));
        yield result;
      }
      case CAST -> {
        if (!PtxConversions.canConvert(operand.type(), call.type())) {
          throw new IllegalArgumentException(
              "CAST from " + operand.type() + " to " + call.type() + " is not supported");
        }
        yield conversions.convert(operand.value(), operand.type(), call.type());
      }
      case EXTRACT_YEAR -> extract(operator, operand, call.type());
      case EXTRACT_QUARTER -> extract(operator, operand, call.type());
      case EXTRACT_MONTH -> extract(operator, operand, call.type());
      case EXTRACT_DAY -> extract(operator, operand, call.type());
      case EXTRACT_DOY -> extract(operator, operand, call.type());
      case EXTRACT_DOW -> extract(operator, operand, call.type());
      case MICROSECOND_OF_DAY -> microsecondOfDay(operand, call.type());
      case EXTRACT_EPOCH -> epochSecond(operand, call.type());
      default -> throw new IllegalStateException(operator + " is not a strict operator");
    };
  }

  private String epochSecond(PtxValue operand, DataType type) {
    if (type.kind() != TypeKind.BIGINT) {
      throw new IllegalArgumentException("EXTRACT_EPOCH returns BIGINT, not " + type);
    }
    return switch (operand.type().kind()) {
      case DATE -> conversions.dateEpochSecond(operand.value());
      case TIMESTAMP -> conversions.epochSecond(operand.value());
      default ->
          throw new IllegalArgumentException(
              "EXTRACT_EPOCH needs a DATE or TIMESTAMP, got " + operand.type());
    };
  }

  /** Returns the field that an EXTRACT operator names of a DATE or TIMESTAMP, as {@code type}. */
  private String extract(Operator operator, PtxValue operand, DataType type) {
    String day =
        switch (operand.type().kind()) {
          case DATE -> conversions.toLong(operand.value(), DataType.DATE);
          case TIMESTAMP -> conversions.epochDay(operand.value());
          default ->
              throw new IllegalArgumentException(
                  "EXTRACT needs a DATE or TIMESTAMP, got " + operand.type());
        };
    if (!type.kind().isExactNumeric()) {
      throw new IllegalArgumentException("EXTRACT returns an exact number, not " + type);
    }
    String field =
        operator == Operator.EXTRACT_DOW ? calendar.dayOfWeek(day) : civilField(operator, day);
    return conversions.convert(field, DataType.BIGINT, type);
  }

  private String microsecondOfDay(PtxValue operand, DataType type) {
    if (type.kind() != TypeKind.BIGINT) {
      throw new IllegalArgumentException("MICROSECOND_OF_DAY returns BIGINT, not " + type);
    }
    return switch (operand.type().kind()) {
      case TIME -> operand.value();
      case TIMESTAMP -> conversions.microsecondOfDay(operand.value());
      default ->
          throw new IllegalArgumentException(
              "MICROSECOND_OF_DAY needs a TIME or TIMESTAMP, got " + operand.type());
    };
  }

  /** Returns a field of a day count that its year, month and day of month give. */
  private String civilField(Operator operator, String day) {
    List<String> fields =
        routines.call(
            out,
            PtxRoutine.CIVIL_FROM_DAYS,
            List.of(Argument.b64(day)),
            List.of(RegisterClass.B64, RegisterClass.B64, RegisterClass.B64));
    return switch (operator) {
      case EXTRACT_YEAR -> fields.get(0);
      case EXTRACT_QUARTER -> calendar.quarter(fields.get(1));
      case EXTRACT_MONTH -> fields.get(1);
      case EXTRACT_DAY -> fields.get(2);
      case EXTRACT_DOY -> calendar.dayOfYear(day, fields.get(0));
      default -> throw new IllegalArgumentException(operator + " extracts no civil field");
    };
  }

  /**
   * Declares the result of an operator that is NULL when any operand is NULL, and computes it with
   * {@code compute} on a path that NULL operands branch around.
   */
  private PtxValue strict(DataType type, List<PtxValue> operands, Supplier<String> compute) {
    String isNull = null;
    for (PtxValue operand : operands) {
      if (operand.neverNull()) {
        continue;
      }
      if (isNull == null) {
        isNull = out.register(RegisterClass.PRED);
        out.op("mov.pred " + isNull + ", " + operand.isNull());
      } else {
        out.op("or.pred " + isNull + ", " + isNull + ", " + operand.isNull());
      }
    }
    String result = out.register(type);
    initialize(result, type);
    String skip = null;
    if (isNull != null) {
      skip = out.label("null");
      out.op("@" + isNull + " bra " + skip);
    }
    String computed = compute.get();
    move(result, computed, type);
    if (skip != null) {
      out.place(skip);
    }
    return new PtxValue(result, isNull, type);
  }

  private PtxValue truthTest(Call call) {
    Operator operator = call.operator();
    PtxValue operand = emit(call.operands().get(0));
    out.comment(operator.name());
    String result = out.register(RegisterClass.PRED);
    if (operator == Operator.IS_NULL || operator == Operator.IS_NOT_NULL) {
      if (operand.neverNull()) {
        out.op("mov.pred " + result + ", " + (operator == Operator.IS_NULL ? 0 : 1));
      } else if (operator == Operator.IS_NULL) {
        out.op("mov.pred " + result + ", " + operand.isNull());
      } else {
        out.op("not.pred " + result + ", " + operand.isNull());
      }
      return new PtxValue(result, null, DataType.BOOLEAN);
    }
    String value = booleanOperand(operator, operand);
    String isNull = operand.isNull();
    if (isNull == null) {
      isNull = out.register(RegisterClass.PRED);
      out.op("mov.pred " + isNull + ", 0");
    }
    String notNull = out.register(RegisterClass.PRED);
    out.op("not.pred " + notNull + ", " + isNull);
    switch (operator) {
      case IS_TRUE -> out.op("and.pred " + result + ", " + notNull + ", " + value);
      case IS_NOT_TRUE -> out.op("or.pred " + result + ", " + isNull + ", !" + value);
      case IS_FALSE -> out.op("and.pred " + result + ", " + notNull + ", !" + value);
      case IS_NOT_FALSE -> out.op("or.pred " + result + ", " + isNull + ", " + value);
      default -> throw new IllegalStateException(operator + " is not a truth test");
    }
    return new PtxValue(result, null, DataType.BOOLEAN);
  }

  /** Emits a three-valued AND or OR that branches out at the first deciding operand. */
  private PtxValue logical(Call call) {
    boolean isAnd = call.operator() == Operator.AND;
    String result = out.register(RegisterClass.PRED);
    String isNull = out.register(RegisterClass.PRED);
    String decided = out.label(isAnd ? "and_false" : "or_true");
    String done = out.label(isAnd ? "and_done" : "or_done");
    out.op("mov.pred " + result + ", " + (isAnd ? 1 : 0));
    out.op("mov.pred " + isNull + ", 0");
    int count = call.operands().size();
    for (int i = 0; i < count; i++) {
      out.comment(call.operator() + " operand " + (i + 1) + " of " + count);
      PtxValue operand = emit(call.operands().get(i));
      String value = booleanOperand(call.operator(), operand);
      String decides = out.register(RegisterClass.PRED);
      if (isAnd) {
        out.op("not.pred " + decides + ", " + value);
      } else {
        out.op("mov.pred " + decides + ", " + value);
      }
      if (!operand.neverNull()) {
        out.op("and.pred " + decides + ", " + decides + ", !" + operand.isNull());
      }
      out.op("@" + decides + " bra " + decided);
      if (!operand.neverNull()) {
        out.op("or.pred " + isNull + ", " + isNull + ", " + operand.isNull());
      }
    }
    out.op("bra " + done);
    out.place(decided);
    out.op("mov.pred " + result + ", " + (isAnd ? 0 : 1));
    out.op("mov.pred " + isNull + ", 0");
    out.place(done);
    return new PtxValue(result, isNull, DataType.BOOLEAN);
  }

  private PtxValue caseWhen(Call call) {
    DataType type = call.type();
    String result = out.register(type);
    String isNull = out.register(RegisterClass.PRED);
    initialize(result, type);
    out.op("mov.pred " + isNull + ", 1");
    String done = out.label("case_done");
    List<Expr> operands = call.operands();
    for (int i = 0; i + 1 < operands.size(); i += 2) {
      out.comment("CASE: WHEN " + (i / 2 + 1));
      PtxValue condition = emit(operands.get(i));
      String chosen = booleanOperand(call.operator(), condition);
      if (!condition.neverNull()) {
        String notNullTrue = out.register(RegisterClass.PRED);
        out.op("and.pred " + notNullTrue + ", " + chosen + ", !" + condition.isNull());
        chosen = notNullTrue;
      }
      String next = out.label("case_next");
      out.op("@!" + chosen + " bra " + next);
      out.comment("CASE: THEN " + (i / 2 + 1));
      assign(result, isNull, coerce(emit(operands.get(i + 1)), type));
      out.op("bra " + done);
      out.place(next);
    }
    out.comment("CASE: ELSE");
    assign(result, isNull, coerce(emit(operands.get(operands.size() - 1)), type));
    out.place(done);
    return new PtxValue(result, isNull, type);
  }

  private PtxValue coalesce(Call call) {
    DataType type = call.type();
    String result = out.register(type);
    String isNull = out.register(RegisterClass.PRED);
    initialize(result, type);
    out.op("mov.pred " + isNull + ", 1");
    String done = out.label("coalesce_done");
    int count = call.operands().size();
    for (int i = 0; i < count; i++) {
      out.comment("COALESCE operand " + (i + 1) + " of " + count);
      PtxValue value = coerce(emit(call.operands().get(i)), type);
      if (value.neverNull() || i == count - 1) {
        assign(result, isNull, value);
        break;
      }
      String next = out.label("coalesce_next");
      out.op("@" + value.isNull() + " bra " + next);
      assign(result, isNull, new PtxValue(value.value(), null, type));
      out.op("bra " + done);
      out.place(next);
    }
    out.place(done);
    return new PtxValue(result, isNull, type);
  }

  private void assign(String result, String isNull, PtxValue value) {
    move(result, value.value(), value.type());
    out.op("mov.pred " + isNull + ", " + (value.neverNull() ? "0" : value.isNull()));
  }

  /** Sets a register to the zero value of its type, so no path leaves it undefined. */
  void initialize(String register, DataType type) {
    switch (type.physicalType()) {
      case BOOLEAN -> out.op("mov.pred " + register + ", 0");
      case INT -> out.op("mov.b32 " + register + ", 0");
      case LONG -> out.op("mov.b64 " + register + ", 0");
      case FLOAT -> out.op("mov.f32 " + register + ", " + PtxLiterals.f32(0f));
      case DOUBLE -> out.op("mov.f64 " + register + ", " + PtxLiterals.f64(0.0));
    }
  }

  private void move(String target, String source, DataType type) {
    String suffix =
        switch (type.physicalType()) {
          case BOOLEAN -> ".pred";
          case INT -> ".b32";
          case LONG -> ".b64";
          case FLOAT -> ".f32";
          case DOUBLE -> ".f64";
        };
    out.op("mov" + suffix + " " + target + ", " + source);
  }

  private static String booleanOperand(Operator operator, PtxValue operand) {
    if (operand.type().kind() != TypeKind.BOOLEAN) {
      throw new IllegalArgumentException(
          operator + " needs a BOOLEAN operand, got " + operand.type());
    }
    return operand.value();
  }

  private static String describe(Call call) {
    return call.operator() + " -> " + call.type() + (call.nullable() ? " NULL" : "");
  }

  /** Returns whether two types share a physical layout and meaning (VARCHAR lengths aside). */
  static boolean sameLayout(DataType a, DataType b) {
    return a.kind() == b.kind() && (a.kind() != TypeKind.DECIMAL || a.scale() == b.scale());
  }
}
