package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the PTX module of one {@link KernelProgram}: one {@code .entry} that runs the fused
 * pipeline over the rows of each chunk of its chunk table with a grid-stride loop, plus the helper
 * routines it calls. The parameter layout, error protocol and sink buffers are described in the
 * package documentation.
 *
 * <p>Stateless and thread-safe.
 */
public final class PtxEmitter {
  /** PTX ISA version of the emitted modules; nvPTXCompiler of CUDA 12.0 accepts up to 8.0. */
  public static final String PTX_VERSION = "8.0";

  /** Oldest architecture the modules target; they also assemble for newer ones such as sm_90. */
  public static final String TARGET = "sm_80";

  private PtxEmitter() {}

  /**
   * Returns the PTX of the kernel for {@code program}.
   *
   * @throws IllegalArgumentException when the program is inconsistent (such as an input index out
   *     of range) or uses an operator on types it is not defined for (such as a build column read
   *     where its probe stage has no build row)
   */
  public static PtxKernel emit(KernelProgram program) {
    return new Generation(program).generate();
  }

  /**
   * Returns the bytes of one record of a kernel's {@code chunk_table}: the row count, then the data
   * and validity addresses of each input, all 64-bit.
   */
  public static int chunkRecordBytes(KernelProgram program) {
    return 8 + 16 * program.inputs().size();
  }

  /** Returns the entry name for a pipeline name: {@code warp_} plus its letters and digits. */
  public static String entryName(String pipelineName) {
    StringBuilder name = new StringBuilder("warp_");
    for (char c : pipelineName.toCharArray()) {
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      name.append(plain ? c : '_');
    }
    return name.toString();
  }

  /** Emits a load of a pointer parameter and returns a register with its global address. */
  static String globalPointer(PtxWriter out, String parameter) {
    String generic = out.register(RegisterClass.B64);
    String global = out.register(RegisterClass.B64);
    out.op("ld.param.u64 " + generic + ", [" + parameter + "]");
    out.op("cvta.to.global.u64 " + global + ", " + generic);
    return global;
  }

  /** State of one kernel's generation. */
  private static final class Generation {
    private final KernelProgram program;
    private final PtxWriter out = new PtxWriter();
    private final PtxRoutines routines = new PtxRoutines();
    private final List<PtxParameter> parameters = new ArrayList<>();
    private String declarations = "";

    Generation(KernelProgram program) {
      this.program = program;
    }

    PtxKernel generate() {
      out.comment("prologue: row range of this thread's warp and the grid stride");
      String row = out.register(RegisterClass.B64);
      String errorFlag = declareParameters();
      out.setErrorRegisters(errorFlag, row);
      List<PtxInputs.ColumnRegisters> columns = setUpInputs();
      List<PtxValue> params = setUpParams();
      List<PtxExprEmitter.LookupRegisters> lookups = setUpLookups();
      PtxExprEmitter exprs = new PtxExprEmitter(out, routines, program, params, lookups);
      PtxInputs inputs = new PtxInputs(out, program, columns);
      PtxProbeStages probes = new PtxProbeStages(out, exprs, inputs, program);
      probes.emitSetup();
      PtxSink sink = createSink(exprs, inputs);
      parameters.addAll(sink.parameters());
      declarations = sink.moduleDeclarations();
      sink.emitSetup();
      emitChunkLoop(row, columns, exprs, inputs, probes, sink);
      sink.emitFinish();
      out.op("ret");
      String entry = entryName(program.name());
      return new PtxKernel(entry, module(entry), parameters);
    }

    /** Declares the fixed parameters and returns the register with the error record address. */
    private String declareParameters() {
      parameters.add(new PtxParameter("chunk_count", ".u32"));
      parameters.add(new PtxParameter("chunk_table", ".u64"));
      for (int i = 0; i < program.params().size(); i++) {
        parameters.add(
            new PtxParameter("param" + i + "_value", paramType(program.params().get(i))));
        parameters.add(new PtxParameter("param" + i + "_null", ".u32"));
      }
      for (int i = 0; i < program.lookupTables(); i++) {
        parameters.add(new PtxParameter("lookup" + i + "_values", ".u64"));
        parameters.add(new PtxParameter("lookup" + i + "_nulls", ".u64"));
        parameters.add(new PtxParameter("lookup" + i + "_size", ".u32"));
      }
      parameters.addAll(PtxProbeStages.parameters(program));
      parameters.add(new PtxParameter("error", ".u64"));
      return globalPointer(out, "error");
    }

    /** Returns the registers of the input columns, which the chunk loop loads per chunk. */
    private List<PtxInputs.ColumnRegisters> setUpInputs() {
      List<PtxInputs.ColumnRegisters> columns = new ArrayList<>();
      for (KernelProgram.InputColumn column : program.inputs()) {
        columns.add(
            new PtxInputs.ColumnRegisters(
                out.register(RegisterClass.B64),
                column.nullable() ? out.register(RegisterClass.B64) : null,
                column.nullable() ? out.register(RegisterClass.PRED) : null));
      }
      return columns;
    }

