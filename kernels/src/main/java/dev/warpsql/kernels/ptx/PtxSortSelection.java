package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * Emits the kernels with which a device sort under a small FETCH finds the rows that can be among
 * the first ones before sorting only those: a radix selection on the leading key's 64-bit keys
 * ({@link PtxSortKeys}), from the highest byte down.
 *
 * <ul>
 *   <li>{@link #prefixCounts()}: the count of each value of one byte over the keys whose higher
 *       bytes equal a prefix. From it the host finds the byte value of the row at the wanted
 *       position and extends the prefix by it.
 *   <li>{@link #candidates()}: writes the rows whose key, down to the selected byte, is at most the
 *       prefix, in no particular order, with the row number as each one's key. A radix pass over
 *       those keys then restores their input order, so that ties keep it as in a full sort.
 * </ul>
 *
 * <p>Both need blocks of {@link PtxRadixSort#BLOCK_SIZE} threads and run with any grid size.
 *
 * <p>Stateless and thread-safe.
 */
public final class PtxSortSelection {
  /** Entry names of the two kernels. */
  public static final String PREFIX_COUNTS = "warp_sort_prefix_counts";

  public static final String CANDIDATES = "warp_sort_candidates";

  private static final int DIGIT_VALUES = PtxRadixSort.BLOCK_SIZE;

  private PtxSortSelection() {}

  /**
   * Returns the kernel that counts one byte's values among the keys with a given prefix.
   * Parameters: {@code row_count} (.u32); {@code keys} (.u64); {@code shift} (.u32, eight times the
   * byte's position); {@code prefix} (.u64, compared above the byte only); {@code counts} (.u64,
   * 256 32-bit counts that the host zeroes).
   */
  public static PtxKernel prefixCounts() {
    PtxWriter out = new PtxWriter();
    String shared = "sort_prefix_counts";
    List<PtxParameter> parameters =
        List.of(
            new PtxParameter("row_count", ".u32"),
            new PtxParameter("keys", ".u64"),
            new PtxParameter("shift", ".u32"),
            new PtxParameter("prefix", ".u64"),
            new PtxParameter("counts", ".u64"));
    String rowCount = PtxRadixSort.loadRowCount(out);
    String keys = PtxEmitter.globalPointer(out, "keys");
    String counts = PtxEmitter.globalPointer(out, "counts");
    String shift = out.register(RegisterClass.B32);
    String prefix = out.register(RegisterClass.B64);
    out.op("ld.param.u32 " + shift + ", [shift]");
    out.op("ld.param.u64 " + prefix + ", [prefix]");
    String above = out.register(RegisterClass.B32);
    out.op("add.u32 " + above + ", " + shift + ", 8");
    String thread = PtxRadixSort.threadInBlock(out);
    String table = out.register(RegisterClass.B64);
    out.op("mov.u64 " + table + ", " + shared);
    PtxRadixSort.zeroShared(out, table, thread, DIGIT_VALUES);

    out.comment(
        "a key whose bytes above the shift equal the prefix's counts its byte at the shift");
    out.comment("(a shift of 64 or more leaves 0, so the top byte compares no prefix)");
    String position = out.register(RegisterClass.B64);
    String stride = out.register(RegisterClass.B64);
    PtxEmitter.emitGridStride(out, position, stride);
    String loop = out.label("prefix_key");
    String next = out.label("prefix_next");
    String done = out.label("prefix_done");
    String past = out.register(RegisterClass.PRED);
    String other = out.register(RegisterClass.PRED);
    String key = out.register(RegisterClass.B64);
    String differing = out.register(RegisterClass.B64);
    out.place(loop);
    out.op("setp.ge.u64 " + past + ", " + position + ", " + rowCount);
    out.op("@" + past + " bra " + done);
    String address = PtxRadixSort.elementAddress(out, keys, position, 8);
    out.op("ld.global.u64 " + key + ", [" + address + "]");
    out.op("xor.b64 " + differing + ", " + key + ", " + prefix);
    out.op("shr.u64 " + differing + ", " + differing + ", " + above);
    out.op("setp.ne.u64 " + other + ", " + differing + ", 0");
    out.op("@" + other + " bra " + next);
    String digit = PtxRadixSort.digitOf(out, key, shift);
    out.op("red.shared.add.u32 [" + PtxRadixSort.sharedAddress(out, table, digit) + "], 1");
    out.place(next);
    out.op("add.u64 " + position + ", " + position + ", " + stride);
    out.op("bra " + loop);
    out.place(done);
    out.op("bar.sync 0");

    out.comment("thread d adds the block's nonzero count of value d to the device-wide count");
    String count = out.register(RegisterClass.B32);
    String zero = out.register(RegisterClass.PRED);
    out.op("ld.shared.u32 " + count + ", [" + PtxRadixSort.sharedAddress(out, table, thread) + "]");
    out.op("setp.eq.u32 " + zero + ", " + count + ", 0");
    String target = PtxDeviceGroups.scaledAddress(out, counts, thread, 4);
    out.op("@!" + zero + " red.global.add.u32 [" + target + "], " + count);
    out.op("ret");
    String declaration = ".shared .align 4 .b32 " + shared + "[" + DIGIT_VALUES + "];\n\n";
    return PtxRadixSort.kernel(PREFIX_COUNTS, declaration, parameters, out);
  }

  /**
   * Returns the kernel that writes the candidate rows. Parameters: {@code row_count} (.u32); {@code
   * keys} (.u64); {@code shift} (.u32); {@code prefix} (.u64); {@code count} (.u64, a 32-bit count
   * of rows written, which the host zeroes); {@code keys_out} and {@code rows_out} (.u64). A row is
   * a candidate when its key shifted right by {@code shift} is at most the prefix shifted alike.
   */
  public static PtxKernel candidates() {
    PtxWriter out = new PtxWriter();
    List<PtxParameter> parameters =
        List.of(
            new PtxParameter("row_count", ".u32"),
            new PtxParameter("keys", ".u64"),
            new PtxParameter("shift", ".u32"),
            new PtxParameter("prefix", ".u64"),
            new PtxParameter("count", ".u64"),
            new PtxParameter("keys_out", ".u64"),
            new PtxParameter("rows_out", ".u64"));
    String rowCount = PtxRadixSort.loadRowCount(out);
    String keys = PtxEmitter.globalPointer(out, "keys");
    String count = PtxEmitter.globalPointer(out, "count");
    String keysOut = PtxEmitter.globalPointer(out, "keys_out");
    String rowsOut = PtxEmitter.globalPointer(out, "rows_out");
    String shift = out.register(RegisterClass.B32);
    String limit = out.register(RegisterClass.B64);
    out.op("ld.param.u32 " + shift + ", [shift]");
    out.op("ld.param.u64 " + limit + ", [prefix]");
    out.op("shr.u64 " + limit + ", " + limit + ", " + shift);
    String lane = out.register(RegisterClass.B32);
    String wideLane = out.register(RegisterClass.B64);
    out.op("mov.u32 " + lane + ", %laneid");
    out.op("cvt.u64.u32 " + wideLane + ", " + lane);

    out.comment("the loop ends for a whole warp at once, so that its ballots see every lane");
    String position = out.register(RegisterClass.B64);
    String stride = out.register(RegisterClass.B64);
    PtxEmitter.emitGridStride(out, position, stride);
    String loop = out.label("candidate_key");
    String done = out.label("candidate_done");
    String warpFirst = out.register(RegisterClass.B64);
    String past = out.register(RegisterClass.PRED);
    String valid = out.register(RegisterClass.PRED);
    String keep = out.register(RegisterClass.PRED);
    String key = out.register(RegisterClass.B64);
    String high = out.register(RegisterClass.B64);
    out.place(loop);
    out.op("sub.u64 " + warpFirst + ", " + position + ", " + wideLane);
    out.op("setp.ge.u64 " + past + ", " + warpFirst + ", " + rowCount);
    out.op("@" + past + " bra " + done);
    out.op("setp.lt.u64 " + valid + ", " + position + ", " + rowCount);
    out.op("mov.b64 " + key + ", 0");
    String address = PtxRadixSort.elementAddress(out, keys, position, 8);
    out.op("@" + valid + " ld.global.u64 " + key + ", [" + address + "]");
    out.op("shr.u64 " + high + ", " + key + ", " + shift);
    out.op("setp.le.and.u64 " + keep + ", " + high + ", " + limit + ", " + valid);

    out.comment("one atomic add per warp reserves the positions of its candidates");
    String ballot = out.register(RegisterClass.B32);
    String warpCandidates = out.register(RegisterClass.B32);
    String leader = out.register(RegisterClass.PRED);
    String base = out.register(RegisterClass.B32);
    out.op("vote.sync.ballot.b32 " + ballot + ", " + keep + ", 0xffffffff");
    out.op("popc.b32 " + warpCandidates + ", " + ballot);
    out.op("setp.eq.u32 " + leader + ", " + lane + ", 0");
    out.op("setp.ne.and.u32 " + leader + ", " + warpCandidates + ", 0, " + leader);
    out.op("mov.b32 " + base + ", 0");
    out.op("@" + leader + " atom.global.add.u32 " + base + ", [" + count + "], " + warpCandidates);
    out.op("shfl.sync.idx.b32 " + base + ", " + base + ", 0, 0x1f, 0xffffffff");
    String below = out.register(RegisterClass.B32);
    String target = out.register(RegisterClass.B32);
    out.op("mov.u32 " + below + ", %lanemask_lt");
    out.op("and.b32 " + below + ", " + below + ", " + ballot);
    out.op("popc.b32 " + target + ", " + below);
    out.op("add.u32 " + target + ", " + target + ", " + base);

    out.comment("a candidate's key is its row, which a radix pass turns back into input order");
    String wideTarget = out.register(RegisterClass.B64);
    String row = out.register(RegisterClass.B32);
    out.op("cvt.u64.u32 " + wideTarget + ", " + target);
    out.op("cvt.u32.u64 " + row + ", " + position);
    String keyTarget = PtxRadixSort.elementAddress(out, keysOut, wideTarget, 8);
    String rowTarget = PtxRadixSort.elementAddress(out, rowsOut, wideTarget, 4);
    out.op("@" + keep + " st.global.u64 [" + keyTarget + "], " + position);
    out.op("@" + keep + " st.global.u32 [" + rowTarget + "], " + row);
    out.op("add.u64 " + position + ", " + position + ", " + stride);
    out.op("bra " + loop);
    out.place(done);
    out.op("ret");
    return PtxRadixSort.kernel(CANDIDATES, "", parameters, out);
  }
}
