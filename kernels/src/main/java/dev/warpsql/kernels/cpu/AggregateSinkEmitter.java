package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the {@code aggregate} entry point: for each passing row it encodes the group keys, finds or
 * inserts the group, and updates each call's accumulator in the primitive arrays of {@link
 * AggregationTable}.
 *
 * <p>While the table has a direct index, the row's group comes from one read of its slot array at
 * the mixed-radix slot of the keys (see {@link AggregationTable#directSlots()}). Only a new group,
 * a key outside its range or a table that hashes takes the call to {@link
 * AggregationTable#findOrInsert}.
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
    boolean direct = mayIndexDirectly();
    if (direct) {
      emitDirectSetup();
    }
    generator.openRowLoop();
    emitGroupLookup(direct);
    List<AggregateCall> calls = sink.calls();
    for (int c = 0; c < calls.size(); c++) {
      emitUpdate(c, calls.get(c));
    }
    generator.closeRowLoop();
    out.close();
  }

  /**
   * Returns whether the table may index the keys directly, which needs at least one key and no REAL
   * or DOUBLE key, because the bits of floating-point values do not form a dense range.
   */
  private boolean mayIndexDirectly() {
    List<Expr> keys = sink.groupKeys();
    return !keys.isEmpty()
        && keys.stream().noneMatch(key -> key.type().kind().isApproximateNumeric());
  }

  /** Emits the reads of the direct index's slot array and per-key radix parameters into locals. */
  private void emitDirectSetup() {
    out.comment("direct group index: slot array and per-key ranges, or null slots when hashing");
    out.line("int[] directSlots = table.directSlots();");
    for (int k = 0; k < sink.groupKeys().size(); k++) {
      out.line("long directMin" + k + " = table.directKeyMin(" + k + ");");
      out.line("long directValues" + k + " = table.directKeyValueCount(" + k + ");");
      out.line("int directStride" + k + " = table.directKeyStride(" + k + ");");
    }
  }

  private void emitGroupLookup(boolean direct) {
    List<Expr> keys = sink.groupKeys();
    if (keys.isEmpty()) {
      out.line("int group = 0;");
      return;
    }
    List<JavaValue> values = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      StringBuilder canonical = new StringBuilder();
      keys.get(k).appendCanonical(canonical);
      out.comment("group key " + k + ": " + canonical);
      JavaValue key = exprs.emit(keys.get(k));
      out.line("long groupKey" + k + " = " + keyBits(key) + ";");
      if (!key.neverNull()) {
        out.line("boolean groupKey" + k + "Null = " + key.isNull() + ";");
      }
      values.add(key);
    }
    out.line("int group;");
    if (!direct) {
      emitTableLookup(values);
      return;
    }
    out.open("if (directSlots != null)");
    emitDirectLookup(values);
    out.open("if (group < 0)");
    emitTableLookup(values);
    out.line("directSlots = table.directSlots();");
    out.close();
    out.closeOpen("else");
    emitTableLookup(values);
    out.close();
  }

  /** Emits the call to {@link AggregationTable#findOrInsert} with the row's keys. */
  private void emitTableLookup(List<JavaValue> values) {
    StringBuilder nullMask = new StringBuilder("0L");
    for (int k = 0; k < values.size(); k++) {
      if (values.get(k).neverNull()) {
        out.line("probeKeys[" + k + "] = groupKey" + k + ";");
      } else {
        out.line("probeKeys[" + k + "] = groupKey" + k + "Null ? 0L : groupKey" + k + ";");
        nullMask
            .append(" | (groupKey")
            .append(k)
            .append("Null ? ")
            .append(1L << k)
            .append("L : 0L)");
      }
    }
    out.line("group = table.findOrInsert(" + nullMask + ");");
  }

  /**
   * Emits the read of the row's group from the direct index's slot array, which sets {@code group}
   * to -1 when a key is outside its range or the slot is empty.
   */
  private void emitDirectLookup(List<JavaValue> values) {
    StringBuilder inRange = new StringBuilder();
    StringBuilder slot = new StringBuilder();
    for (int k = 0; k < values.size(); k++) {
      String offset = "keyOffset" + k;
      out.line("long " + offset + " = groupKey" + k + " - directMin" + k + ";");
      // The difference may wrap around, but only a value in the range gives 0..count-1.
      String valueInRange = offset + " >= 0 && " + offset + " < directValues" + k;
      String digit = "((int) " + offset + " + 1)";
      if (!values.get(k).neverNull()) {
        valueInRange = "groupKey" + k + "Null || " + valueInRange;
        digit = "(groupKey" + k + "Null ? 0 : " + digit + ")";
      }
      inRange.append(k == 0 ? "" : " && ").append('(').append(valueInRange).append(')');
      slot.append(k == 0 ? "" : " + ").append(digit).append(" * directStride").append(k);
    }
    out.line("group = " + inRange + " ? directSlots[" + slot + "] - 1 : -1;");
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
