package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.ArrayList;
import java.util.List;

/**
 * A group table in the shared memory of each thread block, which pre-aggregates the rows of a keyed
 * aggregate before they reach the device-wide table. With few groups, every row of a block would
 * otherwise update the same few accumulators in device memory, and atomics on one address run one
 * after another. Here a block's rows meet in shared memory, and at the end of the row loop each
 * block merges one partial per group into the device-wide table.
 *
 * <p>A row whose group is not among the few slots it probes goes to the device-wide table directly,
 * so a query with many groups still runs, with a few extra shared-memory probes per row.
 *
 * <p>Layout of the module's {@code .shared} variable, for {@code S} slots: {@code S} slot states
 * ({@code uint32}: 0 empty, 1 claimed, 2 ready), {@code S} NULL masks ({@code uint32}), {@code S *
 * keyCount} encoded keys ({@code int64}), then {@code S * callCount} accumulators of 16 bytes in
 * the layout of the device-wide ones, all starting as zero.
 */
final class PtxBlockGroups {
  /** Shared memory that the table may take, so that several blocks still fit on one SM. */
  static final int MAX_BYTES = 12 * 1024;

  /** Minimum slots of a table. When fewer fit, the aggregate uses the device-wide table alone. */
  static final int MIN_SLOTS = 16;

  /** Maximum slots: enough for the group counts whose atomics contend. */
  static final int MAX_SLOTS = 128;

  /** Slots a row probes before it gives up on the block's table. */
  static final int PROBES = 4;

  private static final String VARIABLE = "block_groups";

  private final PtxWriter out;
  private final int keyCount;
  private final int callCount;
  private final int slots;
  private String states;
  private String nullMasks;
  private String keys;
  private String accumulators;

  private PtxBlockGroups(PtxWriter out, int keyCount, int callCount, int slots) {
    this.out = out;
    this.keyCount = keyCount;
    this.callCount = callCount;
    this.slots = slots;
  }

  /** Returns the table for a keyed sink, or null when not even {@link #MIN_SLOTS} slots fit. */
  static PtxBlockGroups forSink(PtxWriter out, AggregateSink sink) {
    int keyCount = sink.groupKeys().size();
    int callCount = sink.calls().size();
    int slotBytes = slotBytes(keyCount, callCount);
    int slots = MAX_SLOTS;
    while (slots >= MIN_SLOTS && slots * slotBytes > MAX_BYTES) {
      slots /= 2;
    }
    return slots < MIN_SLOTS ? null : new PtxBlockGroups(out, keyCount, callCount, slots);
  }

  private static int slotBytes(int keyCount, int callCount) {
    return 8 + keyCount * 8 + callCount * PtxAggregateSink.ACCUMULATOR_BYTES;
  }

  int slots() {
    return slots;
  }

  /** Returns the module-level declaration of the table. */
  String declaration() {
    return ".shared .align 16 .b8 "
        + VARIABLE
        + "["
        + slots * slotBytes(keyCount, callCount)
        + "];\n\n";
  }

  /** Emits the table's addresses and zeroes it; every thread of the block must run this. */
  void emitSetup() {
    out.comment("block-local group table: " + slots + " slots in shared memory");
    states = out.register(RegisterClass.B64);
    nullMasks = out.register(RegisterClass.B64);
    keys = out.register(RegisterClass.B64);
    accumulators = out.register(RegisterClass.B64);
    out.op("mov.u64 " + states + ", " + VARIABLE);
    out.op("add.u64 " + nullMasks + ", " + states + ", " + slots * 4);
    out.op("add.u64 " + keys + ", " + nullMasks + ", " + slots * 4);
    out.op("add.u64 " + accumulators + ", " + keys + ", " + (long) slots * keyCount * 8);

    String word = out.register(RegisterClass.B32);
    String address = out.register(RegisterClass.B64);
    String done = out.register(RegisterClass.PRED);
    String loop = out.label("block_groups_zero");
    String end = out.label("block_groups_zeroed");
    int words = slots * slotBytes(keyCount, callCount) / 8;
    out.op("mov.u32 " + word + ", %tid.x");
    out.place(loop);
    out.op("setp.ge.u32 " + done + ", " + word + ", " + words);
    out.op("@" + done + " bra " + end);
    out.op("mul.wide.u32 " + address + ", " + word + ", 8");
    out.op("add.u64 " + address + ", " + address + ", " + states);
    out.op("st.shared.u64 [" + address + "], 0");
    String step = out.register(RegisterClass.B32);
    out.op("mov.u32 " + step + ", %ntid.x");
    out.op("add.u32 " + word + ", " + word + ", " + step);
    out.op("bra " + loop);
    out.place(end);
    out.op("bar.sync 0");
  }

