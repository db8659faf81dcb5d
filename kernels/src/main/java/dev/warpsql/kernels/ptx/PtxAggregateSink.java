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

  private final PtxWriter out;
  private final PtxExprEmitter exprs;
  private final PtxInputs inputs;
  private final AggregateSink sink;
  private final List<AggregateCall> calls;
  private String accumulators;
  private final List<String> partials = new ArrayList<>();
  private final List<String> seen = new ArrayList<>();
  private final PtxDeviceGroups deviceGroups;
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
    this.deviceGroups = keyed() ? new PtxDeviceGroups(out, sink.groupKeys().size()) : null;
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
      parameters.addAll(PtxDeviceGroups.parameters());
    }
    return parameters;
  }

  @Override
  public void emitSetup() {
    accumulators = PtxEmitter.globalPointer(out, "accumulators");
    if (keyed()) {
      deviceGroups.emitSetup();
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
      String group = deviceGroups.emitLookup(key, done);
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
      String bits = PtxGroupKey.keyBits(out, exprs, key);
      if (!key.neverNull()) {
        out.op("@" + key.isNull() + " mov.b64 " + bits + ", 0");
        out.op("@" + key.isNull() + " or.b32 " + nullMask + ", " + nullMask + ", " + (1L << k));
      }
      encoded.add(bits);
    }
    return PtxGroupKey.hashed(out, encoded, nullMask);
  }

  private String groupAccumulators(String group) {
    String index = out.register(RegisterClass.B32);
    out.op("mul.lo.u32 " + index + ", " + group + ", " + calls.size());
    return PtxDeviceGroups.scaledAddress(out, accumulators, index, ACCUMULATOR_BYTES);
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
    String group = deviceGroups.emitLookup(key, next);
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
