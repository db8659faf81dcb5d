package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.List;

/**
 * Emits the {@code aggregate} entry point: for each passing row it encodes the group keys into the
 * table's probe array, finds or inserts the group, and updates each call's accumulator in the
 * primitive arrays of {@link AggregationTable}.
 */
final class AggregateSinkEmitter {
  private final JavaWriter out;
  private final ExprEmitter exprs;
  private final AggregateSink sink;

  AggregateSinkEmitter(JavaWriter out, ExprEmitter exprs, AggregateSink sink) {
    this.out = out;
    this.exprs = exprs;
    this.sink = sink;
  }

  void emitMethod(KernelSourceGenerator generator) {
    // Builds a table once, so that unsupported calls fail at compile time, not at run time.
    new AggregationTable(sink).close();
    generator.openEntryPoint("aggregate", "AggregationTable table");
    out.comment(
        "sink: aggregate "
            + sink.calls().size()
            + " calls by "
            + sink.groupKeys().size()
            + " keys");
    out.line("long[] probeKeys = table.probeKeys();");
    out.line("long[][] longStates = table.longStates();");
    out.line("double[][] doubleStates = table.doubleStates();");
    out.line("boolean[][] seen = table.seen();");
    generator.openRowLoop();
    emitGroupLookup();
    List<AggregateCall> calls = sink.calls();
    for (int c = 0; c < calls.size(); c++) {
      emitUpdate(c, calls.get(c));
    }
    generator.closeRowLoop();
    out.close();
  }

  private void emitGroupLookup() {
    List<Expr> keys = sink.groupKeys();
    if (keys.isEmpty()) {
      out.line("int group = 0;");
      return;
    }
    StringBuilder nullMask = new StringBuilder("0L");
    for (int k = 0; k < keys.size(); k++) {
      StringBuilder canonical = new StringBuilder();
      keys.get(k).appendCanonical(canonical);
      out.comment("group key " + k + ": " + canonical);
      JavaValue key = exprs.emit(keys.get(k));
      String encoded = keyBits(key);
      if (key.neverNull()) {
        out.line("probeKeys[" + k + "] = " + encoded + ";");
      } else {
        out.line("probeKeys[" + k + "] = " + key.isNull() + " ? 0L : " + encoded + ";");
        nullMask
            .append(" | (")
            .append(key.isNull())
            .append(" ? ")
            .append(1L << k)
            .append("L : 0L)");
      }
    }
    out.line("int group = table.findOrInsert(" + nullMask + ");");
  }

  /** Returns the {@code long} key encoding that {@link AggregationTable} documents. */
  static String keyBits(JavaValue key) {
    return switch (key.type().physicalType()) {
      case BOOLEAN -> "(" + key.value() + " ? 1L : 0L)";
      case INT -> "((long) " + key.value() + ")";
      case LONG -> key.value();
      case FLOAT, DOUBLE -> "AggregationTable.doubleKey((double) " + key.value() + ")";
    };
  }

  private void emitUpdate(int c, AggregateCall call) {
    StringBuilder canonical = new StringBuilder(call.function().name()).append('(');
    if (call.argument() != null) {
      call.argument().appendCanonical(canonical);
    }
    out.comment("call " + c + ": " + canonical.append(')'));
    if (call.argument() == null) {
      out.line("longStates[" + c + "][group] += 1L;");
      return;
    }
    JavaValue argument = exprs.emit(call.argument());
    if (!argument.neverNull()) {
      out.open("if (!" + argument.isNull() + ")");
    }
    switch (call.function()) {
      case COUNT -> out.line("longStates[" + c + "][group] += 1L;");
      case SUM -> emitSum(c, call, argument);
      case MIN -> emitExtreme(c, argument, "<");
      case MAX -> emitExtreme(c, argument, ">");
      default -> throw new IllegalStateException(call.function() + " takes no argument");
    }
    if (!argument.neverNull()) {
      out.close();
    }
  }

  private void emitSum(int c, AggregateCall call, JavaValue argument) {
    String state =
        (argument.type().kind().isApproximateNumeric() ? "doubleStates[" : "longStates[")
            + c
            + "][group]";
    if (argument.type().kind().isApproximateNumeric()) {
      // TODO: a sum of finite values that leaves DOUBLE's range becomes infinity without the
      // overflow error (22003) that arithmetic raises. The check belongs where partials merge too.
      out.line(state + " += (double) " + argument.value() + ";");
    } else {
      IntegerRange range = AggregationTable.sumRange(call);
      out.line(
          state
              + " = ExactArithmetic.add("
              + state
              + ", "
              + CastExpressions.asLong(argument.value(), argument.type())
              + ", "
              + range.javaArguments()
              + ", "
              + JavaLiterals.ofString("SUM " + call.resultType())
              + ");");
    }
    out.line("seen[" + c + "][group] = true;");
  }

  private void emitExtreme(int c, JavaValue argument, String better) {
    String seen = "seen[" + c + "][group]";
    String condition;
    String state;
    String value;
    if (argument.type().kind().isApproximateNumeric()) {
      state = "doubleStates[" + c + "][group]";
      value = "(double) " + argument.value();
      condition = "Double.compare(" + value + ", " + state + ") " + better + " 0";
    } else {
      state = "longStates[" + c + "][group]";
      value =
          argument.type().kind() == TypeKind.BOOLEAN
              ? "(" + argument.value() + " ? 1L : 0L)"
              : CastExpressions.asLong(argument.value(), argument.type());
      condition = value + " " + better + " " + state;
    }
    out.open("if (!" + seen + " || " + condition + ")");
    out.line(state + " = " + value + ";");
    out.line(seen + " = true;");
    out.close();
  }
}
