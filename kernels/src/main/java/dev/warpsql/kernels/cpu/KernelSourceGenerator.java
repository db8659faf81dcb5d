package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates the Java source of one kernel: a class implementing {@link GeneratedKernel} whose entry
 * point runs the program's pipeline as one fused loop over a row range. Per row the loop reads the
 * input columns the filter needs straight from the Arrow buffers, evaluates the filter, and for a
 * passing row reads the remaining columns, runs the hash-join probes (see {@link
 * ProbeStageEmitter}) and updates the sink once per row that the probes emit.
 *
 * <p>The generated code allocates nothing per row, boxes nothing, and makes no virtual calls:
 * helpers are static methods of this package and final Arrow and table classes.
 */
final class KernelSourceGenerator {
  /** Simple name of the generated class, in the default package of its own class loader. */
  static final String CLASS_NAME = "WarpKernel";

  private final KernelProgram program;
  private final JavaWriter out = new JavaWriter();
  private final ExprEmitter exprs;
  private final ProbeStageEmitter probes;
  private final Set<Integer> loadedInputs = new TreeSet<>();

  private KernelSourceGenerator(KernelProgram program) {
    this.program = program;
    this.exprs = new ExprEmitter(out, program);
    this.probes = new ProbeStageEmitter(out, exprs, program);
  }

  /**
   * Returns the source of the kernel for {@code program}.
   *
   * @throws IllegalArgumentException when the program uses types or operators that the CPU backend
   *     does not support, or is inconsistent (such as an input index out of range)
   */
  static String generate(KernelProgram program) {
    return new KernelSourceGenerator(program).generate();
  }

  private String generate() {
    probes.checkBuildRefScopes();
    out.comment("WarpSQL CPU kernel for pipeline " + JavaLiterals.ofString(program.name()));
    out.comment("canonical form: " + program.canonicalText());
    out.line("import dev.warpsql.kernels.cpu.*;");
    out.line("import org.apache.arrow.memory.ArrowBuf;");
    out.line("import org.apache.arrow.memory.util.MemoryUtil;");
    out.line("import org.apache.arrow.vector.BitVectorHelper;");
    out.line("import org.apache.arrow.vector.FieldVector;");
    out.line("");
    out.open("public final class " + CLASS_NAME + " implements GeneratedKernel");
    if (program.sink() instanceof MaterializeSink sink) {
      new MaterializeSinkEmitter(out, exprs, sink).emitMethod(this);
      emitRejectingMethod("aggregate", "AggregationTable table");
    } else {
      emitRejectingMethod("materialize", "MaterializeOutput output");
      new AggregateSinkEmitter(out, exprs, (AggregateSink) program.sink()).emitMethod(this);
    }
    exprs.emitConstantSets();
    out.close();
    return out.toString();
  }

  /** Emits the start of an entry point: its signature and the per-run setup of all arguments. */
  void openEntryPoint(String method, String sinkParameter) {
    out.line("");
    out.open(
        "public void "
            + method
            + "(KernelArguments arguments, int rowStart, int rowEnd, "
            + sinkParameter
            + ")");
    ExprReferences references = ExprReferences.of(ExprReferences.pipelineExprs(program));
    emitInputSetup(references.inputs);
    emitParamSetup(references.params);
    emitLookupSetup(references.lookupKinds());
    probes.emitSetup(references);
  }

  /**
   * Opens the row loop and emits the filter, then loads the input columns that the probes and the
   * sink need and emits the probe stages. The code emitted next runs once per row that the last
   * stage emits; {@link #closeRowLoop()} ends it.
   */
  void openRowLoop() {
    out.comment("pipeline " + JavaLiterals.ofString(program.name()) + ": fused row loop");
    out.open("for (int row = rowStart; row < rowEnd; row++)");
    Expr filter = program.filter();
    if (filter != null) {
      out.comment("filter: keep the row only when TRUE");
      loadInputs(List.of(filter));
      JavaValue keep = exprs.emit(filter);
      String reject =
          keep.neverNull() ? "!" + keep.value() : keep.isNull() + " || !" + keep.value();
      out.open("if (" + reject + ")");
      out.line("continue;");
      out.close();
    }
    loadInputs(ExprReferences.pipelineExprs(program));
    probes.emitStages();
  }

  /** Closes the blocks that the probe stages opened, then the row loop. */
  void closeRowLoop() {
    probes.closeStages();
    out.close();
  }

  JavaWriter out() {
    return out;
  }

  KernelProgram program() {
    return program;
  }

  private void emitRejectingMethod(String method, String sinkParameter) {
    out.line("");
    out.open(
        "public void "
            + method
            + "(KernelArguments arguments, int rowStart, int rowEnd, "
            + sinkParameter
            + ")");
    out.line(
        "throw new UnsupportedOperationException("
            + JavaLiterals.ofString(
                "pipeline "
                    + program.name()
                    + " "
                    + sinkVerb()
                    + " rows, so it has no "
                    + method
                    + " entry point")
            + ");");
    out.close();
  }

  private String sinkVerb() {
    return program.sink() instanceof MaterializeSink ? "materializes" : "aggregates";
  }