    private List<PtxValue> setUpParams() {
      List<PtxValue> values = new ArrayList<>();
      for (int i = 0; i < program.params().size(); i++) {
        DataType type = program.params().get(i);
        out.comment("parameter ?" + i + ": " + type);
        String value = out.register(type);
        if (type.kind() == TypeKind.BOOLEAN) {
          String word = out.register(RegisterClass.B32);
          out.op("ld.param.u32 " + word + ", [param" + i + "_value]");
          out.op("setp.ne.u32 " + value + ", " + word + ", 0");
        } else {
          String type32 = paramType(type);
          out.op("ld.param" + type32 + " " + value + ", [param" + i + "_value]");
        }
        String flag = out.register(RegisterClass.B32);
        String isNull = out.register(RegisterClass.PRED);
        out.op("ld.param.u32 " + flag + ", [param" + i + "_null]");
        out.op("setp.ne.u32 " + isNull + ", " + flag + ", 0");
        values.add(new PtxValue(value, isNull, type));
      }
      return values;
    }

    private List<PtxExprEmitter.LookupRegisters> setUpLookups() {
      List<PtxExprEmitter.LookupRegisters> lookups = new ArrayList<>();
      for (int i = 0; i < program.lookupTables(); i++) {
        out.comment("lookup table #" + i);
        String values = globalPointer(out, "lookup" + i + "_values");
        String generic = out.register(RegisterClass.B64);
        String nulls = out.register(RegisterClass.B64);
        String hasNulls = out.register(RegisterClass.PRED);
        String size = out.register(RegisterClass.B32);
        out.op("ld.param.u64 " + generic + ", [lookup" + i + "_nulls]");
        out.op("setp.ne.u64 " + hasNulls + ", " + generic + ", 0");
        out.op("cvta.to.global.u64 " + nulls + ", " + generic);
        out.op("ld.param.u32 " + size + ", [lookup" + i + "_size]");
        lookups.add(new PtxExprEmitter.LookupRegisters(values, nulls, hasNulls, size));
      }
      return lookups;
    }

    private PtxSink createSink(PtxExprEmitter exprs, PtxInputs inputs) {
      if (program.sink() instanceof MaterializeSink materialize) {
        return new PtxMaterializeSink(
            out, exprs, inputs, materialize, PtxProbeStages.multipliesRows(program));
      }
      return new PtxAggregateSink(out, exprs, inputs, (AggregateSink) program.sink());
    }

    /**
     * Emits the grid-stride loop. Every lane of a warp runs the same iterations, because the loop
     * steps a warp-aligned row base; rows past the end behave as filtered out. This keeps the
     * warp-wide ballot and shuffles of the sinks valid with a full lane mask.
     */
    private void emitRowLoop(
        String row,
        String rowCount,
        PtxExprEmitter exprs,
        PtxInputs inputs,
        PtxProbeStages probes,
        PtxSink sink) {
      String thread = out.register(RegisterClass.B64);
      String stride = out.register(RegisterClass.B64);
      emitGridStride(out, thread, stride);
      String lane = out.register(RegisterClass.B64);
      String base = out.register(RegisterClass.B64);
      String laneId = out.register(RegisterClass.B32);
      out.op("mov.u32 " + laneId + ", %laneid");
      out.op("cvt.u64.u32 " + lane + ", " + laneId);
      out.op("sub.u64 " + base + ", " + thread + ", " + lane);
      String loop = out.label("row_loop");
      String end = out.label("row_loop_end");
      String past = out.register(RegisterClass.PRED);
      String keep = out.register(RegisterClass.PRED);
      out.comment("pipeline " + program.name() + ": fused row loop");
      out.place(loop);
      out.op("setp.ge.u64 " + past + ", " + base + ", " + rowCount);
      out.op("@" + past + " bra " + end);
      out.op("add.u64 " + row + ", " + base + ", " + lane);
      out.op("setp.lt.u64 " + keep + ", " + row + ", " + rowCount);
      Expr filter = program.filter();
      if (filter != null) {
        out.comment("filter: keep the row only when TRUE");
        String filtered = out.label("filter_done");
        out.op("@!" + keep + " bra " + filtered);
        inputs.load(List.of(filter), exprs);
        PtxValue value = exprs.emit(filter);
        if (value.type().kind() != TypeKind.BOOLEAN) {
          throw new IllegalArgumentException("filter must be BOOLEAN, got " + value.type());
        }
        if (value.neverNull()) {
          out.op("mov.pred " + keep + ", " + value.value());
        } else {
          out.op("and.pred " + keep + ", " + value.value() + ", !" + value.isNull());
        }
        out.place(filtered);
      }
      sink.emitRow(probes.emitStages(keep));
      probes.closeStages();
      out.op("add.u64 " + base + ", " + base + ", " + stride);
      out.op("bra " + loop);
      out.place(end);
    }

