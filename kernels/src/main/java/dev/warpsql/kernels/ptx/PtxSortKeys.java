package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * Emits the kernel that turns one ORDER BY key column into the unsigned 64-bit keys that {@link
 * PtxRadixSort} orders, so that comparing two keys as unsigned integers compares their rows as SQL
 * orders them. One module per key type and direction.
 *
 * <p>One thread per position of the current order, in a grid-stride loop. The thread reads the row
 * at its position ({@code rows_in}, or the position itself in input order) and writes the row's key
 * at the same position of {@code keys_out}. The encodings, before a descending key inverts them:
 *
 * <ul>
 *   <li>integers, dates and dictionary ranks of 32 bits or fewer: the value with its sign bit
 *       flipped, in the low 32 bits, so the upper four bytes are zero and need no sort pass;
 *   <li>BIGINT, DECIMAL, TIME and TIMESTAMP: the value with its sign bit flipped;
 *   <li>REAL and DOUBLE, as doubles with -0.0 read as 0.0 and every NaN as one NaN: the bits with
 *       the sign bit flipped when the sign is clear and all bits flipped when it is set, which puts
 *       NaN above +Infinity as SQL's total order of floating-point values does;
 *   <li>BOOLEAN: 0 for FALSE and 1 for TRUE;
 *   <li>VARCHAR: the rank of the row's dictionary code in {@code ranks}, which the host fills with
 *       each code's place in Unicode code point order.
 * </ul>
 *
 * <p>NULL values get key 0 in the value pass. A separate pass with {@code null_pass} set writes 0
 * or 1 by NULL placement instead, and sorting by it last puts the NULLs first or last.
 *
 * <p>A sort that first narrows its rows by the leading key ({@link PtxSortSelection}) needs one key
 * per row that orders NULLs and values together. For NULLs first the value pass is such a key; for
 * NULLs last the selection pass writes the largest key for NULLs instead. A value with the same key
 * as the NULLs then ties with them, which narrowing allows: it needs only that no two rows get keys
 * in the opposite order to their rows, and a tie keeps both rows as candidates.
 *
 * <p>Stateless and thread-safe.
 */
public final class PtxSortKeys {
  /** Name of the kernel's entry. */
  public static final String ENTRY = "warp_sort_keys";

  /** {@code null_pass} value for the key's values. */
  public static final int VALUE_PASS = 0;

  /** {@code null_pass} value for NULL flags that put NULLs first. */
  public static final int NULLS_FIRST_PASS = 1;

  /** {@code null_pass} value for NULL flags that put NULLs last. */
  public static final int NULLS_LAST_PASS = 2;

  /** {@code null_pass} value for selection keys with NULLs above every value. */
  public static final int SELECT_NULLS_LAST_PASS = 3;

  private static final String ALL_BITS_64 = "0xFFFFFFFFFFFFFFFF";

  private static final String SIGN_BIT_64 = "0x8000000000000000";

  private final DataType type;
  private final boolean descending;
  private final PtxWriter out = new PtxWriter();

  private PtxSortKeys(DataType type, boolean descending) {
    this.type = type;
    this.descending = descending;
  }

  /**
   * Returns the key kernel for a column of {@code type}. Its parameters, in order: {@code
   * row_count} (.u32); {@code rows_in} (.u64, the current order as 32-bit rows, 0 for input order);
   * {@code rows_init} (.u64, where to write the input order, 0 for nowhere); {@code column_data}
   * and {@code column_validity} (.u64, 0 when the column has no NULLs); {@code ranks} (.u64, the
   * 32-bit rank of each dictionary code, read for VARCHAR only); {@code null_pass} (.u32, one of
   * {@link #VALUE_PASS}, {@link #NULLS_FIRST_PASS}, {@link #NULLS_LAST_PASS} and {@link
   * #SELECT_NULLS_LAST_PASS}); {@code keys_out} (.u64).
   */
  public static PtxKernel emit(DataType type, boolean descending) {
    return new PtxSortKeys(type, descending).generate();
  }

  /** Returns the text that names a key kernel's shape. */
  public static String shape(DataType type, boolean descending) {
    return "sort keys(" + type.kind() + (descending ? " DESC" : "") + ")";
  }

  /**
   * Returns how many low bytes of a value pass's keys can differ between rows of {@code type}: the
   * radix sort passes over the other bytes are skipped.
   */
  public static int keyBytes(DataType type) {
    return switch (type.physicalType()) {
      case BOOLEAN -> 1;
      case INT -> 4;
      case LONG, FLOAT, DOUBLE -> 8;
    };
  }

