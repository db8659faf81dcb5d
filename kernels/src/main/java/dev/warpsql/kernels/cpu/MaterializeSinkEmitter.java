package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.MaterializeSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the {@code materialize} entry point: it reserves room for every row of the range in the
 * {@link MaterializeOutput}, writes each passing row's outputs straight into the output buffers,
 * and commits the rows only when the whole range succeeded.
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
    out.comment("sink: materialize " + outputs.size() + " output columns");
    out.line("int outputBase = output.reserve(rowEnd - rowStart);");
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
    out.close();
    out.line("output.commit(written);");
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
