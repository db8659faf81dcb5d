package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregate sink. Without group keys, each thread keeps partials in registers for the whole row
 * loop, a warp shuffle reduction merges them, and lane 0 of each warp applies one atomic per call
 * to the accumulators. With group keys, each passing row finds or claims its group's slot in an
 * open-addressing table in device memory, which maps the keys to a dense group number, and updates
 * that group's accumulators with atomics. Dense groups let the host read back only the groups that
 * exist, however large the table.
 *
 * <p>Accumulator and table layouts are described in the package documentation.
 */
final class PtxAggregateSink implements PtxSink {
  /** Maximum number of group keys: the NULL mask of a group is one 32-bit word. */
  static final int MAX_KEYS = 32;

  /** Bytes per accumulator: the 64-bit value, the 32-bit seen flag and padding. */
  static final int ACCUMULATOR_BYTES = 16;

  /** Slot state of a slot whose claiming thread is still writing the group's keys. */
  static final String SLOT_CLAIMED = "0xFFFFFFFF";

  /** Slot state of a slot whose claiming thread found no free group; its row raised an error. */
  static final String SLOT_FAILED = "0xFFFFFFFE";

  private final PtxWriter out;
  private final PtxExprEmitter exprs;
  private final PtxInputs inputs;
  private final AggregateSink sink;
  private final List<AggregateCall> calls;
  private String accumulators;
  private final List<String> partials = new ArrayList<>();
  private final List<String> seen = new ArrayList<>();
  private String capacity;
  private String groupLimit;
  private String groupSlots;
  private String groupKeys;
  private String groupNulls;
  private String groupCount;
  private final PtxBlockGroups blockGroups;

  PtxAggregateSink(PtxWriter out, PtxExprEmitter exprs, PtxInputs inputs, AggregateSink sink) {
    this.out = out;
    this.exprs = exprs;
    this.inputs = inputs;
    this.sink = sink;
    this.calls = sink.calls();
    if (sink.groupKeys().size() > MAX_KEYS) {
      throw new IllegalArgumentException(
          "the PTX backend supports at most "
              + MAX_KEYS
              + " group keys, got "
              + sink.groupKeys().size());
    }
    calls.forEach(PtxAggregateSink::checkSupported);
    this.blockGroups = keyed() ? PtxBlockGroups.forSink(out, sink) : null;
  }

  @Override
  public String moduleDeclarations() {
    return blockGroups == null ? "" : blockGroups.declaration();
  }

  private boolean keyed() {
    return !sink.groupKeys().isEmpty();
  }

  @Override
  public List<PtxParameter> parameters() {
    List<PtxParameter> parameters = new ArrayList<>();
    parameters.add(new PtxParameter("accumulators", ".u64"));
    if (keyed()) {
      parameters.add(new PtxParameter("group_capacity", ".u32"));
      parameters.add(new PtxParameter("group_limit", ".u32"));
      parameters.add(new PtxParameter("group_slots", ".u64"));
      parameters.add(new PtxParameter("group_keys", ".u64"));
      parameters.add(new PtxParameter("group_nulls", ".u64"));
      parameters.add(new PtxParameter("group_count", ".u64"));
    }
    return parameters;
  }

