package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the kernel that builds a hash join's table in device memory, in the layout that probe
 * stages read (see the package documentation), from the build side's key columns. One module per
 * list of key types serves every join with those keys.
 *
 * <p>One thread per build row, in a grid-stride loop. A row with a NULL key is skipped. Otherwise
 * the thread encodes its keys as probes do, hashes them, and probes the slots linearly from the
 * hash. It claims an empty slot (-1) with a compare-and-swap to -2, writes the keys and hash, then
 * publishes the slot by storing the row with release semantics. A slot whose published keys equal
 * the row's gets the row prepended to its chain by an exchange. Threads that meet a claimed slot
 * wait for its keys. Chains therefore list a key's rows in no particular order.
 *
 * <p>Stateless and thread-safe.
 */
public final class PtxHashBuild {
  /** Name of the build kernel's entry. */
  public static final String ENTRY = "warp_hash_build";

  /** Slot state while the claiming thread writes the slot's keys. */
  private static final String SLOT_CLAIMED = "0xFFFFFFFE";

  /** Slot state of an empty slot, as probes read it: row -1. */
  private static final String SLOT_EMPTY = "0xFFFFFFFF";

  private final List<DataType> keyTypes;
  private final PtxWriter out = new PtxWriter();
  private final List<PtxParameter> parameters = new ArrayList<>();

  private PtxHashBuild(List<DataType> keyTypes) {
    this.keyTypes = List.copyOf(keyTypes);
  }

  /**
   * Returns the build kernel for keys of {@code keyTypes}, in key order. Its parameters, in order:
   * {@code row_count} (.u32); per key {@code k}, {@code key<k>_data} and {@code key<k>_validity}
   * (.u64, 0 when the column has no bitmap); {@code slot_mask} (.u32); {@code slot_rows}, {@code
   * slot_keys}, {@code slot_hashes} with two or more keys, and {@code next} (.u64); {@code error}
   * (.u64, the error record). The host fills {@code slot_rows} with -1 before the launch.
   *
   * @throws IllegalArgumentException when there are no key types
   */
  public static PtxKernel emit(List<DataType> keyTypes) {
    if (keyTypes.isEmpty()) {
      throw new IllegalArgumentException("a join hash table needs at least one key");
    }
    return new PtxHashBuild(keyTypes).generate();
  }

  /** Returns the text that names a build kernel's shape: its key types in order. */
  public static String shape(List<DataType> keyTypes) {
    List<String> kinds = new ArrayList<>();
    for (DataType type : keyTypes) {
      kinds.add(type.kind().name());
    }
    return "hash build(" + String.join(", ", kinds) + ")";
  }

  /** The registers of one key column. */
  private record KeyColumn(DataType type, String data, String validity, String hasValidity) {}