    /**
     * Emits the loop over the chunks of {@code chunk_table}: per chunk, the row count and the input
     * columns' addresses from its record, then the row loop over its rows.
     */
    private void emitChunkLoop(
        String row,
        List<PtxInputs.ColumnRegisters> columns,
        PtxExprEmitter exprs,
        PtxInputs inputs,
        PtxProbeStages probes,
        PtxSink sink) {
      String table = globalPointer(out, "chunk_table");
      String chunkCount = out.register(RegisterClass.B32);
      String chunk = out.register(RegisterClass.B32);
      String record = out.register(RegisterClass.B64);
      String rowCount = out.register(RegisterClass.B64);
      String done = out.register(RegisterClass.PRED);
      out.op("ld.param.u32 " + chunkCount + ", [chunk_count]");
      out.op("mov.u32 " + chunk + ", 0");
      String loop = out.label("chunk_loop");
      String end = out.label("chunk_loop_end");
      out.place(loop);
      out.op("setp.ge.u32 " + done + ", " + chunk + ", " + chunkCount);
      out.op("@" + done + " bra " + end);
      out.comment("chunk record: row count, then data and validity addresses per input");
      out.op("mul.wide.u32 " + record + ", " + chunk + ", " + chunkRecordBytes(program));
      out.op("add.u64 " + record + ", " + record + ", " + table);
      out.op("ld.global.u64 " + rowCount + ", [" + record + "]");
      for (int i = 0; i < columns.size(); i++) {
        PtxInputs.ColumnRegisters column = columns.get(i);
        out.op("ld.global.u64 " + column.data() + ", [" + record + "+" + (8 + 16 * i) + "]");
        out.op("cvta.to.global.u64 " + column.data() + ", " + column.data());
        if (column.validity() != null) {
          out.op("ld.global.u64 " + column.validity() + ", [" + record + "+" + (16 + 16 * i) + "]");
          out.op("setp.ne.u64 " + column.hasValidity() + ", " + column.validity() + ", 0");
          out.op("cvta.to.global.u64 " + column.validity() + ", " + column.validity());
        }
      }
      emitRowLoop(row, rowCount, exprs, inputs, probes, sink);
      out.op("add.u32 " + chunk + ", " + chunk + ", 1");
      out.op("bra " + loop);
      out.place(end);
    }

    private String module(String entry) {
      StringBuilder text = new StringBuilder();
      text.append("// WarpSQL PTX kernel for pipeline \"")
          .append(program.name().replace('\n', ' '))
          .append("\"\n");
      text.append("// canonical form: ").append(program.canonicalText().replace('\n', ' '));
      text.append("\n.version ").append(PTX_VERSION).append('\n');
      text.append(".target ").append(TARGET).append('\n');
      text.append(".address_size 64\n\n");
      text.append(declarations);
      text.append(routines.definitions());
      appendEntry(text, entry, parameters, out);
      return text.toString();
    }
  }

  /**
   * Emits this thread's index in the grid into {@code thread} and the grid's thread count into
   * {@code stride}, both 64-bit registers, for a grid-stride loop.
   */
  static void emitGridStride(PtxWriter out, String thread, String stride) {
    String block = out.register(RegisterClass.B32);
    String blockSize = out.register(RegisterClass.B32);
    String threadInBlock = out.register(RegisterClass.B32);
    String gridSize = out.register(RegisterClass.B32);
    String wide = out.register(RegisterClass.B64);
    out.op("mov.u32 " + block + ", %ctaid.x");
    out.op("mov.u32 " + blockSize + ", %ntid.x");
    out.op("mov.u32 " + threadInBlock + ", %tid.x");
    out.op("mov.u32 " + gridSize + ", %nctaid.x");
    out.op("mul.wide.u32 " + thread + ", " + block + ", " + blockSize);
    out.op("cvt.u64.u32 " + wide + ", " + threadInBlock);
    out.op("add.u64 " + thread + ", " + thread + ", " + wide);
    out.op("mul.wide.u32 " + stride + ", " + gridSize + ", " + blockSize);
  }

  /** Appends an {@code .entry} with its parameters, register declarations and body. */
  static void appendEntry(
      StringBuilder text, String entry, List<PtxParameter> parameters, PtxWriter out) {
    text.append(".visible .entry ").append(entry).append("(\n");
    for (int i = 0; i < parameters.size(); i++) {
      PtxParameter parameter = parameters.get(i);
      text.append("    .param ")
          .append(parameter.type())
          .append(' ')
          .append(parameter.name())
          .append(i + 1 < parameters.size() ? ",\n" : "\n");
    }
    text.append(")\n{\n");
    text.append(out.declarations());
    text.append(out.body());
    text.append("}\n");
  }

  /** Returns the PTX type of a parameter's value: its register type, BOOLEAN as {@code .u32}. */
  static String paramType(DataType type) {
    return switch (type.physicalType()) {
      case BOOLEAN -> ".u32";
      case INT -> ".s32";
      case LONG -> ".s64";
      case FLOAT -> ".f32";
      case DOUBLE -> ".f64";
    };
  }
}