  private PtxKernel generate() {
    List<PtxParameter> parameters =
        List.of(
            new PtxParameter("row_count", ".u32"),
            new PtxParameter("rows_in", ".u64"),
            new PtxParameter("rows_init", ".u64"),
            new PtxParameter("column_data", ".u64"),
            new PtxParameter("column_validity", ".u64"),
            new PtxParameter("ranks", ".u64"),
            new PtxParameter("null_pass", ".u32"),
            new PtxParameter("keys_out", ".u64"));

    out.comment("prologue: the row count, the current order, the column and the outputs");
    String rowCount32 = out.register(RegisterClass.B32);
    String rowCount = out.register(RegisterClass.B64);
    out.op("ld.param.u32 " + rowCount32 + ", [row_count]");
    out.op("cvt.u64.u32 " + rowCount + ", " + rowCount32);
    Pointer rowsIn = optionalPointer("rows_in");
    Pointer rowsInit = optionalPointer("rows_init");
    Pointer validity = optionalPointer("column_validity");
    String data = PtxEmitter.globalPointer(out, "column_data");
    String ranks = type.kind() == TypeKind.VARCHAR ? PtxEmitter.globalPointer(out, "ranks") : null;
    String keysOut = PtxEmitter.globalPointer(out, "keys_out");
    String nullPass = out.register(RegisterClass.B32);
    String flagPass = out.register(RegisterClass.PRED);
    String nullsFirst = out.register(RegisterClass.PRED);
    String selectLast = out.register(RegisterClass.PRED);
    out.op("ld.param.u32 " + nullPass + ", [null_pass]");
    out.op("setp.eq.u32 " + nullsFirst + ", " + nullPass + ", " + NULLS_FIRST_PASS);
    out.op(
        "setp.eq.or.u32 "
            + flagPass
            + ", "
            + nullPass
            + ", "
            + NULLS_LAST_PASS
            + ", "
            + nullsFirst);
    out.op("setp.eq.u32 " + selectLast + ", " + nullPass + ", " + SELECT_NULLS_LAST_PASS);

    String position = out.register(RegisterClass.B64);
    String stride = out.register(RegisterClass.B64);
    PtxEmitter.emitGridStride(out, position, stride);
    String row = out.register(RegisterClass.B64);
    out.setErrorRegisters(null, row);

    String loop = out.label("key_position");
    String store = out.label("key_store");
    String next = out.label("key_next");
    String end = out.label("key_end");
    String past = out.register(RegisterClass.PRED);
    String key = out.register(RegisterClass.B64);
    out.place(loop);
    out.op("setp.ge.u64 " + past + ", " + position + ", " + rowCount);
    out.op("@" + past + " bra " + end);
    loadRow(position, row, rowsIn, rowsInit);

    out.comment("a NULL flag pass writes 0 or 1 by placement; a value pass writes 0 for NULL,");
    out.comment("and a selection pass with NULLs last the largest key");
    String valid = PtxInputs.loadBit(out, validity.address(), validity.present());
    String isNull = out.register(RegisterClass.PRED);
    String nullFirstKey = out.register(RegisterClass.B64);
    out.op("setp.eq.u32 " + isNull + ", " + valid + ", 0");
    out.op("selp.u64 " + nullFirstKey + ", 0, 1, " + isNull);
    out.op("selp.u64 " + key + ", 1, 0, " + isNull);
    out.op("@" + nullsFirst + " mov.b64 " + key + ", " + nullFirstKey);
    out.op("@" + flagPass + " bra " + store);
    out.op("mov.b64 " + key + ", 0");
    out.op("@" + selectLast + " mov.b64 " + key + ", " + ALL_BITS_64);
    out.op("@" + isNull + " bra " + store);
    encodeValue(data, ranks, row, key);

    out.place(store);
    String address = PtxRadixSort.elementAddress(out, keysOut, position, 8);
    out.op("st.global.u64 [" + address + "], " + key);
    out.place(next);
    out.op("add.u64 " + position + ", " + position + ", " + stride);
    out.op("bra " + loop);
    out.place(end);
    out.op("ret");
    return new PtxKernel(ENTRY, module(parameters), parameters);
  }

  /** A pointer parameter that may be 0: its global address and whether it is set. */
  private record Pointer(String address, String present) {}

  private Pointer optionalPointer(String parameter) {
    String generic = out.register(RegisterClass.B64);
    String global = out.register(RegisterClass.B64);
    String present = out.register(RegisterClass.PRED);
    out.op("ld.param.u64 " + generic + ", [" + parameter + "]");
    out.op("setp.ne.u64 " + present + ", " + generic + ", 0");
    out.op("cvta.to.global.u64 " + global + ", " + generic);
    return new Pointer(global, present);
  }

