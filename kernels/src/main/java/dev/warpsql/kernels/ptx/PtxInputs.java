package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InSet;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Loads input columns of the current row from their Arrow data and validity buffers. */
final class PtxInputs {
  /** Global addresses of one input column, and whether it has a validity buffer. */
  record ColumnRegisters(String data, String validity, String hasValidity) {}

  private final PtxWriter out;
  private final KernelProgram program;
  private final List<ColumnRegisters> columns;

  PtxInputs(PtxWriter out, KernelProgram program, List<ColumnRegisters> columns) {
    this.out = out;
    this.program = program;
    this.columns = columns;
  }

  /** Returns the input column indexes that {@code exprs} read, in ascending order. */
  static Set<Integer> referencedInputs(List<Expr> exprs) {
    Set<Integer> indexes = new TreeSet<>();
    for (Expr expr : exprs) {
      collect(expr, indexes);
    }
    return indexes;
  }

  private static void collect(Expr expr, Set<Integer> indexes) {
    if (expr instanceof InputRef input) {
      indexes.add(input.index());
    } else if (expr instanceof Call call) {
      call.operands().forEach(operand -> collect(operand, indexes));
    } else if (expr instanceof CodeLookup lookup) {
      collect(lookup.code(), indexes);
    } else if (expr instanceof CodeMap map) {
      collect(map.code(), indexes);
    } else if (expr instanceof InSet set) {
      collect(set.operand(), indexes);
    }
  }

  /** Loads, for the current row, the input columns of {@code exprs} not loaded yet. */
  void load(List<Expr> exprs, PtxExprEmitter target) {
    for (int index : referencedInputs(exprs)) {
      if (target.isBound(index)) {
        continue;
      }
      if (index >= program.inputs().size()) {
        throw new IllegalArgumentException(
            "input $" + index + " is beyond the " + program.inputs().size() + " input columns");
      }
      target.bindInput(index, load(index));
    }
  }

  private PtxValue load(int index) {
    KernelProgram.InputColumn column = program.inputs().get(index);
    DataType type = column.type();
    ColumnRegisters registers = columns.get(index);
    String row = out.row();
    out.comment("load input $" + index + ": " + type + (column.nullable() ? " NULL" : ""));
    String value = out.register(type);
    if (type.physicalType() == TypeKind.PhysicalType.BOOLEAN) {
      String bit = loadBit(out, registers.data(), null);
      out.op("setp.ne.u32 " + value + ", " + bit + ", 0");
    } else {
      int width = ArrowColumns.byteWidth(type);
      String offset = out.register(RegisterClass.B64);
      String address = out.register(RegisterClass.B64);
      out.op("shl.b64 " + offset + ", " + row + ", " + Integer.numberOfTrailingZeros(width));
      out.op("add.u64 " + address + ", " + registers.data() + ", " + offset);
      out.op("ld.global.nc" + loadType(type) + " " + value + ", [" + address + "]");
    }
    if (!column.nullable()) {
      return new PtxValue(value, null, type);
    }
    String validBit = loadBit(out, registers.validity(), registers.hasValidity());
    String isNull = out.register(RegisterClass.PRED);
    out.op("setp.eq.u32 " + isNull + ", " + validBit + ", 0");
    return new PtxValue(value, isNull, type);
  }

  /**
   * Returns a register with bit {@code row} of an LSB-first bitmap (0 or 1). When {@code present}
   * is given and false, the bitmap is absent and the bit reads as 1.
   */
  static String loadBit(PtxWriter out, String bitmap, String present) {
    String row = out.row();
    String byteIndex = out.register(RegisterClass.B64);
    String address = out.register(RegisterClass.B64);
    String bits = out.register(RegisterClass.B32);
    String shift = out.register(RegisterClass.B32);
    out.op("shr.u64 " + byteIndex + ", " + row + ", 3");
    out.op("add.u64 " + address + ", " + bitmap + ", " + byteIndex);
    if (present == null) {
      out.op("ld.global.nc.u8 " + bits + ", [" + address + "]");
    } else {
      out.op("mov.b32 " + bits + ", 255");
      out.op("@" + present + " ld.global.nc.u8 " + bits + ", [" + address + "]");
    }
    out.op("cvt.u32.u64 " + shift + ", " + row);
    out.op("and.b32 " + shift + ", " + shift + ", 7");
    out.op("shr.u32 " + bits + ", " + bits + ", " + shift);
    out.op("and.b32 " + bits + ", " + bits + ", 1");
    return bits;
  }

  /** Returns the suffix of a global load of one value of {@code type}, such as {@code .s32}. */
  static String loadType(DataType type) {
    return switch (type.kind()) {
      case TINYINT -> ".s8";
      case SMALLINT -> ".s16";
      case INTEGER, DATE, VARCHAR -> ".s32";
      case BIGINT, DECIMAL, TIME, TIMESTAMP -> ".s64";
      case REAL -> ".f32";
      case DOUBLE -> ".f64";
      case BOOLEAN -> throw new IllegalArgumentException("BOOLEAN data is bit-packed");
    };
  }
}
