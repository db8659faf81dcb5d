package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ProbeStage;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the {@code materialize} entry point: it reserves room for every row of the range in the
 * {@link MaterializeOutput}, writes each emitted row's outputs straight into the output buffers,
 * and commits the rows only when the whole range succeeded.
 *
 * <p>An INNER or LEFT probe can emit more rows than the range has, so such a pipeline grows its
 * reservation (doubling it) whenever it is full; rows written before the growth are kept.
 */
final class MaterializeSinkEmitter {
  private final JavaWriter out;
  private final ExprEmitter exprs;
  private final MaterializeSink sink;

  MaterializeSinkEmitter(JavaWriter out, ExprEmitter exprs, MaterializeSink sink) {
    this.out = out;
    this.exprs = exprs;
    this.sink = sink;
  }

  void emitMethod(KernelSourceGenerator generator) {
    generator.openEntryPoint("materialize", "MaterializeOutput output");
    List<Expr> outputs = sink.outputs();
    boolean fanOut = canFanOut(generator.program().probes());
    out.comment("sink: materialize " + outputs.size() + " output columns");
    out.line("int capacity = rowEnd - rowStart;");
    out.line("int outputBase = output.reserve(capacity);");
    for (int i = 0; i < outputs.size(); i++) {
      out.line("ArrowBuf outData" + i + " = output.dataBuffer(" + i + ");");
      out.line("ArrowBuf outValidity" + i + " = output.validityBuffer(" + i + ");");
    }
    out.line("int written = 0;");

    generator.openRowLoop();
    List<JavaValue> values = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      StringBuilder canonical = new StringBuilder();
      outputs.get(i).appendCanonical(canonical);
      out.comment("output " + i + ": " + canonical);
      values.add(exprs.emit(outputs.get(i)));
    }

    if (fanOut) {
      emitGrowth(outputs.size());
    }
    out.line("int outputRow = outputBase + written;");
    for (int i = 0; i < outputs.size(); i++) {
      JavaValue value = values.get(i);
      out.line(write("outData" + i, value.type(), value.value()) + ";");
      out.line(
          "BitVectorHelper.setValidityBit(outValidity"
              + i
              + ", outputRow, "
              + (value.neverNull() ? "1" : value.isNull() + " ? 0 : 1")
              + ");");
    }
    out.line("written++;");
    generator.closeRowLoop();
    out.line("output.commit(written);");
    out.close();
  }

  /** Returns whether some probe can emit more than one row per input row. */
  private static boolean canFanOut(List<ProbeStage> probes) {
    for (ProbeStage probe : probes) {
      if (probe.kind() == JoinKind.INNER || probe.kind() == JoinKind.LEFT) {
        return true;
      }
    }
    return false;
  }

  private void emitGrowth(int columns) {
    out.open("if (written == capacity)");
    out.comment("the probes emitted more rows than the range has, so double the reservation");
    out.open("if (capacity == Integer.MAX_VALUE)");
    out.line(
        "throw new IllegalStateException("
            + JavaLiterals.ofString(
                "the probes emitted more than "
                    + Integer.MAX_VALUE
                    + " rows from one row range; run the kernel over smaller ranges")
            + ");");
    out.close();
    out.line("capacity = (int) Math.min(Integer.MAX_VALUE, 2L * capacity + 1024L);");
    out.line("output.reserve(capacity);");
    for (int i = 0; i < columns; i++) {
      out.line("outData" + i + " = output.dataBuffer(" + i + ");");
      out.line("outValidity" + i + " = output.validityBuffer(" + i + ");");
    }
    out.close();
  }

  private static String write(String buffer, DataType type, String value) {
    return switch (type.kind()) {
      case BOOLEAN ->
          "BitVectorHelper.setValidityBit(" + buffer + ", outputRow, " + value + " ? 1 : 0)";
      case TINYINT -> buffer + ".setByte(outputRow, " + value + ")";
      case SMALLINT -> buffer + ".setShort(((long) outputRow) << 1, " + value + ")";
      case INTEGER, DATE, VARCHAR -> buffer + ".setInt(((long) outputRow) << 2, " + value + ")";
      case BIGINT, DECIMAL, TIME, TIMESTAMP ->
          buffer + ".setLong(((long) outputRow) << 3, " + value + ")";
      case REAL -> buffer + ".setFloat(((long) outputRow) << 2, " + value + ")";
      case DOUBLE -> buffer + ".setDouble(((long) outputRow) << 3, " + value + ")";
    };
  }
}