  /**
   * Emits the search for the row's group in the block's table, claiming an empty slot on the way.
   * Returns the register with the slot; branches to {@code missing} when the group is not among the
   * {@link #PROBES} slots it looked at.
   */
  String emitLookup(PtxGroupKey key, String missing) {
    String slot = out.register(RegisterClass.B32);
    String probes = out.register(RegisterClass.B32);
    out.op("cvt.u32.u64 " + slot + ", " + key.hash());
    out.op("and.b32 " + slot + ", " + slot + ", " + (slots - 1));
    out.op("mov.b32 " + probes + ", 0");
    String probe = out.label("block_probe");
    String wait = out.label("block_wait");
    String compare = out.label("block_compare");
    String found = out.label("block_found");
    out.place(probe);
    String stateAddress = scaled(states, slot, 4);
    String state = out.register(RegisterClass.B32);
    String test = out.register(RegisterClass.PRED);
    out.op("ld.acquire.cta.shared.u32 " + state + ", [" + stateAddress + "]");
    out.op("setp.ne.u32 " + test + ", " + state + ", 0");
    out.op("@" + test + " bra " + wait);
    // Acquire, because a failed claim goes on to read the keys that the slot's owner published.
    out.op("atom.acquire.cta.shared.cas.b32 " + state + ", [" + stateAddress + "], 0, 1");
    out.op("setp.ne.u32 " + test + ", " + state + ", 0");
    out.op("@" + test + " bra " + wait);
    out.comment("claimed: publish the keys, then mark the slot ready");
    for (int k = 0; k < keyCount; k++) {
      out.op("st.shared.u64 [" + keyAddress(slot, k) + "], " + key.encoded().get(k));
    }
    out.op("st.shared.u32 [" + scaled(nullMasks, slot, 4) + "], " + key.nullMask());
    out.op("st.release.cta.shared.u32 [" + stateAddress + "], 2");
    out.op("bra " + found);

    out.place(wait);
    out.op("setp.ne.u32 " + test + ", " + state + ", 1");
    out.op("@" + test + " bra " + compare);
    out.op("ld.acquire.cta.shared.u32 " + state + ", [" + stateAddress + "]");
    out.op("bra " + wait);
    out.place(compare);
    String differs = out.register(RegisterClass.PRED);
    String storedMask = out.register(RegisterClass.B32);
    out.op("ld.shared.u32 " + storedMask + ", [" + scaled(nullMasks, slot, 4) + "]");
    out.op("setp.ne.u32 " + differs + ", " + storedMask + ", " + key.nullMask());
    for (int k = 0; k < keyCount; k++) {
      String stored = out.register(RegisterClass.B64);
      String keyDiffers = out.register(RegisterClass.PRED);
      out.op("ld.shared.u64 " + stored + ", [" + keyAddress(slot, k) + "]");
      out.op("setp.ne.u64 " + keyDiffers + ", " + stored + ", " + key.encoded().get(k));
      out.op("or.pred " + differs + ", " + differs + ", " + keyDiffers);
    }
    out.op("@!" + differs + " bra " + found);
    out.op("add.u32 " + slot + ", " + slot + ", 1");
    out.op("and.b32 " + slot + ", " + slot + ", " + (slots - 1));
    out.op("add.u32 " + probes + ", " + probes + ", 1");
    out.op("setp.lt.u32 " + test + ", " + probes + ", " + PROBES);
    out.op("@" + test + " bra " + probe);
    out.op("bra " + missing);
    out.place(found);
    return slot;
  }

  /** Returns the shared address of the first accumulator of {@code slot}. */
  String accumulatorAddress(String slot) {
    String index = out.register(RegisterClass.B32);
    out.op("mul.lo.u32 " + index + ", " + slot + ", " + callCount);
    return scaled(accumulators, index, PtxAggregateSink.ACCUMULATOR_BYTES);
  }

  /** Emits the merge of one ready slot into the device-wide table. */
  interface SlotMerge {
    /**
     * Emits the merge of the group whose keys are {@code key} and whose accumulators start at the
     * shared address {@code slotAccumulators}; branches to {@code next} to skip the rest.
     */
    void emit(PtxGroupKey key, String slotAccumulators, String next);
  }

  /**
   * Emits the end of the block: a barrier, after which the threads of the block share out the ready
   * slots and merge each through {@code merge}.
   */
  void emitFlush(SlotMerge merge) {
    out.comment("merge the block's groups into the device-wide table");
    out.op("bar.sync 0");
    String slot = out.register(RegisterClass.B32);
    String step = out.register(RegisterClass.B32);
    String test = out.register(RegisterClass.PRED);
    String loop = out.label("block_flush");
    String next = out.label("block_flush_next");
    String end = out.label("block_flush_end");
    out.op("mov.u32 " + slot + ", %tid.x");
    out.op("mov.u32 " + step + ", %ntid.x");

    out.place(loop);
    out.op("setp.ge.u32 " + test + ", " + slot + ", " + slots);
    out.op("@" + test + " bra " + end);
    String state = out.register(RegisterClass.B32);
    out.op("ld.shared.u32 " + state + ", [" + scaled(states, slot, 4) + "]");
    out.op("setp.ne.u32 " + test + ", " + state + ", 2");
    out.op("@" + test + " bra " + next);

    String nullMask = out.register(RegisterClass.B32);
    out.op("ld.shared.u32 " + nullMask + ", [" + scaled(nullMasks, slot, 4) + "]");
    List<String> encoded = new ArrayList<>();
    for (int k = 0; k < keyCount; k++) {
      String bits = out.register(RegisterClass.B64);
      out.op("ld.shared.u64 " + bits + ", [" + keyAddress(slot, k) + "]");
      encoded.add(bits);
    }
    PtxGroupKey key = PtxGroupKey.hashed(out, encoded, nullMask);
    merge.emit(key, accumulatorAddress(slot), next);
    out.place(next);
    out.op("add.u32 " + slot + ", " + slot + ", " + step);
    out.op("bra " + loop);
    out.place(end);
  }

  private String keyAddress(String slot, int k) {
    String index = out.register(RegisterClass.B32);
    out.op("mad.lo.u32 " + index + ", " + slot + ", " + keyCount + ", " + k);
    return scaled(keys, index, 8);
  }

  private String scaled(String base, String index, int width) {
    String offset = out.register(RegisterClass.B64);
    String address = out.register(RegisterClass.B64);
    out.op("mul.wide.u32 " + offset + ", " + index + ", " + width);
    out.op("add.u64 " + address + ", " + base + ", " + offset);
    return address;
  }
}
