package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * The device-wide group table of a keyed aggregate: open-addressing slots in device memory that map
 * each group's keys to a dense group number, with the groups' keys and NULL masks in arrays indexed
 * by that number. The package documentation describes the layout and the claim protocol.
 */
final class PtxDeviceGroups {
  /** Slot state of a slot whose claiming thread is still writing the group's keys. */
  static final String SLOT_CLAIMED = "0xFFFFFFFF";

  /** Slot state of a slot whose claiming thread found no free group; its row raised an error. */
  static final String SLOT_FAILED = "0xFFFFFFFE";

  private final PtxWriter out;
  private final int keyCount;
  private String capacity;
  private String groupLimit;
  private String groupSlots;
  private String groupKeys;
  private String groupNulls;
  private String groupCount;

  PtxDeviceGroups(PtxWriter out, int keyCount) {
    this.out = out;
    this.keyCount = keyCount;
  }

  /** Returns the table's kernel parameters, which follow {@code accumulators}. */
  static List<PtxParameter> parameters() {
    return List.of(
        new PtxParameter("group_capacity", ".u32"),
        new PtxParameter("group_limit", ".u32"),
        new PtxParameter("group_slots", ".u64"),
        new PtxParameter("group_keys", ".u64"),
        new PtxParameter("group_nulls", ".u64"),
        new PtxParameter("group_count", ".u64"));
  }

  /** Emits the loads of the table's parameters. */
  void emitSetup() {
    capacity = out.register(RegisterClass.B32);
    out.op("ld.param.u32 " + capacity + ", [group_capacity]");
    groupLimit = out.register(RegisterClass.B32);
    out.op("ld.param.u32 " + groupLimit + ", [group_limit]");
    groupSlots = PtxEmitter.globalPointer(out, "group_slots");
    groupKeys = PtxEmitter.globalPointer(out, "group_keys");
    groupNulls = PtxEmitter.globalPointer(out, "group_nulls");
    groupCount = PtxEmitter.globalPointer(out, "group_count");
  }

