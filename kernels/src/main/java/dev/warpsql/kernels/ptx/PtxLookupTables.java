package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits reads of lookup tables by dictionary code: BOOLEAN entries of one byte for {@code
 * CodeLookup}, and 8-byte entries ({@code int64} for integer-register types, {@code f64} for REAL
 * and DOUBLE) for {@code CodeMap}. The entry is NULL when the code is NULL or the table's NULL
 * bytes mark it; a code outside the table raises {@link PtxErrors#LOOKUP_CODE_OUT_OF_RANGE}.
 */
final class PtxLookupTables {
  private final PtxWriter out;
  private final KernelProgram program;
  private final List<PtxExprEmitter.LookupRegisters> tables;

  /** First type that each table was read as, so that a read of another layout is rejected. */
  private final Map<Integer, DataType> readTypes = new HashMap<>();

  PtxLookupTables(
      PtxWriter out, KernelProgram program, List<PtxExprEmitter.LookupRegisters> tables) {
    this.out = out;
    this.program = program;
    this.tables = tables;
  }

  /**
   * Returns the entry of table {@code index} for {@code code} (a VARCHAR code) as a value of {@code
   * type}; BOOLEAN reads a CodeLookup table and every other type a CodeMap table.
   *
   * @throws IllegalArgumentException when the index is beyond the program's tables, or when the
   *     program reads the same table with entries of another layout
   */
  PtxValue read(int index, PtxValue code, DataType type) {
    checkTable(index, type);
    PtxExprEmitter.LookupRegisters table = tables.get(index);
    boolean booleanEntries = type.kind() == TypeKind.BOOLEAN;
    out.comment(
        (booleanEntries ? "LOOKUP#" : "MAP#") + index + ": " + type + " by dictionary code");
    String result = out.register(type);
    String isNull = out.register(RegisterClass.PRED);
    String done = out.label("lookup_done");
    initialize(result, type);
    out.op("mov.pred " + isNull + ", 1");
    if (!code.neverNull()) {
      out.op("@" + code.isNull() + " bra " + done);
    }

    String outside = out.register(RegisterClass.PRED);
    out.op("setp.ge.u32 " + outside + ", " + code.value() + ", " + table.size());
    out.raiseWhen(outside, PtxErrors.LOOKUP_CODE_OUT_OF_RANGE, "LOOKUP_CODE_OUT_OF_RANGE");
    out.op("@" + outside + " bra " + done);

    String offset = out.register(RegisterClass.B64);
    out.op("cvt.u64.u32 " + offset + ", " + code.value());
    if (booleanEntries) {
      loadBoolean(table, offset, result);
    } else {
      loadEightBytes(table, offset, result, type);
    }

    String flag = out.register(RegisterClass.B32);
    String address = out.register(RegisterClass.B64);
    out.op("mov.b32 " + flag + ", 0");
    out.op("add.u64 " + address + ", " + table.nulls() + ", " + offset);
    out.op("@" + table.hasNulls() + " ld.global.nc.u8 " + flag + ", [" + address + "]");
    out.op("setp.ne.u32 " + isNull + ", " + flag + ", 0");
    out.comment("flag 2: the entry raises an error, which the host finds by table and code");
    String failed = out.register(RegisterClass.PRED);
    String detail = out.register(RegisterClass.B64);
    out.op("setp.eq.u32 " + failed + ", " + flag + ", 2");
    out.op("or.b64 " + detail + ", " + offset + ", " + ((long) index << 32));
    out.raiseWhen(failed, PtxErrors.LOOKUP_ENTRY_FAILED, "LOOKUP_ENTRY_FAILED", detail);
    out.place(done);
    return new PtxValue(result, isNull, type);
  }

  private void checkTable(int index, DataType type) {
    if (index >= program.lookupTables()) {
      throw new IllegalArgumentException(
          "lookup table #" + index + " is beyond the " + program.lookupTables() + " lookup tables");
    }
    DataType first = readTypes.putIfAbsent(index, type);
    if (first != null && layout(first) != layout(type)) {
      throw new IllegalArgumentException(
          "lookup table #"
              + index
              + " is read as both "
              + first
              + " and "
              + type
              + ", but a table contains values of one kind only");
    }
  }

  /** Returns the entry layout of a table read as {@code type}: BOOLEAN, LONG or DOUBLE. */
  private static TypeKind.PhysicalType layout(DataType type) {
    return switch (type.physicalType()) {
      case BOOLEAN -> TypeKind.PhysicalType.BOOLEAN;
      case INT, LONG -> TypeKind.PhysicalType.LONG;
      case FLOAT, DOUBLE -> TypeKind.PhysicalType.DOUBLE;
    };
  }

  private void loadBoolean(PtxExprEmitter.LookupRegisters table, String offset, String result) {
    String address = out.register(RegisterClass.B64);
    String entry = out.register(RegisterClass.B32);
    out.op("add.u64 " + address + ", " + table.values() + ", " + offset);
    out.op("ld.global.nc.u8 " + entry + ", [" + address + "]");
    out.op("setp.ne.u32 " + result + ", " + entry + ", 0");
  }

  private void loadEightBytes(
      PtxExprEmitter.LookupRegisters table, String offset, String result, DataType type) {
    String byteOffset = out.register(RegisterClass.B64);
    String address = out.register(RegisterClass.B64);
    out.op("shl.b64 " + byteOffset + ", " + offset + ", 3");
    out.op("add.u64 " + address + ", " + table.values() + ", " + byteOffset);
    switch (type.physicalType()) {
      case LONG -> out.op("ld.global.nc.s64 " + result + ", [" + address + "]");
      case DOUBLE -> out.op("ld.global.nc.f64 " + result + ", [" + address + "]");
      case INT -> {
        // the host must pass entries that fit the 32-bit type; the low word is kept
        String wide = out.register(RegisterClass.B64);
        out.op("ld.global.nc.s64 " + wide + ", [" + address + "]");
        out.op("cvt.u32.u64 " + result + ", " + wide);
      }
      case FLOAT -> {
        String wide = out.register(RegisterClass.F64);
        out.op("ld.global.nc.f64 " + wide + ", [" + address + "]");
        out.op("cvt.rn.f32.f64 " + result + ", " + wide);
      }
      case BOOLEAN -> throw new IllegalArgumentException("BOOLEAN entries are bytes");
    }
  }

  private void initialize(String register, DataType type) {
    switch (type.physicalType()) {
      case BOOLEAN -> out.op("mov.pred " + register + ", 0");
      case INT -> out.op("mov.b32 " + register + ", 0");
      case LONG -> out.op("mov.b64 " + register + ", 0");
      case FLOAT -> out.op("mov.f32 " + register + ", " + PtxLiterals.f32(0f));
      case DOUBLE -> out.op("mov.f64 " + register + ", " + PtxLiterals.f64(0.0));
    }
  }
}
