package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Materialize sink: compacts the passing rows of each warp into consecutive output rows with one
 * atomic add per warp on the output row counter, then each passing lane writes its outputs. Data
 * goes to Arrow data buffers. Validity bits and BOOLEAN data bits are set with atomic OR on 32-bit
 * words, because lanes of different warps may share a word.
 */
final class PtxMaterializeSink implements PtxSink {
  private final PtxWriter out;
  private final PtxExprEmitter exprs;
  private final PtxInputs inputs;
  private final MaterializeSink sink;
  private final boolean bounded;
  private final List<String> data = new ArrayList<>();
  private final List<String> validity = new ArrayList<>();
  private String counter;
  private String capacity;

  /**
   * @param bounded whether the kernel may write more rows than it reads (after an INNER or LEFT
   *     join), so that the sink takes an {@code out_capacity} and checks each row against it
   */
  PtxMaterializeSink(
      PtxWriter out,
      PtxExprEmitter exprs,
      PtxInputs inputs,
      MaterializeSink sink,
      boolean bounded) {
    this.out = out;
    this.exprs = exprs;
    this.inputs = inputs;
    this.sink = sink;
    this.bounded = bounded;
  }

  @Override
  public List<PtxParameter> parameters() {
    List<PtxParameter> parameters = new ArrayList<>();
    parameters.add(new PtxParameter("out_count", ".u64"));
    if (bounded) {
      parameters.add(new PtxParameter("out_capacity", ".u32"));
    }
    for (int i = 0; i < sink.outputs().size(); i++) {
      parameters.add(new PtxParameter("out" + i + "_data", ".u64"));
      parameters.add(new PtxParameter("out" + i + "_validity", ".u64"));
    }
    return parameters;
  }

  @Override
  public void emitSetup() {
    counter = PtxEmitter.globalPointer(out, "out_count");
    if (bounded) {
      capacity = out.register(RegisterClass.B32);
      out.op("ld.param.u32 " + capacity + ", [out_capacity]");
    }
    for (int i = 0; i < sink.outputs().size(); i++) {
      data.add(PtxEmitter.globalPointer(out, "out" + i + "_data"));
      validity.add(PtxEmitter.globalPointer(out, "out" + i + "_validity"));
    }
  }