  @Override
  public void emitSetup() {
    accumulators = PtxEmitter.globalPointer(out, "accumulators");
    if (keyed()) {
      capacity = out.register(RegisterClass.B32);
      out.op("ld.param.u32 " + capacity + ", [group_capacity]");
      groupLimit = out.register(RegisterClass.B32);
      out.op("ld.param.u32 " + groupLimit + ", [group_limit]");
      groupSlots = PtxEmitter.globalPointer(out, "group_slots");
      groupKeys = PtxEmitter.globalPointer(out, "group_keys");
      groupNulls = PtxEmitter.globalPointer(out, "group_nulls");
      groupCount = PtxEmitter.globalPointer(out, "group_count");
      if (blockGroups != null) {
        blockGroups.emitSetup();
      }
      return;
    }
    out.comment("per-thread partials of the global aggregate");
    for (AggregateCall call : calls) {
      PartialKind kind = PartialKind.of(call);
      String partial =
          out.register(kind == PartialKind.DOUBLE_SUM ? RegisterClass.F64 : RegisterClass.B64);
      String seenFlag = out.register(RegisterClass.PRED);
      switch (kind) {
        case DOUBLE_SUM -> out.op("mov.f64 " + partial + ", " + PtxLiterals.f64(0.0));
        case MIN -> out.op("mov.b64 " + partial + ", " + Long.MAX_VALUE);
        case MAX -> out.op("mov.b64 " + partial + ", " + PtxLiterals.s64(Long.MIN_VALUE));
        default -> out.op("mov.b64 " + partial + ", 0");
      }
      out.op("mov.pred " + seenFlag + ", 0");
      partials.add(partial);
      seen.add(seenFlag);
    }
  }

  @Override
  public void emitRow(String keep) {
    out.comment(
        "sink: aggregate " + calls.size() + " calls by " + sink.groupKeys().size() + " keys");
    String done = out.label("aggregate_done");
    out.op("@!" + keep + " bra " + done);
    List<Expr> used = new ArrayList<>(sink.groupKeys());
    for (AggregateCall call : calls) {
      if (call.argument() != null) {
        used.add(call.argument());
      }
    }
    inputs.load(used, exprs);
    if (keyed()) {
      List<Operand> operands = emitOperands();
      PtxGroupKey key = encodeKeys();
      if (blockGroups != null) {
        String deviceWide = out.label("device_groups");
        String slot = blockGroups.emitLookup(key, deviceWide);
        String base = blockGroups.accumulatorAddress(slot);
        for (int c = 0; c < calls.size(); c++) {
          emitAtomicUpdate(c, base, operands.get(c), Space.SHARED);
        }
        out.op("bra " + done);
        out.place(deviceWide);
      }
      String group = emitGroupLookup(key, done);
      String base = groupAccumulators(group);
      for (int c = 0; c < calls.size(); c++) {
        emitAtomicUpdate(c, base, operands.get(c), Space.GLOBAL);
      }
    } else {
      for (int c = 0; c < calls.size(); c++) {
        emitPartialUpdate(c);
      }
    }
    out.place(done);
  }

  @Override
  public void emitFinish() {
    if (keyed() && blockGroups == null) {
      return;
    }
    out.comment("errors found while merging partials belong to no single row");
    out.op("mov.b64 " + out.row() + ", -1");
    if (keyed()) {
      blockGroups.emitFlush(this::emitSlotMerge);
      return;
    }
    String lane = out.register(RegisterClass.B32);
    String leader = out.register(RegisterClass.PRED);
    out.op("mov.u32 " + lane + ", %laneid");
    out.op("setp.eq.u32 " + leader + ", " + lane + ", 0");
    for (int c = 0; c < calls.size(); c++) {
      AggregateCall call = calls.get(c);
      out.comment("call " + c + ": warp reduction of " + call.function());
      PartialKind kind = PartialKind.of(call);
      String partial = partials.get(c);
      for (int offset = 16; offset >= 1; offset /= 2) {
        String other = shuffle(partial, kind == PartialKind.DOUBLE_SUM, offset);
        combine(c, kind, partial, other);
      }
      String anySeen = out.register(RegisterClass.PRED);
      out.op("vote.sync.any.pred " + anySeen + ", " + seen.get(c) + ", 0xffffffff");
      String apply = out.register(RegisterClass.PRED);
      boolean counting = kind == PartialKind.COUNT;
      out.op("and.pred " + apply + ", " + leader + ", " + (counting ? leader : anySeen));
      String skip = out.label("merged");
      out.op("@!" + apply + " bra " + skip);
      String address = accumulatorAddress(accumulators, c);
      applyAtomic(c, kind, address, partial, Space.GLOBAL, false);
      out.place(skip);
    }
  }