  /**
   * Emits the lookup of a group in the device-wide table and returns the register with its dense
   * group number. Branches to {@code failed} after raising GROUP_TABLE_FULL when every slot or
   * every group is taken.
   */
  String emitLookup(PtxGroupKey key, String failed) {
    List<String> encoded = key.encoded();
    String nullMask = key.nullMask();
    String hash = key.hash();
    String slot = out.register(RegisterClass.B32);
    String mask = out.register(RegisterClass.B32);
    String probes = out.register(RegisterClass.B32);
    String group = out.register(RegisterClass.B32);
    out.op("cvt.u32.u64 " + slot + ", " + hash);
    out.op("sub.u32 " + mask + ", " + capacity + ", 1");
    out.op("and.b32 " + slot + ", " + slot + ", " + mask);
    out.op("mov.b32 " + probes + ", 0");

    String probe = out.label("group_probe");
    String wait = out.label("group_wait");
    String found = out.label("group_found");
    out.place(probe);
    out.comment("claim the slot when empty, take the next group number, publish the keys,");
    out.comment("then store the group number plus one with release semantics");
    String slotAddress = scaledAddress(out, groupSlots, slot, 4);
    String state = out.register(RegisterClass.B32);
    String test = out.register(RegisterClass.PRED);
    out.comment("a plain read first, so that rows of existing groups need no atomic");
    out.op("ld.acquire.gpu.global.u32 " + state + ", [" + slotAddress + "]");
    out.op("setp.ne.u32 " + test + ", " + state + ", 0");
    out.op("@" + test + " bra " + wait);
    // Acquire, because a failed claim goes on to read the keys that the slot's owner published.
    out.op(
        "atom.acquire.gpu.global.cas.b32 " + state + ", [" + slotAddress + "], 0, " + SLOT_CLAIMED);
    out.op("setp.ne.u32 " + test + ", " + state + ", 0");
    out.op("@" + test + " bra " + wait);

    String overflow = out.register(RegisterClass.PRED);
    out.op("atom.global.add.u32 " + group + ", [" + groupCount + "], 1");
    out.op("setp.ge.u32 " + overflow + ", " + group + ", " + groupLimit);
    out.raiseWhen(overflow, PtxErrors.GROUP_TABLE_FULL, "GROUP_TABLE_FULL");
    out.op("@" + overflow + " st.release.gpu.global.u32 [" + slotAddress + "], " + SLOT_FAILED);
    out.op("@" + overflow + " bra " + failed);

    for (int k = 0; k < encoded.size(); k++) {
      out.op("st.global.u64 [" + keyAddress(group, k) + "], " + encoded.get(k));
    }
    out.op("st.global.u32 [" + scaledAddress(out, groupNulls, group, 4) + "], " + nullMask);
    String number = out.register(RegisterClass.B32);
    out.op("add.u32 " + number + ", " + group + ", 1");
    out.op("st.release.gpu.global.u32 [" + slotAddress + "], " + number);
    out.op("bra " + found);

    out.place(wait);
    out.comment("another thread owns the slot: wait until it is published, then compare keys");
    String published = out.label("group_published");
    out.op("setp.ne.u32 " + test + ", " + state + ", " + SLOT_CLAIMED);
    out.op("@" + test + " bra " + published);
    out.op("ld.acquire.gpu.global.u32 " + state + ", [" + slotAddress + "]");
    out.op("bra " + wait);
    out.place(published);
    out.comment("the owner raised GROUP_TABLE_FULL, so the launch fails and this row can stop");
    out.op("setp.eq.u32 " + test + ", " + state + ", " + SLOT_FAILED);
    out.op("@" + test + " bra " + failed);
    out.op("sub.u32 " + group + ", " + state + ", 1");

    String differs = out.register(RegisterClass.PRED);
    String storedMask = out.register(RegisterClass.B32);
    out.op("ld.global.u32 " + storedMask + ", [" + scaledAddress(out, groupNulls, group, 4) + "]");
    out.op("setp.ne.u32 " + differs + ", " + storedMask + ", " + nullMask);
    for (int k = 0; k < encoded.size(); k++) {
      String stored = out.register(RegisterClass.B64);
      String keyDiffers = out.register(RegisterClass.PRED);
      out.op("ld.global.u64 " + stored + ", [" + keyAddress(group, k) + "]");
      out.op("setp.ne.u64 " + keyDiffers + ", " + stored + ", " + encoded.get(k));
      out.op("or.pred " + differs + ", " + differs + ", " + keyDiffers);
    }
    out.op("@!" + differs + " bra " + found);

    out.comment("linear probing to the next slot");
    String full = out.register(RegisterClass.PRED);
    out.op("add.u32 " + slot + ", " + slot + ", 1");
    out.op("and.b32 " + slot + ", " + slot + ", " + mask);
    out.op("add.u32 " + probes + ", " + probes + ", 1");
    out.op("setp.ge.u32 " + full + ", " + probes + ", " + capacity);
    out.raiseWhen(full, PtxErrors.GROUP_TABLE_FULL, "GROUP_TABLE_FULL");
    out.op("@" + full + " bra " + failed);
    out.op("bra " + probe);
    out.place(found);
    return group;
  }

  private String keyAddress(String group, int k) {
    String index = out.register(RegisterClass.B32);
    out.op("mad.lo.u32 " + index + ", " + group + ", " + keyCount + ", " + k);
    return scaledAddress(out, groupKeys, index, 8);
  }

  /** Emits {@code base + index * width} and returns the register with it. */
  static String scaledAddress(PtxWriter out, String base, String index, int width) {
    String offset = out.register(RegisterClass.B64);
    String address = out.register(RegisterClass.B64);
    out.op("mul.wide.u32 " + offset + ", " + index + ", " + width);
    out.op("add.u64 " + address + ", " + base + ", " + offset);
    return address;
  }
}