  private void emitInputSetup(Set<Integer> inputs) {
    for (int i : inputs) {
      if (i >= program.inputs().size()) {
        throw new IllegalArgumentException(
            "input $" + i + " is beyond the " + program.inputs().size() + " input columns");
      }
      KernelProgram.InputColumn column = program.inputs().get(i);
      out.comment("input $" + i + ": " + column.type() + (column.nullable() ? " NULL" : ""));
      out.line("FieldVector vector" + i + " = (FieldVector) arguments.inputs().get(" + i + ");");
      // Rows are read by address without Arrow's per-read bounds and reference checks, so the
      // range is checked once here.
      out.line("KernelArguments.checkRowRange(vector" + i + ", rowEnd);");
      out.line("ArrowBuf data" + i + " = vector" + i + ".getDataBuffer();");
      out.line("long data" + i + "Address = data" + i + ".memoryAddress();");
      if (column.nullable()) {
        out.line("ArrowBuf validity" + i + " = vector" + i + ".getValidityBuffer();");
        out.line("long validity" + i + "Address = validity" + i + ".memoryAddress();");
        out.line("boolean hasNulls" + i + " = vector" + i + ".getNullCount() != 0;");
      }
    }
  }

  private void emitParamSetup(Set<Integer> params) {
    if (params.isEmpty()) {
      return;
    }
    out.line("Object[] params = arguments.params();");
    for (int i : params) {
      DataType type = program.params().get(i);
      String name = "param" + i;
      out.comment("parameter ?" + i + ": " + type);
      out.line(JavaValue.javaType(type) + " " + name + " = " + JavaValue.defaultValue(type) + ";");
      out.line("boolean " + name + "Null = params[" + i + "] == null;");
      out.open("if (!" + name + "Null)");
      out.line(name + " = " + unboxParam("params[" + i + "]", type) + ";");
      out.close();
    }
  }

  private static String unboxParam(String boxed, DataType type) {
    return switch (type.physicalType()) {
      case BOOLEAN -> "((Boolean) " + boxed + ").booleanValue()";
      case INT -> "(int) ((Long) " + boxed + ").longValue()";
      case LONG -> "((Long) " + boxed + ").longValue()";
      case FLOAT -> "(float) ((Double) " + boxed + ").doubleValue()";
      case DOUBLE -> "((Double) " + boxed + ").doubleValue()";
    };
  }

  private void emitLookupSetup(Map<Integer, LookupTable.Kind> kinds) {
    for (Map.Entry<Integer, LookupTable.Kind> entry : kinds.entrySet()) {
      int i = entry.getKey();
      String name = "lookup" + i;
      String values =
          switch (entry.getValue()) {
            case BOOLEAN -> "boolean[] " + name + "Values = " + name + ".values();";
            case LONG -> "long[] " + name + "Values = " + name + ".longValues();";
            case DOUBLE -> "double[] " + name + "Values = " + name + ".doubleValues();";
          };
      out.comment("lookup table #" + i + " of " + entry.getValue() + " values");
      out.line("LookupTable " + name + " = arguments.lookups()[" + i + "];");
      out.line(values);
      out.line("boolean[] " + name + "Nulls = " + name + ".nulls();");
      out.line("RuntimeException[] " + name + "Errors = " + name + ".errors();");
      out.line("int " + name + "Size = " + name + "Values.length;");
    }
  }

  /** Reads, for the current row, the input columns of {@code exprs} not read yet. */
  private void loadInputs(List<Expr> exprs) {
    for (int i : ExprReferences.of(exprs).inputs) {
      if (!loadedInputs.add(i)) {
        continue;
      }
      KernelProgram.InputColumn column = program.inputs().get(i);
      String name = "in" + i;
      out.line(
          JavaValue.javaType(column.type())
              + " "
              + name
              + " = "
              + readValue("data" + i, "row", column.type())
              + ";");
      if (column.nullable()) {
        out.line(
            "boolean "
                + name
                + "Null = hasNulls"
                + i
                + " && !"
                + isBitSet("validity" + i + "Address", "row")
                + ";");
      }
    }
  }

  /**
   * Returns a Java expression reading the value at {@code row} of a data buffer of type {@code
   * type}, of the Java type that {@link JavaValue#javaType} names. TINYINT and SMALLINT reads are
   * cast to int because Janino rejects a conditional that mixes a byte or short read with an int
   * constant, such as the NULL placeholder of an unmatched LEFT join row.
   */
  static String readValue(String data, String row, DataType type) {
    String address = data + "Address";
    return switch (type.kind()) {
      case BOOLEAN -> isBitSet(address, row);
      case TINYINT -> "((int) MemoryUtil.getByte(" + address + " + " + row + "))";
      case SMALLINT -> "((int) MemoryUtil.getShort(" + offset(address, row, 1) + "))";
      case INTEGER, DATE, VARCHAR -> "MemoryUtil.getInt(" + offset(address, row, 2) + ")";
      case BIGINT, DECIMAL, TIME, TIMESTAMP ->
          "MemoryUtil.getLong(" + offset(address, row, 3) + ")";
      case REAL -> "Float.intBitsToFloat(MemoryUtil.getInt(" + offset(address, row, 2) + "))";
      case DOUBLE -> "Double.longBitsToDouble(MemoryUtil.getLong(" + offset(address, row, 3) + "))";
    };
  }

  /** Returns the address of the value at {@code row} of width {@code 1 << shift} bytes. */
  private static String offset(String address, String row, int shift) {
    return address + " + (((long) " + row + ") << " + shift + ")";
  }

  /** Returns a Java expression that tests the bit of {@code row} in a bitmap at an address. */
  static String isBitSet(String address, String row) {
    return "((MemoryUtil.getByte("
        + address
        + " + ("
        + row
        + " >>> 3)) >> ("
        + row
        + " & 7) & 1) != 0)";
  }
}