  private void emitPartialUpdate(int c) {
    AggregateCall call = calls.get(c);
    PartialKind kind = PartialKind.of(call);
    out.comment("call " + c + ": " + describe(call));
    String partial = partials.get(c);
    if (call.argument() == null) {
      out.op("add.u64 " + partial + ", " + partial + ", 1");
      return;
    }
    PtxValue argument = exprs.emit(call.argument());
    String skip = out.label("null_argument");
    if (!argument.neverNull()) {
      out.op("@" + argument.isNull() + " bra " + skip);
    }
    switch (kind) {
      case COUNT -> out.op("add.u64 " + partial + ", " + partial + ", 1");
      case EXACT_SUM -> {
        String value = exactValue(argument);
        String sum = checkedAdd(partial, value, sumRange(call));
        out.op("mov.b64 " + partial + ", " + sum);
      }
      case DOUBLE_SUM -> {
        String value = exprs.conversions().toDouble(argument.value(), argument.type());
        out.op("add.rn.f64 " + partial + ", " + partial + ", " + value);
      }
      case MIN -> out.op("min.s64 " + partial + ", " + partial + ", " + orderKey(argument));
      case MAX -> out.op("max.s64 " + partial + ", " + partial + ", " + orderKey(argument));
    }
    out.op("mov.pred " + seen.get(c) + ", 1");
    out.place(skip);
  }

  private void combine(int c, PartialKind kind, String partial, String other) {
    switch (kind) {
      case COUNT -> out.op("add.u64 " + partial + ", " + partial + ", " + other);
      case EXACT_SUM -> {
        String sum = checkedAdd(partial, other, sumRange(calls.get(c)));
        out.op("mov.b64 " + partial + ", " + sum);
      }
      case DOUBLE_SUM -> out.op("add.rn.f64 " + partial + ", " + partial + ", " + other);
      case MIN -> out.op("min.s64 " + partial + ", " + partial + ", " + other);
      case MAX -> out.op("max.s64 " + partial + ", " + partial + ", " + other);
    }
  }

  /** The memory that an accumulator lives in, with the scope of its atomics. */
  enum Space {
    GLOBAL("global", "gpu"),
    SHARED("shared", "cta");

    final String name;
    final String scope;

    Space(String name, String scope) {
      this.name = name;
      this.scope = scope;
    }
  }

  /**
   * Emits the atomic update of the accumulator at {@code address} with a value. MIN and MAX take an
   * order key, or with {@code stored} the accumulator's stored form.
   */
  private void applyAtomic(
      int c, PartialKind kind, String address, String value, Space space, boolean stored) {
    String red = "red." + space.name;
    switch (kind) {
      case COUNT -> out.op(red + ".add.u64 [" + address + "], " + value);
      case EXACT_SUM -> checkedAtomicAdd(address, value, sumRange(calls.get(c)), space);
      case DOUBLE_SUM -> out.op(red + ".add.f64 [" + address + "], " + value);
      case MIN, MAX -> {
        String storedValue = value;
        if (!stored) {
          storedValue = out.register(RegisterClass.B64);
          out.op("xor.b64 " + storedValue + ", " + value + ", " + storedOrderMask(kind));
        }
        out.op(red + ".max.u64 [" + address + "], " + storedValue);
      }
    }
    if (kind != PartialKind.COUNT) {
      out.op("st.relaxed." + space.scope + "." + space.name + ".u32 [" + address + "+8], 1");
    }
  }

  /**
   * Returns the mask that turns a MIN or MAX order key into its stored form. The unsigned maximum
   * of stored forms is the minimum (MIN) or maximum (MAX) key, so a zeroed accumulator has no
   * value.
   */
  private static String storedOrderMask(PartialKind kind) {
    return kind == PartialKind.MIN ? "0x7FFFFFFFFFFFFFFF" : "0x8000000000000000";
  }