  private PtxKernel generate() {
    String row = out.register(RegisterClass.B64);
    parameters.add(new PtxParameter("row_count", ".u32"));
    List<KeyColumn> keys = new ArrayList<>();
    for (int k = 0; k < keyTypes.size(); k++) {
      parameters.add(new PtxParameter("key" + k + "_data", ".u64"));
      parameters.add(new PtxParameter("key" + k + "_validity", ".u64"));
    }
    parameters.add(new PtxParameter("slot_mask", ".u32"));
    parameters.add(new PtxParameter("slot_rows", ".u64"));
    parameters.add(new PtxParameter("slot_keys", ".u64"));
    if (keyTypes.size() > 1) {
      parameters.add(new PtxParameter("slot_hashes", ".u64"));
    }
    parameters.add(new PtxParameter("next", ".u64"));
    parameters.add(new PtxParameter("error", ".u64"));

    out.comment("prologue: the build row count, the key columns and the table's arrays");
    String rowCount32 = out.register(RegisterClass.B32);
    String rowCount = out.register(RegisterClass.B64);
    out.op("ld.param.u32 " + rowCount32 + ", [row_count]");
    out.op("cvt.u64.u32 " + rowCount + ", " + rowCount32);
    for (int k = 0; k < keyTypes.size(); k++) {
      keys.add(setUpKey(k));
    }
    String mask = out.register(RegisterClass.B32);
    out.op("ld.param.u32 " + mask + ", [slot_mask]");
    Table table =
        new Table(
            mask,
            PtxEmitter.globalPointer(out, "slot_rows"),
            PtxEmitter.globalPointer(out, "slot_keys"),
            keyTypes.size() > 1 ? PtxEmitter.globalPointer(out, "slot_hashes") : null,
            PtxEmitter.globalPointer(out, "next"));
    out.setErrorRegisters(PtxEmitter.globalPointer(out, "error"), row);

    String stride = out.register(RegisterClass.B64);
    PtxEmitter.emitGridStride(out, row, stride);

    String loop = out.label("build_row");
    String nextRow = out.label("build_next_row");
    String end = out.label("build_end");
    String past = out.register(RegisterClass.PRED);
    out.comment("one build row per thread and iteration");
    out.place(loop);
    out.op("setp.ge.u64 " + past + ", " + row + ", " + rowCount);
    out.op("@" + past + " bra " + end);
    List<String> encoded = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      encoded.add(loadKey(k, keys.get(k), nextRow));
    }
    String hash = PtxGroupKey.joinHash(out, encoded);
    emitInsert(table, encoded, hash, nextRow);
    out.place(nextRow);
    out.op("add.u64 " + row + ", " + row + ", " + stride);
    out.op("bra " + loop);
    out.place(end);
    out.op("ret");
    return new PtxKernel(ENTRY, module(), parameters);
  }

  /** The registers of the table's arrays. */
  private record Table(
      String mask, String slotRows, String slotKeys, String slotHashes, String next) {}

  private KeyColumn setUpKey(int k) {
    DataType type = keyTypes.get(k);
    out.comment("key " + k + ": " + type);
    String data = PtxEmitter.globalPointer(out, "key" + k + "_data");
    String generic = out.register(RegisterClass.B64);
    String validity = out.register(RegisterClass.B64);
    String hasValidity = out.register(RegisterClass.PRED);
    out.op("ld.param.u64 " + generic + ", [key" + k + "_validity]");
    out.op("setp.ne.u64 " + hasValidity + ", " + generic + ", 0");
    out.op("cvta.to.global.u64 " + validity + ", " + generic);
    return new KeyColumn(type, data, validity, hasValidity);
  }

  /**
   * Emits the load of key {@code k} of the current row and returns its 64-bit encoding; a NULL key
   * branches to {@code skip}.
   */
  private String loadKey(int k, KeyColumn key, String skip) {
    String row = out.row();
    out.comment("key " + k + " of the row: skip the row when NULL, else encode it");
    String isNull = out.register(RegisterClass.PRED);
    String valid = PtxInputs.loadBit(out, key.validity(), key.hasValidity());
    out.op("setp.eq.u32 " + isNull + ", " + valid + ", 0");
    out.op("@" + isNull + " bra " + skip);

    DataType type = key.type();
    if (type.physicalType() == TypeKind.PhysicalType.BOOLEAN) {
      String bit = PtxInputs.loadBit(out, key.data(), null);
      String bits = out.register(RegisterClass.B64);
      out.op("cvt.u64.u32 " + bits + ", " + bit);
      return bits;
    }
    int width = ArrowColumns.byteWidth(type);
    String address = out.register(RegisterClass.B64);
    out.op("shl.b64 " + address + ", " + row + ", " + Integer.numberOfTrailingZeros(width));
    out.op("add.u64 " + address + ", " + key.data() + ", " + address);
    String load = "ld.global.nc" + PtxInputs.loadType(type) + " ";
    switch (type.physicalType()) {
      case INT -> {
        String value = out.register(RegisterClass.B32);
        String bits = out.register(RegisterClass.B64);
        out.op(load + value + ", [" + address + "]");
        out.op("cvt.s64.s32 " + bits + ", " + value);
        return bits;
      }
      case LONG -> {
        String bits = out.register(RegisterClass.B64);
        out.op(load + bits + ", [" + address + "]");
        return bits;
      }
      case FLOAT -> {
        String value = out.register(RegisterClass.F32);
        String wide = out.register(RegisterClass.F64);
        out.op(load + value + ", [" + address + "]");
        out.op("cvt.f64.f32 " + wide + ", " + value);
        return PtxGroupKey.doubleKeyBits(out, wide);
      }
      default -> {
        String value = out.register(RegisterClass.F64);
        out.op(load + value + ", [" + address + "]");
        return PtxGroupKey.doubleKeyBits(out, value);
      }
    }
  }

  /** Emits the insertion of the current row, whose keys are {@code encoded}, into the table. */
  private void emitInsert(Table table, List<String> encoded, String hash, String done) {
    String row = out.register(RegisterClass.B32);
    String slot = out.register(RegisterClass.B32);
    String probes = out.register(RegisterClass.B32);
    out.op("cvt.u32.u64 " + row + ", " + out.row());
    out.op("and.b32 " + slot + ", " + hash + ", " + table.mask());
    out.op("mov.b32 " + probes + ", 0");
    String nextAddress = PtxDeviceGroups.scaledAddress(out, table.next(), row, 4);

    String probe = out.label("build_slot");
    String occupied = out.label("build_occupied");
    String published = out.label("build_published");
    String nextSlot = out.label("build_next_slot");
    out.place(probe);
    out.comment("claim an empty slot, write the keys, then publish the row with release semantics");
    String slotAddress = PtxDeviceGroups.scaledAddress(out, table.slotRows(), slot, 4);
    String state = out.register(RegisterClass.B32);
    String test = out.register(RegisterClass.PRED);
    out.op("ld.acquire.gpu.global.u32 " + state + ", [" + slotAddress + "]");
    out.op("setp.ne.u32 " + test + ", " + state + ", " + SLOT_EMPTY);
    out.op("@" + test + " bra " + occupied);
    // Acquire, because a failed claim goes on to read the keys that the slot's owner published.
    out.op(
        "atom.acquire.gpu.global.cas.b32 "
            + state
            + ", ["
            + slotAddress
            + "], "
            + SLOT_EMPTY
            + ", "
            + SLOT_CLAIMED);
    out.op("setp.ne.u32 " + test + ", " + state + ", " + SLOT_EMPTY);
    out.op("@" + test + " bra " + occupied);
    for (int k = 0; k < encoded.size(); k++) {
      out.op("st.global.u64 [" + keyAddress(table, slot, k) + "], " + encoded.get(k));
    }
    if (table.slotHashes() != null) {
      String hashAddress = PtxDeviceGroups.scaledAddress(out, table.slotHashes(), slot, 4);
      out.op("st.global.u32 [" + hashAddress + "], " + hash);
    }
    out.op("st.global.u32 [" + nextAddress + "], " + SLOT_EMPTY);
    out.op("st.release.gpu.global.u32 [" + slotAddress + "], " + row);
    out.op("bra " + done);

    out.place(occupied);
    out.comment("another thread owns the slot: wait until it is published, then compare keys");
    out.op("setp.ne.u32 " + test + ", " + state + ", " + SLOT_CLAIMED);
    out.op("@" + test + " bra " + published);
    out.op("ld.acquire.gpu.global.u32 " + state + ", [" + slotAddress + "]");
    out.op("bra " + occupied);
    out.place(published);
    if (table.slotHashes() != null) {
      String stored = out.register(RegisterClass.B32);
      String hashAddress = PtxDeviceGroups.scaledAddress(out, table.slotHashes(), slot, 4);
      out.op("ld.global.u32 " + stored + ", [" + hashAddress + "]");
      out.op("setp.ne.u32 " + test + ", " + stored + ", " + hash);
      out.op("@" + test + " bra " + nextSlot);
    }
    for (int k = 0; k < encoded.size(); k++) {
      String stored = out.register(RegisterClass.B64);
      out.op("ld.global.u64 " + stored + ", [" + keyAddress(table, slot, k) + "]");
      out.op("setp.ne.u64 " + test + ", " + stored + ", " + encoded.get(k));
      out.op("@" + test + " bra " + nextSlot);
    }
    out.comment("equal keys: the row becomes the chain's first, followed by the previous first");
    String previous = out.register(RegisterClass.B32);
    out.op("atom.acq_rel.gpu.global.exch.b32 " + previous + ", [" + slotAddress + "], " + row);
    out.op("st.global.u32 [" + nextAddress + "], " + previous);
    out.op("bra " + done);

    out.place(nextSlot);
    out.comment("linear probing; the host sizes the table so that a free slot always remains");
    String full = out.register(RegisterClass.PRED);
    out.op("add.u32 " + slot + ", " + slot + ", 1");
    out.op("and.b32 " + slot + ", " + slot + ", " + table.mask());
    out.op("add.u32 " + probes + ", " + probes + ", 1");
    out.op("setp.gt.u32 " + full + ", " + probes + ", " + table.mask());
    out.raiseWhen(full, PtxErrors.JOIN_TABLE_FULL, "JOIN_TABLE_FULL");
    out.op("@" + full + " bra " + done);
    out.op("bra " + probe);
  }

  private String keyAddress(Table table, String slot, int k) {
    String index = out.register(RegisterClass.B32);
    out.op("mad.lo.u32 " + index + ", " + slot + ", " + keyTypes.size() + ", " + k);
    return PtxDeviceGroups.scaledAddress(out, table.slotKeys(), index, 8);
  }

  private String module() {
    StringBuilder text = new StringBuilder();
    text.append("// WarpSQL PTX kernel: ").append(shape(keyTypes)).append('\n');
    text.append(".version ").append(PtxEmitter.PTX_VERSION).append('\n');
    text.append(".target ").append(PtxEmitter.TARGET).append('\n');
    text.append(".address_size 64\n\n");
    PtxEmitter.appendEntry(text, ENTRY, parameters, out);
    return text.toString();
  }
}