  @Override
  public void emitRow(String keep) {
    List<Expr> outputs = sink.outputs();
    out.comment("sink: materialize " + outputs.size() + " output columns");
    String evaluated = out.label("outputs_done");
    out.op("@!" + keep + " bra " + evaluated);
    inputs.load(outputs, exprs);
    List<PtxValue> values = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      StringBuilder canonical = new StringBuilder();
      outputs.get(i).appendCanonical(canonical);
      out.comment("output " + i + ": " + canonical);
      values.add(exprs.emit(outputs.get(i)));
    }
    out.place(evaluated);
    String outputRow = emitCompaction(keep);
    String written = out.label("write_done");
    out.op("@!" + keep + " bra " + written);
    if (bounded) {
      String full = out.register(RegisterClass.PRED);
      String limit = out.register(RegisterClass.B64);
      out.op("cvt.u64.u32 " + limit + ", " + capacity);
      out.op("setp.ge.u64 " + full + ", " + outputRow + ", " + limit);
      out.raiseWhen(full, PtxErrors.OUTPUT_FULL, "OUTPUT_FULL");
      out.op("@" + full + " bra " + written);
    }
    for (int i = 0; i < values.size(); i++) {
      out.comment("write output " + i);
      writeValue(i, values.get(i), outputRow);
    }
    out.place(written);
  }

  @Override
  public void emitFinish() {
    // every row was written inside the loop
  }

  /** Emits the warp's reservation of output rows and returns this lane's output row (64-bit). */
  private String emitCompaction(String keep) {
    out.comment("compaction: ballot of passing lanes, one atomic add per warp");
    String ballot = out.register(RegisterClass.B32);
    String count = out.register(RegisterClass.B32);
    String lane = out.register(RegisterClass.B32);
    String leader = out.register(RegisterClass.PRED);
    String any = out.register(RegisterClass.PRED);
    String base = out.register(RegisterClass.B32);
    out.op("vote.sync.ballot.b32 " + ballot + ", " + keep + ", 0xffffffff");
    out.op("popc.b32 " + count + ", " + ballot);
    out.op("mov.u32 " + lane + ", %laneid");
    out.op("setp.eq.u32 " + leader + ", " + lane + ", 0");
    out.op("setp.ne.u32 " + any + ", " + count + ", 0");
    out.op("and.pred " + leader + ", " + leader + ", " + any);
    out.op("mov.b32 " + base + ", 0");
    out.op("@" + leader + " atom.global.add.u32 " + base + ", [" + counter + "], " + count);
    out.op("shfl.sync.idx.b32 " + base + ", " + base + ", 0, 0x1f, 0xffffffff");
    String below = out.register(RegisterClass.B32);
    String rank = out.register(RegisterClass.B32);
    out.op("mov.u32 " + below + ", %lanemask_lt");
    out.op("and.b32 " + below + ", " + below + ", " + ballot);
    out.op("popc.b32 " + rank + ", " + below);
    out.op("add.u32 " + rank + ", " + rank + ", " + base);
    String outputRow = out.register(RegisterClass.B64);
    out.op("cvt.u64.u32 " + outputRow + ", " + rank);
    return outputRow;
  }

  private void writeValue(int i, PtxValue value, String outputRow) {
    if (value.type().kind() == TypeKind.BOOLEAN) {
      String set = out.register(RegisterClass.PRED);
      if (value.neverNull()) {
        out.op("mov.pred " + set + ", " + value.value());
      } else {
        out.op("and.pred " + set + ", " + value.value() + ", !" + value.isNull());
      }
      setBit(data.get(i), outputRow, set);
    } else {
      int width = ArrowColumns.byteWidth(value.type());
      String offset = out.register(RegisterClass.B64);
      String address = out.register(RegisterClass.B64);
      out.op("shl.b64 " + offset + ", " + outputRow + ", " + Integer.numberOfTrailingZeros(width));
      out.op("add.u64 " + address + ", " + data.get(i) + ", " + offset);
      out.op("st.global" + storeType(value) + " [" + address + "], " + value.value());
    }
    String valid = null;
    if (!value.neverNull()) {
      valid = out.register(RegisterClass.PRED);
      out.op("not.pred " + valid + ", " + value.isNull());
    }
    setBit(validity.get(i), outputRow, valid);
  }

  /** Sets bit {@code row} of an LSB-first bitmap when {@code condition} (null: always) holds. */
  private void setBit(String bitmap, String row, String condition) {
    String word = out.register(RegisterClass.B64);
    String address = out.register(RegisterClass.B64);
    String shift = out.register(RegisterClass.B32);
    String mask = out.register(RegisterClass.B32);
    out.op("shr.u64 " + word + ", " + row + ", 5");
    out.op("shl.b64 " + word + ", " + word + ", 2");
    out.op("add.u64 " + address + ", " + bitmap + ", " + word);
    out.op("cvt.u32.u64 " + shift + ", " + row);
    out.op("and.b32 " + shift + ", " + shift + ", 31");
    out.op("shl.b32 " + mask + ", 1, " + shift);
    String guard = condition == null ? "" : "@" + condition + " ";
    out.op(guard + "red.global.or.b32 [" + address + "], " + mask);
  }

  private static String storeType(PtxValue value) {
    return switch (value.type().kind()) {
      case TINYINT -> ".u8";
      case SMALLINT -> ".u16";
      case INTEGER, DATE, VARCHAR -> ".u32";
      case BIGINT, DECIMAL, TIME, TIMESTAMP -> ".u64";
      case REAL -> ".f32";
      case DOUBLE -> ".f64";
      case BOOLEAN -> throw new IllegalArgumentException("BOOLEAN data is bit-packed");
    };
  }
}