  /**
   * Emits a compare-and-swap loop that adds {@code value} to the 64-bit total at {@code address},
   * raising NUMERIC_OVERFLOW and leaving the total unchanged when the sum leaves {@code range}.
   */
  private void checkedAtomicAdd(String address, String value, PtxIntegerRange range, Space space) {
    String expected = out.register(RegisterClass.B64);
    String found = out.register(RegisterClass.B64);
    String retry = out.register(RegisterClass.PRED);
    String loop = out.label("sum_cas");
    String done = out.label("sum_cas_done");
    out.op(
        "ld.relaxed."
            + space.scope
            + "."
            + space.name
            + ".u64 "
            + expected
            + ", ["
            + address
            + "]");
    out.place(loop);
    String total = out.register(RegisterClass.B64);
    String overflow = out.register(RegisterClass.PRED);
    out.op("add.s64 " + total + ", " + expected + ", " + value);
    overflowOf(overflow, expected, value, total, range);
    out.raiseWhen(overflow, KernelErrorCode.NUMERIC_OVERFLOW);
    out.op("@" + overflow + " bra " + done);
    out.op(
        "atom."
            + space.name
            + ".cas.b64 "
            + found
            + ", ["
            + address
            + "], "
            + expected
            + ", "
            + total);
    out.op("setp.ne.u64 " + retry + ", " + found + ", " + expected);
    out.op("mov.b64 " + expected + ", " + found);
    out.op("@" + retry + " bra " + loop);
    out.place(done);
  }

  /** Returns a register with a + b, raising NUMERIC_OVERFLOW when it leaves {@code range}. */
  private String checkedAdd(String a, String b, PtxIntegerRange range) {
    String total = out.register(RegisterClass.B64);
    String overflow = out.register(RegisterClass.PRED);
    out.op("add.s64 " + total + ", " + a + ", " + b);
    overflowOf(overflow, a, b, total, range);
    out.raiseWhen(overflow, KernelErrorCode.NUMERIC_OVERFLOW);
    return total;
  }

  private void overflowOf(
      String overflow, String a, String b, String total, PtxIntegerRange range) {
    String signs = out.register(RegisterClass.B64);
    String flipped = out.register(RegisterClass.B64);
    out.op("xor.b64 " + signs + ", " + b + ", " + total);
    out.op("xor.b64 " + flipped + ", " + a + ", " + total);
    out.op("and.b64 " + signs + ", " + signs + ", " + flipped);
    out.op("setp.lt.s64 " + overflow + ", " + signs + ", 0");
    if (range.min() != Long.MIN_VALUE || range.max() != Long.MAX_VALUE) {
      String outside = out.register(RegisterClass.PRED);
      out.op("setp.lt.s64 " + outside + ", " + total + ", " + range.min());
      out.op("or.pred " + overflow + ", " + overflow + ", " + outside);
      out.op("setp.gt.s64 " + outside + ", " + total + ", " + range.max());
      out.op("or.pred " + overflow + ", " + overflow + ", " + outside);
    }
  }

  private String shuffle(String value, boolean floating, int offset) {
    String bits = value;
    if (floating) {
      bits = out.register(RegisterClass.B64);
      out.op("mov.b64 " + bits + ", " + value);
    }
    String lo = out.register(RegisterClass.B32);
    String hi = out.register(RegisterClass.B32);
    out.op("mov.b64 {" + lo + ", " + hi + "}, " + bits);
    out.op("shfl.sync.bfly.b32 " + lo + ", " + lo + ", " + offset + ", 0x1f, 0xffffffff");
    out.op("shfl.sync.bfly.b32 " + hi + ", " + hi + ", " + offset + ", 0x1f, 0xffffffff");
    String merged = out.register(floating ? RegisterClass.F64 : RegisterClass.B64);
    out.op("mov.b64 " + merged + ", {" + lo + ", " + hi + "}");
    return merged;
  }

