package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InSet;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ParamRef;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits Java statements that evaluate one kernel IR expression per row, with SQL NULL semantics.
 *
 * <p>Every expression becomes a value plus a NULL flag (see {@link JavaValue}). Operators that
 * return NULL for a NULL operand compute their value only when no operand is NULL, so a NULL
 * divisor never raises. AND and OR stop at the first operand that decides the result, and CASE and
 * COALESCE evaluate only the branches they choose, so a branch that would raise does not raise when
 * it is not taken.
 *
 * <p>The emitted code expects these locals, set up by {@link KernelSourceGenerator}: {@code inN}
 * and {@code inNNull} for input column N of the current row, {@code paramN} and {@code paramNNull}
 * for parameter N, {@code lookupNValues} (an array of the table's kind), {@code lookupNNulls},
 * {@code lookupNErrors} and {@code lookupNSize} for lookup table N, and {@code buildPcolC} and
 * {@code buildPcolCNull} for build column C of the row matched by probe stage P (see {@link
 * ProbeStageEmitter}).
 *
 * <p>Operators with many operands (AND, OR, CASE, COALESCE) become a flat run of statements in a
 * labeled block that {@code break} leaves, and a set membership test becomes a binary search over a
 * static array, so neither the nesting depth of the source nor the emitter's recursion grows with
 * the operand count. Static arrays are declared by {@link #emitConstantSets()}.
 */
final class ExprEmitter {
  private final JavaWriter out;
  private final KernelProgram program;
  private final List<InSet> constantSets = new ArrayList<>();

  ExprEmitter(JavaWriter out, KernelProgram program) {
    this.out = out;
    this.program = program;
  }

  JavaValue emit(Expr expr) {
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
      return readTable(lookup.code(), lookup.table(), DataType.BOOLEAN);
    }
    if (expr instanceof CodeMap map) {
      return readTable(map.code(), map.table(), map.type());
    }
    if (expr instanceof BuildRef build) {
      return build(build);
    }
    if (expr instanceof InSet set) {
      return inSet(set);
    }
    return call((Call) expr);
  }

  /** Emits the static fields that hold the members of the sets the emitted code tests. */
  void emitConstantSets() {
    for (int i = 0; i < constantSets.size(); i++) {
      InSet set = constantSets.get(i);
      boolean floating = InSet.isFloating(set.operand().type());
      StringBuilder members = new StringBuilder();
      for (var member : set.values()) {
        members.append(members.length() == 0 ? "" : ",").append(member.value());
      }
      List<String> chunks = new ArrayList<>();
      for (int start = 0; start < members.length(); start += ConstantSets.CHUNK_CHARS) {
        int end = Math.min(members.length(), start + ConstantSets.CHUNK_CHARS);
        chunks.add(JavaLiterals.ofString(members.substring(start, end)));
      }
      out.line("");
      out.comment("members of IN set " + i + ": " + set.values().size() + " values");
      out.line(
          "private static final "
              + (floating ? "double[] set" : "long[] set")
              + i
              + " = ConstantSets."
              + (floating ? "parseDoubles(" : "parseLongs(")
              + String.join(", ", chunks)
              + ");");
    }
  }

  private JavaValue inSet(InSet set) {
    JavaValue operand = emit(set.operand());
    String field = "set" + constantSets.size();
    constantSets.add(set);
    String test = "ConstantSets.contains(" + field + ", " + operand.value() + ")";
    return strict(DataType.BOOLEAN, List.of(operand), test);
  }

  /** Returns the value converted to {@code type}, evaluating the conversion only when not NULL. */
  JavaValue coerce(JavaValue value, DataType type) {
    if (value.type().equals(type)) {
      return value;
    }
    if (!CastExpressions.canConvert(value.type(), type)) {
      throw new IllegalArgumentException("cannot use a " + value.type() + " value as " + type);
    }
    String converted = CastExpressions.convert(value.value(), value.type(), type);
    if (value.neverNull()) {
      return new JavaValue(converted, "false", type);
    }
    if (value.isNull().equals("true")) {
      return new JavaValue(JavaValue.defaultValue(type), "true", type);
    }
    String guarded =
        "(" + value.isNull() + " ? " + JavaValue.defaultValue(type) + " : " + converted + ")";
    return new JavaValue(guarded, value.isNull(), type);
  }

  private JavaValue input(InputRef input) {
    List<KernelProgram.InputColumn> inputs = program.inputs();
    if (input.index() >= inputs.size()) {
      throw new IllegalArgumentException(
          "input $" + input.index() + " is beyond the " + inputs.size() + " input columns");
    }
    KernelProgram.InputColumn column = inputs.get(input.index());
    if (!sameLayout(column.type(), input.type())) {
      throw new IllegalArgumentException(
          "input $" + input.index() + " is " + column.type() + " but is read as " + input.type());
    }
    String name = "in" + input.index();
    return new JavaValue(name, column.nullable() ? name + "Null" : "false", column.type());
  }

  private JavaValue build(BuildRef build) {
    List<ProbeStage> probes = program.probes();
    if (build.probe() >= probes.size()) {
      throw new IllegalArgumentException(
          "build column "
              + build.column()
              + " of probe stage "
              + build.probe()
              + " is read, but the pipeline has "
              + probes.size()
              + " probe stages");
    }
    ProbeStage probe = probes.get(build.probe());
    List<KernelProgram.InputColumn> columns = probe.buildColumns();
    if (build.column() >= columns.size()) {
      throw new IllegalArgumentException(
          "build column "
              + build.column()
              + " of probe stage "
              + build.probe()
              + " is beyond its "
              + columns.size()
              + " build columns");
    }
    KernelProgram.InputColumn column = columns.get(build.column());
    if (!sameLayout(column.type(), build.type())) {
      throw new IllegalArgumentException(
          "build column "
              + build.column()
              + " of probe stage "
              + build.probe()
              + " is "
              + column.type()
              + " but is read as "
              + build.type());
    }
    String name = ProbeStageEmitter.buildValueName(build.probe(), build.column());
    // The row that a LEFT probe emits without a match has NULL build columns.
    boolean nullable = column.nullable() || probe.kind() == JoinKind.LEFT;
    return new JavaValue(name, nullable ? name + "Null" : "false", column.type());
  }

  private JavaValue literal(Literal literal) {
    DataType type = literal.type();
    if (literal.value() == null) {
      return new JavaValue(JavaValue.defaultValue(type), "true", type);
    }
    if (type.physicalType() == TypeKind.PhysicalType.INT) {
      long value = (Long) literal.value();
      if (value != (int) value) {
        throw new IllegalArgumentException("literal " + value + " does not fit " + type);
      }
    }
    return new JavaValue(JavaLiterals.of(literal.value(), type), "false", type);
  }

  private JavaValue param(ParamRef param) {
    List<DataType> params = program.params();
    if (param.index() >= params.size() || !sameLayout(params.get(param.index()), param.type())) {
      throw new IllegalArgumentException(
          "parameter ?" + param.index() + " of type " + param.type() + " is not in " + params);
    }
    String name = "param" + param.index();
    return new JavaValue(name, name + "Null", params.get(param.index()));
  }

  /**
   * Reads the entry of lookup table {@code table} for a dictionary code, as a value of {@code
   * type}: NULL when the code is NULL or the table marks the entry NULL, and the entry's error
   * raised when it has one.
   */
  private JavaValue readTable(Expr codeExpr, int table, DataType type) {
    if (table >= program.lookupTables()) {
      throw new IllegalArgumentException(
          "lookup table #" + table + " is beyond the " + program.lookupTables() + " lookup tables");
    }
    JavaValue code = emit(codeExpr);

    String tableName = "lookup" + table;
    String name = out.newName("e");
    out.line(JavaValue.javaType(type) + " " + name + " = " + JavaValue.defaultValue(type) + ";");
    out.line("boolean " + name + "Null = true;");
    out.open("if (!(" + code.isNull() + "))");

    String codeName = out.newName("code");
    out.line("int " + codeName + " = " + code.value() + ";");
    out.open("if (" + codeName + " < 0 || " + codeName + " >= " + tableName + "Size)");
    out.line(
        "throw LookupTable.codeOutOfRange("
            + codeName
            + ", "
            + table
            + ", "
            + tableName
            + "Size);");
    out.close();

    out.line(
        name
            + "Null = "
            + tableName
            + "Nulls != null && "
            + tableName
            + "Nulls["
            + codeName
            + "];");
    out.open(
        "if ("
            + name
            + "Null && "
            + tableName
            + "Errors != null && "
            + tableName
            + "Errors["
            + codeName
            + "] != null)");
    out.line("throw " + tableName + "Errors[" + codeName + "];");
    out.close();

    String entry = tableName + "Values[" + codeName + "]";
    // A LONG table stores INT-register values widened, and CompiledKernel checks that they fit.
    String value =
        switch (type.physicalType()) {
          case BOOLEAN, LONG, DOUBLE -> entry;
          case INT -> "(int) " + entry;
          case FLOAT -> "(float) " + entry;
        };
    out.line(name + " = " + value + ";");
    out.close();
    return new JavaValue(name, name + "Null", type);
  }

  private JavaValue call(Call call) {
    Operator operator = call.operator();
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
    List<JavaValue> operands = new ArrayList<>();
    for (Expr operand : call.operands()) {
      operands.add(emit(operand));
    }
    return strict(call.type(), operands, strictExpression(call, operands));
  }

  private String strictExpression(Call call, List<JavaValue> operands) {
    Operator operator = call.operator();
    if (ArithmeticExpressions.isArithmetic(operator)) {
      return ArithmeticExpressions.expression(call, operands);
    }
    if (ComparisonExpressions.isComparison(operator)) {
      return ComparisonExpressions.expression(call, operands.get(0), operands.get(1));
    }
    if (CalendarExpressions.isCalendar(operator)) {
      return CalendarExpressions.expression(call, operands);
    }
    JavaValue operand = operands.get(0);
    return switch (operator) {
      case NOT -> "(!" + booleanOperand(operator, operand) + ")";
      case CAST -> {
        if (!CastExpressions.canConvert(operand.type(), call.type())) {
          throw new IllegalArgumentException(
              "CAST from " + operand.type() + " to " + call.type() + " is not supported");
        }
        yield CastExpressions.convert(operand.value(), operand.type(), call.type());
      }
      case EXTRACT_YEAR -> extract("year", operand, call.type());
      case EXTRACT_QUARTER -> extract("quarter", operand, call.type());
      case EXTRACT_MONTH -> extract("month", operand, call.type());
      case EXTRACT_DAY -> extract("day", operand, call.type());
      case EXTRACT_DOY -> extract("dayOfYear", operand, call.type());
      case EXTRACT_DOW -> extract("dayOfWeek", operand, call.type());
      case MICROSECOND_OF_DAY -> microsecondOfDay(operand, call.type());
      case EXTRACT_EPOCH -> epochSecond(operand, call.type());
      default -> throw new IllegalStateException(operator + " is not a strict operator");
    };
  }

  private static String epochSecond(JavaValue operand, DataType type) {
    if (type.kind() != TypeKind.BIGINT) {
      throw new IllegalArgumentException("EXTRACT_EPOCH returns BIGINT, not " + type);
    }
    return switch (operand.type().kind()) {
      case DATE -> "(((long) (" + operand.value() + ")) * CalendarFields.SECONDS_PER_DAY)";
      case TIMESTAMP -> "CalendarFields.epochSecond(" + operand.value() + ")";
      default ->
          throw new IllegalArgumentException(
              "EXTRACT_EPOCH needs a DATE or TIMESTAMP, got " + operand.type());
    };
  }

  private static String extract(String field, JavaValue operand, DataType type) {
    String day =
        switch (operand.type().kind()) {
          case DATE -> "((long) (" + operand.value() + "))";
          case TIMESTAMP -> "CalendarFields.epochDay(" + operand.value() + ")";
          default ->
              throw new IllegalArgumentException(
                  "EXTRACT needs a DATE or TIMESTAMP, got " + operand.type());
        };
    if (!type.kind().isExactNumeric()) {
      throw new IllegalArgumentException("EXTRACT returns an exact number, not " + type);
    }
    String value = "CalendarFields." + field + "(" + day + ")";
    return CastExpressions.convert(value, DataType.BIGINT, type);
  }

  private static String microsecondOfDay(JavaValue operand, DataType type) {
    if (type.kind() != TypeKind.BIGINT) {
      throw new IllegalArgumentException("MICROSECOND_OF_DAY returns BIGINT, not " + type);
    }
    return switch (operand.type().kind()) {
      case TIME -> "((long) (" + operand.value() + "))";
      case TIMESTAMP -> "CalendarFields.microsecondOfDay(" + operand.value() + ")";
      default ->
          throw new IllegalArgumentException(
              "MICROSECOND_OF_DAY needs a TIME or TIMESTAMP, got " + operand.type());
    };
  }

  /** Declares the result of an operator that is NULL when any operand is NULL. */
  private JavaValue strict(DataType type, List<JavaValue> operands, String expression) {
    String isNull = JavaValue.anyNull(operands);
    if (isNull.equals("true")) {
      return new JavaValue(JavaValue.defaultValue(type), "true", type);
    }
    String name = out.newName("e");
    String javaType = JavaValue.javaType(type);
    if (isNull.equals("false")) {
      out.line(javaType + " " + name + " = " + expression + ";");
      return new JavaValue(name, "false", type);
    }
    out.line(javaType + " " + name + " = " + JavaValue.defaultValue(type) + ";");
    out.line("boolean " + name + "Null = " + isNull + ";");
    out.open("if (!" + name + "Null)");
    out.line(name + " = " + expression + ";");
    out.close();
    return new JavaValue(name, name + "Null", type);
  }

  private JavaValue truthTest(Call call) {
    Operator operator = call.operator();
    JavaValue operand = emit(call.operands().get(0));
    String isNull = "(" + operand.isNull() + ")";
    String value =
        operator == Operator.IS_NULL || operator == Operator.IS_NOT_NULL
            ? null
            : booleanOperand(operator, operand);
    String test =
        switch (operator) {
          case IS_NULL -> isNull;
          case IS_NOT_NULL -> "!" + isNull;
          case IS_TRUE -> "(!" + isNull + " && " + value + ")";
          case IS_NOT_TRUE -> "(" + isNull + " || !" + value + ")";
          case IS_FALSE -> "(!" + isNull + " && !" + value + ")";
          case IS_NOT_FALSE -> "(" + isNull + " || " + value + ")";
          default -> throw new IllegalStateException(operator + " is not a truth test");
        };
    String name = out.newName("e");
    out.line("boolean " + name + " = " + test + ";");
    return new JavaValue(name, "false", DataType.BOOLEAN);
  }

  /** Emits a short-circuit three-valued AND or OR. */
  private JavaValue logical(Call call) {
    boolean isAnd = call.operator() == Operator.AND;
    String name = out.newName("e");
    out.line("boolean " + name + " = " + isAnd + ";");
    out.line("boolean " + name + "Null = false;");
    out.open(name + "Block:");
    int count = call.operands().size();
    for (int index = 0; index < count; index++) {
      out.comment(call.operator() + " operand " + (index + 1) + " of " + count);
      JavaValue operand = emit(call.operands().get(index));
      String value = booleanOperand(call.operator(), operand);
      String decides = isAnd ? "!" + value : value;
      if (!operand.neverNull()) {
        decides = "!" + operand.isNull() + " && " + decides;
      }
      out.open("if (" + decides + ")");
      out.line(name + " = " + !isAnd + ";");
      out.line(name + "Null = false;");
      out.line("break " + name + "Block;");
      out.close();
      if (!operand.neverNull()) {
        out.line(name + "Null = " + name + "Null || " + operand.isNull() + ";");
      }
    }
    out.close();
    return new JavaValue(name, name + "Null", DataType.BOOLEAN);
  }

  private JavaValue caseWhen(Call call) {
    String name = declareResult(call.type());
    List<Expr> operands = call.operands();
    out.open(name + "Block:");
    for (int index = 0; index + 1 < operands.size(); index += 2) {
      out.comment("CASE: WHEN " + (index / 2 + 1));
      JavaValue condition = emit(operands.get(index));
      String value = booleanOperand(call.operator(), condition);
      String chosen = condition.neverNull() ? value : "!" + condition.isNull() + " && " + value;
      out.open("if (" + chosen + ")");
      assign(name, coerce(emit(operands.get(index + 1)), call.type()));
      out.line("break " + name + "Block;");
      out.close();
    }
    out.comment("CASE: ELSE");
    assign(name, coerce(emit(operands.get(operands.size() - 1)), call.type()));
    out.close();
    return new JavaValue(name, name + "Null", call.type());
  }

  private JavaValue coalesce(Call call) {
    String name = declareResult(call.type());
    int count = call.operands().size();
    out.open(name + "Block:");
    for (int index = 0; index < count; index++) {
      out.comment("COALESCE operand " + (index + 1) + " of " + count);
      JavaValue value = coerce(emit(call.operands().get(index)), call.type());
      if (value.neverNull() || index == count - 1) {
        assign(name, value);
        break;
      }
      out.open("if (!" + value.isNull() + ")");
      assign(name, new JavaValue(value.value(), "false", value.type()));
      out.line("break " + name + "Block;");
      out.close();
    }
    out.close();
    return new JavaValue(name, name + "Null", call.type());
  }

  private String declareResult(DataType type) {
    String name = out.newName("e");
    out.line(JavaValue.javaType(type) + " " + name + " = " + JavaValue.defaultValue(type) + ";");
    out.line("boolean " + name + "Null = true;");
    return name;
  }

  private void assign(String name, JavaValue value) {
    out.line(name + " = " + value.value() + ";");
    out.line(name + "Null = " + value.isNull() + ";");
  }

  private static String booleanOperand(Operator operator, JavaValue operand) {
    if (operand.type().kind() != TypeKind.BOOLEAN) {
      throw new IllegalArgumentException(
          operator + " needs a BOOLEAN operand, got " + operand.type());
    }
    return operand.value();
  }

  /** Returns whether two types share a physical layout and meaning (VARCHAR lengths aside). */
  private static boolean sameLayout(DataType a, DataType b) {
    return a.kind() == b.kind() && (a.kind() != TypeKind.DECIMAL || a.scale() == b.scale());
  }
}