  /** Emits the read of the row at {@code position} and, on the first pass, its store. */
  private void loadRow(String position, String row, Pointer rowsIn, Pointer rowsInit) {
    out.comment("the row at this position: from the current order, or the position itself");
    String stored = out.register(RegisterClass.B32);
    out.op("mov.b64 " + row + ", " + position);
    String inAddress = PtxRadixSort.elementAddress(out, rowsIn.address(), position, 4);
    out.op("@" + rowsIn.present() + " ld.global.u32 " + stored + ", [" + inAddress + "]");
    out.op("@" + rowsIn.present() + " cvt.u64.u32 " + row + ", " + stored);
    String initAddress = PtxRadixSort.elementAddress(out, rowsInit.address(), position, 4);
    String narrow = out.register(RegisterClass.B32);
    out.op("cvt.u32.u64 " + narrow + ", " + row);
    out.op("@" + rowsInit.present() + " st.global.u32 [" + initAddress + "], " + narrow);
  }

  /** Emits the encoding of the row's non-NULL value into {@code key}. */
  private void encodeValue(String data, String ranks, String row, String key) {
    out.comment("the value's order-preserving unsigned encoding: " + type);
    switch (type.physicalType()) {
      case BOOLEAN -> {
        String bit = PtxInputs.loadBit(out, data, null);
        if (descending) {
          out.op("xor.b32 " + bit + ", " + bit + ", 1");
        }
        out.op("cvt.u64.u32 " + key + ", " + bit);
      }
      case INT -> {
        String value = out.register(RegisterClass.B32);
        String address = PtxRadixSort.elementAddress(out, data, row, ArrowColumns.byteWidth(type));
        out.op("ld.global.nc" + PtxInputs.loadType(type) + " " + value + ", [" + address + "]");
        if (ranks != null) {
          String code = out.register(RegisterClass.B64);
          out.op("cvt.u64.u32 " + code + ", " + value);
          String rankAddress = PtxRadixSort.elementAddress(out, ranks, code, 4);
          out.op("ld.global.nc.u32 " + value + ", [" + rankAddress + "]");
        }
        out.op("xor.b32 " + value + ", " + value + ", 0x80000000");
        if (descending) {
          out.op("not.b32 " + value + ", " + value);
        }
        out.op("cvt.u64.u32 " + key + ", " + value);
      }
      case LONG -> {
        String address = PtxRadixSort.elementAddress(out, data, row, 8);
        out.op("ld.global.nc.u64 " + key + ", [" + address + "]");
        out.op("xor.b64 " + key + ", " + key + ", " + SIGN_BIT_64);
        invertWhenDescending(key);
      }
      case FLOAT, DOUBLE -> encodeFloatingPoint(data, row, key);
    }
  }

  private void encodeFloatingPoint(String data, String row, String key) {
    String value = out.register(RegisterClass.F64);
    if (type.physicalType() == TypeKind.PhysicalType.FLOAT) {
      String narrow = out.register(RegisterClass.F32);
      String address = PtxRadixSort.elementAddress(out, data, row, 4);
      out.op("ld.global.nc.f32 " + narrow + ", [" + address + "]");
      out.op("cvt.f64.f32 " + value + ", " + narrow);
    } else {
      String address = PtxRadixSort.elementAddress(out, data, row, 8);
      out.op("ld.global.nc.f64 " + value + ", [" + address + "]");
    }
    String bits = PtxGroupKey.doubleKeyBits(out, value);
    String negative = out.register(RegisterClass.PRED);
    out.op("setp.lt.s64 " + negative + ", " + bits + ", 0");
    out.op("xor.b64 " + key + ", " + bits + ", " + SIGN_BIT_64);
    out.op("@" + negative + " not.b64 " + key + ", " + bits);
    invertWhenDescending(key);
  }

  private void invertWhenDescending(String key) {
    if (descending) {
      out.op("not.b64 " + key + ", " + key);
    }
  }

  private String module(List<PtxParameter> parameters) {
    StringBuilder text = new StringBuilder();
    text.append("// WarpSQL PTX kernel: ").append(shape(type, descending)).append('\n');
    text.append(".version ").append(PtxEmitter.PTX_VERSION).append('\n');
    text.append(".target ").append(PtxEmitter.TARGET).append('\n');
    text.append(".address_size 64\n\n");
    PtxEmitter.appendEntry(text, ENTRY, parameters, out);
    return text.toString();
  }
}