  /** Emits the row's group keys, encoded to 64 bits, their NULL mask and their hash. */
  private PtxGroupKey encodeKeys() {
    List<Expr> keys = sink.groupKeys();
    List<String> encoded = new ArrayList<>();
    String nullMask = out.register(RegisterClass.B32);
    out.op("mov.b32 " + nullMask + ", 0");
    for (int k = 0; k < keys.size(); k++) {
      StringBuilder canonical = new StringBuilder();
      keys.get(k).appendCanonical(canonical);
      out.comment("group key " + k + ": " + canonical);
      PtxValue key = exprs.emit(keys.get(k));
      String bits = keyBits(out, exprs, key);
      if (!key.neverNull()) {
        out.op("@" + key.isNull() + " mov.b64 " + bits + ", 0");
        out.op("@" + key.isNull() + " or.b32 " + nullMask + ", " + nullMask + ", " + (1L << k));
      }
      encoded.add(bits);
    }
    return PtxGroupKey.hashed(out, encoded, nullMask);
  }

  /**
   * Emits the lookup of a group in the device-wide table and returns the register with its dense
   * group number. Branches to {@code failed} after raising GROUP_TABLE_FULL when every slot or
   * every group is taken.
   */
  private String emitGroupLookup(PtxGroupKey key, String failed) {
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
    String slotAddress = scaledAddress(groupSlots, slot, 4);
    String state = out.register(RegisterClass.B32);
    String test = out.register(RegisterClass.PRED);
    out.comment("a plain read first, so that rows of existing groups need no atomic");
    out.op("ld.acquire.gpu.global.u32 " + state + ", [" + slotAddress + "]");
    out.op("setp.ne.u32 " + test + ", " + state + ", 0");
    out.op("@" + test + " bra " + wait);
    out.op("atom.global.cas.b32 " + state + ", [" + slotAddress + "], 0, " + SLOT_CLAIMED);
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
    out.op("st.global.u32 [" + scaledAddress(groupNulls, group, 4) + "], " + nullMask);
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
    out.op("ld.global.u32 " + storedMask + ", [" + scaledAddress(groupNulls, group, 4) + "]");
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

  /** Applies the 64-bit finalizer of MurmurHash3 to {@code hash} in place. */
  static void finalizeHash(PtxWriter out, String hash) {
    String shifted = out.register(RegisterClass.B64);
    out.op("shr.u64 " + shifted + ", " + hash + ", 33");
    out.op("xor.b64 " + hash + ", " + hash + ", " + shifted);
    out.op("mul.lo.u64 " + hash + ", " + hash + ", 0xFF51AFD7ED558CCD");
    out.op("shr.u64 " + shifted + ", " + hash + ", 33");
    out.op("xor.b64 " + hash + ", " + hash + ", " + shifted);
    out.op("mul.lo.u64 " + hash + ", " + hash + ", 0xC4CEB9FE1A85EC53");
    out.op("shr.u64 " + shifted + ", " + hash + ", 33");
    out.op("xor.b64 " + hash + ", " + hash + ", " + shifted);
  }

  private String keyAddress(String group, int k) {
    String index = out.register(RegisterClass.B32);
    out.op("mad.lo.u32 " + index + ", " + group + ", " + sink.groupKeys().size() + ", " + k);
    return scaledAddress(groupKeys, index, 8);
  }

  private String scaledAddress(String base, String index, int width) {
    String offset = out.register(RegisterClass.B64);
    String address = out.register(RegisterClass.B64);
    out.op("mul.wide.u32 " + offset + ", " + index + ", " + width);
    out.op("add.u64 " + address + ", " + base + ", " + offset);
    return address;
  }

  private String groupAccumulators(String group) {
    String index = out.register(RegisterClass.B32);
    out.op("mul.lo.u32 " + index + ", " + group + ", " + calls.size());
    return scaledAddress(accumulators, index, ACCUMULATOR_BYTES);
  }

  private String accumulatorAddress(String base, int c) {
    String address = out.register(RegisterClass.B64);
    out.op("add.u64 " + address + ", " + base + ", " + (c * ACCUMULATOR_BYTES));
    return address;
  }

  /** The update operand of one call: its register, and the predicate that it is NULL, or null. */
  private record Operand(String value, String isNull) {}

  /**
   * Emits every call's argument and its update operand once, before the row's group is found, so
   * that the block-local and device-wide paths share them.
   */
  private List<Operand> emitOperands() {
    List<Operand> operands = new ArrayList<>();
    for (AggregateCall call : calls) {
      PartialKind kind = PartialKind.of(call);
      if (call.argument() == null) {
        operands.add(new Operand(null, null));
        continue;
      }
      PtxValue argument = exprs.emit(call.argument());
      String value =
          switch (kind) {
            case COUNT -> null;
            case EXACT_SUM -> exactValue(argument);
            case DOUBLE_SUM -> exprs.conversions().toDouble(argument.value(), argument.type());
            case MIN, MAX -> orderKey(argument);
          };
      operands.add(new Operand(value, argument.neverNull() ? null : argument.isNull()));
    }
    return operands;
  }

  private void emitAtomicUpdate(int c, String base, Operand operand, Space space) {
    AggregateCall call = calls.get(c);
    PartialKind kind = PartialKind.of(call);
    out.comment("call " + c + ": " + describe(call) + " in " + space.name + " memory");
    String address = accumulatorAddress(base, c);
    String skip = out.label("null_argument");
    if (operand.isNull() != null) {
      out.op("@" + operand.isNull() + " bra " + skip);
    }
    if (operand.value() == null) {
      out.op("red." + space.name + ".add.u64 [" + address + "], 1");
    } else {
      applyAtomic(c, kind, address, operand.value(), space, false);
    }
    out.place(skip);
  }

  /**
   * Emits the merge of one block-local group into the device-wide table: the group's lookup, then
   * per call the block's partial applied with the device-wide atomic.
   */
  private void emitSlotMerge(PtxGroupKey key, String slotAccumulators, String next) {
    String group = emitGroupLookup(key, next);
    String base = groupAccumulators(group);
    for (int c = 0; c < calls.size(); c++) {
      PartialKind kind = PartialKind.of(calls.get(c));
      out.comment("call " + c + ": merge the block's partial");
      String local = accumulatorAddress(slotAccumulators, c);
      String value = out.register(RegisterClass.B64);
      out.op("ld.shared.u64 " + value + ", [" + local + "]");
      String skip = out.label("unseen_partial");
      if (kind != PartialKind.COUNT) {
        String flag = out.register(RegisterClass.B32);
        String unseen = out.register(RegisterClass.PRED);
        out.op("ld.shared.u32 " + flag + ", [" + local + "+8]");
        out.op("setp.eq.u32 " + unseen + ", " + flag + ", 0");
        out.op("@" + unseen + " bra " + skip);
      }
      String operand = value;
      if (kind == PartialKind.DOUBLE_SUM) {
        operand = out.register(RegisterClass.F64);
        out.op("mov.b64 " + operand + ", " + value);
      }
      applyAtomic(c, kind, accumulatorAddress(base, c), operand, Space.GLOBAL, true);
      out.place(skip);
    }
  }

  /** Returns an exact argument as a 64-bit unscaled value at its own scale. */
  private String exactValue(PtxValue argument) {
    return exprs.conversions().toLong(argument.value(), argument.type());
  }

  /**
   * Returns a 64-bit key whose signed order is the order of MIN and MAX: integer-register values
   * sign-extended, BOOLEAN as 0 or 1, and REAL or DOUBLE as the order key of the double value.
   */
  private String orderKey(PtxValue argument) {
    TypeKind kind = argument.type().kind();
    if (kind == TypeKind.BOOLEAN) {
      String key = out.register(RegisterClass.B64);
      out.op("selp.u64 " + key + ", 1, 0, " + argument.value());
      return key;
    }
    if (!kind.isApproximateNumeric()) {
      return exprs.conversions().toLong(argument.value(), argument.type());
    }
    String value = exprs.conversions().toDouble(argument.value(), argument.type());
    String bits = out.register(RegisterClass.B64);
    String nan = out.register(RegisterClass.PRED);
    out.op("mov.b64 " + bits + ", " + value);
    out.op("testp.notanumber.f64 " + nan + ", " + value);
    out.op("@" + nan + " mov.b64 " + bits + ", 0x7FF8000000000000");
    String sign = out.register(RegisterClass.B64);
    out.op("shr.s64 " + sign + ", " + bits + ", 63");
    out.op("and.b64 " + sign + ", " + sign + ", 0x7FFFFFFFFFFFFFFF");
    out.op("xor.b64 " + bits + ", " + bits + ", " + sign);
    return bits;
  }

  /**
   * Returns the 64-bit group key encoding of a value: integer-register values sign-extended,
   * BOOLEAN as 0 or 1, REAL and DOUBLE as the bits of the double with -0.0 as 0.0 and one NaN.
   * Hash-join probes encode their keys the same way.
   */
  static String keyBits(PtxWriter out, PtxExprEmitter exprs, PtxValue key) {
    String bits = out.register(RegisterClass.B64);
    switch (key.type().physicalType()) {
      case BOOLEAN -> out.op("selp.u64 " + bits + ", 1, 0, " + key.value());
      case INT -> out.op("cvt.s64.s32 " + bits + ", " + key.value());
      case LONG -> out.op("mov.b64 " + bits + ", " + key.value());
      case FLOAT, DOUBLE -> {
        String value = exprs.conversions().toDouble(key.value(), key.type());
        String special = out.register(RegisterClass.PRED);
        out.op("mov.b64 " + bits + ", " + value);
        out.op("setp.eq.f64 " + special + ", " + value + ", " + PtxLiterals.f64(0.0));
        out.op("@" + special + " mov.b64 " + bits + ", 0");
        out.op("testp.notanumber.f64 " + special + ", " + value);
        out.op("@" + special + " mov.b64 " + bits + ", 0x7FF8000000000000");
      }
    }
    return bits;
  }

  /**
   * Returns the bounds that an exact SUM's running total is checked against: the result type's
   * range, or the 64-bit range when either side is DECIMAL, whose precision the host checks when it
   * converts the total to the result type.
   */
  static PtxIntegerRange sumRange(AggregateCall call) {
    if (call.argument().type().kind() == TypeKind.DECIMAL
        || call.resultType().kind() == TypeKind.DECIMAL) {
      return PtxIntegerRange.of(DataType.BIGINT);
    }
    return PtxIntegerRange.of(call.resultType());
  }

  private static String describe(AggregateCall call) {
    StringBuilder text = new StringBuilder(call.function().name()).append('(');
    if (call.argument() != null) {
      call.argument().appendCanonical(text);
    }
    return text.append(')').toString();
  }

  /** Rejects calls that the accumulators cannot hold, naming the call. */
  private static void checkSupported(AggregateCall call) {
    if (call.argument() == null) {
      return;
    }
    TypeKind argument = call.argument().type().kind();
    TypeKind result = call.resultType().kind();
    String reason =
        switch (call.function()) {
          case COUNT, COUNT_STAR -> null;
          case SUM -> {
            boolean exact = argument.isExactNumeric() && result.isExactNumeric();
            boolean floating = argument.isApproximateNumeric() && result.isApproximateNumeric();
            yield exact || floating
                ? null
                : "SUM needs a numeric argument and result of the same family";
          }
          case MIN, MAX -> {
            if (argument == TypeKind.VARCHAR) {
              yield "dictionary codes are not ordered like strings; compare strings elsewhere";
            }
            yield argument != result ? "the result must have the argument's type kind" : null;
          }
        };
    if (reason != null) {
      throw new IllegalArgumentException(
          call.function()
              + "("
              + call.argument().type()
              + ") returning "
              + call.resultType()
              + " is not supported: "
              + reason);
    }
  }

  /** How a call accumulates: the accumulator's representation and its atomic update. */
  enum PartialKind {
    COUNT,
    EXACT_SUM,
    DOUBLE_SUM,
    MIN,
    MAX;

    static PartialKind of(AggregateCall call) {
      AggregateFunction function = call.function();
      return switch (function) {
        case COUNT_STAR, COUNT -> COUNT;
        case SUM -> call.argument().type().kind().isApproximateNumeric() ? DOUBLE_SUM : EXACT_SUM;
        case MIN -> MIN;
        case MAX -> MAX;
      };
    }
  }
}
