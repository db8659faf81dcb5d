package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * Emits the three kernels of an exclusive prefix sum of 32-bit counts in device memory, in place,
 * across many blocks: the radix sort's scan of its tile counts when there are many tiles.
 *
 * <ol>
 *   <li>{@link #blockSums()}: each block sums its {@link #BLOCK_ENTRIES} counts into one total.
 *   <li>{@link #totals()}: one block turns the totals, in place, into each block's first sum.
 *   <li>{@link #positions()}: each block replaces its counts by their exclusive prefix sums, from
 *       its first sum.
 * </ol>
 *
 * <p>A thread owns {@link #THREAD_ENTRIES} adjacent counts, and a block scans its threads' sums in
 * shared memory by doubling steps. Every kernel needs blocks of {@link #BLOCK_SIZE} threads; the
 * first and last need one block per {@link #BLOCK_ENTRIES} counts.
 *
 * <p>Stateless and thread-safe.
 */
public final class PtxPrefixSum {
  /** Threads per block. */
  public static final int BLOCK_SIZE = 256;

  /** Adjacent counts per thread. */
  public static final int THREAD_ENTRIES = 16;

  /** Counts per block of {@link #blockSums()} and {@link #positions()}. */
  public static final int BLOCK_ENTRIES = BLOCK_SIZE * THREAD_ENTRIES;

  /** Entry names of the three kernels. */
  public static final String BLOCK_SUMS = "warp_prefix_block_sums";

  public static final String TOTALS = "warp_prefix_totals";
  public static final String POSITIONS = "warp_prefix_positions";

  private static final String SCAN_TABLE = "prefix_thread_sums";
  private static final String DECLARATION =
      ".shared .align 4 .b32 " + SCAN_TABLE + "[" + BLOCK_SIZE + "];\n\n";

  private PtxPrefixSum() {}

  /**
   * Returns the kernel that sums each block's counts. Parameters: {@code count} (.u32, the counts);
   * {@code counts} (.u64); {@code totals} (.u64, one 32-bit total per block).
   */
  public static PtxKernel blockSums() {
    PtxWriter out = new PtxWriter();
    ScannedBlock block = scanBlock(out);

    out.comment("the last thread's inclusive sum is the block's total");
    String last = out.register(RegisterClass.PRED);
    String total = out.register(RegisterClass.B32);
    String own = PtxRadixSort.sharedAddress(out, block.table(), block.thread());
    out.op("setp.eq.u32 " + last + ", " + block.thread() + ", " + (BLOCK_SIZE - 1));
    out.op("ld.shared.u32 " + total + ", [" + own + "]");
    String target = PtxDeviceGroups.scaledAddress(out, block.totals(), block.block(), 4);
    out.op("@" + last + " st.global.u32 [" + target + "], " + total);
    out.op("ret");
    return PtxRadixSort.kernel(BLOCK_SUMS, DECLARATION, blockParameters(), out);
  }

  /**
   * Returns the kernel that turns the block totals into each block's first sum. Parameters: {@code
   * block_count} (.u32); {@code totals} (.u64). One block, whose threads own runs of adjacent
   * totals.
   */
  public static PtxKernel totals() {
    PtxWriter out = new PtxWriter();
    List<PtxParameter> parameters =
        List.of(new PtxParameter("block_count", ".u32"), new PtxParameter("totals", ".u64"));
    String count = loadCount(out, "block_count");
    String totals = PtxEmitter.globalPointer(out, "totals");
    String thread = PtxRadixSort.threadInBlock(out);

    out.comment("thread t owns the run of (block_count + 255) / 256 totals from t times that");
    String run = out.register(RegisterClass.B32);
    String first32 = out.register(RegisterClass.B32);
    String first = out.register(RegisterClass.B64);
    out.op("add.u32 " + run + ", " + count + ", " + (BLOCK_SIZE - 1));
    out.op("shr.u32 " + run + ", " + run + ", " + Integer.numberOfTrailingZeros(BLOCK_SIZE));
    out.op("mul.lo.u32 " + first32 + ", " + thread + ", " + run);
    out.op("cvt.u64.u32 " + first + ", " + first32);

    String sum = sumRun(out, totals, first, run, count);
    String table = scanTable(out);
    String exclusive = blockScan(out, table, thread, sum);
    writePositions(out, totals, first, run, count, exclusive);
    out.op("ret");
    return PtxRadixSort.kernel(TOTALS, DECLARATION, parameters, out);
  }

  /**
   * Returns the kernel that writes each count's exclusive prefix sum. Parameters: {@code count}
   * (.u32); {@code counts} (.u64); {@code totals} (.u64, each block's first sum).
   */
  public static PtxKernel positions() {
    PtxWriter out = new PtxWriter();
    ScannedBlock block = scanBlock(out);

    String start = block.exclusive();
    String blockStart = out.register(RegisterClass.B32);
    String source = PtxDeviceGroups.scaledAddress(out, block.totals(), block.block(), 4);
    out.op("ld.global.u32 " + blockStart + ", [" + source + "]");
    out.op("add.u32 " + start + ", " + start + ", " + blockStart);
    writePositions(out, block.counts(), block.first(), THREAD_ENTRIES, block.count(), start);
    out.op("ret");
    return PtxRadixSort.kernel(POSITIONS, DECLARATION, blockParameters(), out);
  }

  private static List<PtxParameter> blockParameters() {
    return List.of(
        new PtxParameter("count", ".u32"),
        new PtxParameter("counts", ".u64"),
        new PtxParameter("totals", ".u64"));
  }

  /**
   * The registers of a kernel over blocks of {@link #BLOCK_ENTRIES} counts, after the block's scan
   * of its thread sums: the parameters, this thread and block, the thread's first count, the shared
   * table and the thread's exclusive sum within the block.
   */
  private record ScannedBlock(
      String count,
      String counts,
      String totals,
      String thread,
      String block,
      String first,
      String table,
      String exclusive) {}

  /** Emits the loads of the parameters, the sum of this thread's counts and the block's scan. */
  private static ScannedBlock scanBlock(PtxWriter out) {
    String count = loadCount(out, "count");
    String counts = PtxEmitter.globalPointer(out, "counts");
    String totals = PtxEmitter.globalPointer(out, "totals");
    String thread = PtxRadixSort.threadInBlock(out);
    String block = out.register(RegisterClass.B32);
    out.op("mov.u32 " + block + ", %ctaid.x");
    String first = firstEntry(out, block, thread);

    String sum = sumRun(out, counts, first, THREAD_ENTRIES, count);
    String table = scanTable(out);
    String exclusive = blockScan(out, table, thread, sum);
    return new ScannedBlock(count, counts, totals, thread, block, first, table, exclusive);
  }

  private static String loadCount(PtxWriter out, String parameter) {
    String count = out.register(RegisterClass.B32);
    out.op("ld.param.u32 " + count + ", [" + parameter + "]");
    return count;
  }

  private static String number(PtxWriter out, int value) {
    String register = out.register(RegisterClass.B32);
    out.op("mov.u32 " + register + ", " + value);
    return register;
  }

  private static String scanTable(PtxWriter out) {
    String table = out.register(RegisterClass.B64);
    out.op("mov.u64 " + table + ", " + SCAN_TABLE);
    return table;
  }

  /** Returns the 64-bit index of this thread's first count: its block's, then its own run. */
  private static String firstEntry(PtxWriter out, String block, String thread) {
    String first = out.register(RegisterClass.B64);
    String offset = out.register(RegisterClass.B64);
    out.op("mul.wide.u32 " + first + ", " + block + ", " + BLOCK_ENTRIES);
    out.op("mul.wide.u32 " + offset + ", " + thread + ", " + THREAD_ENTRIES);
    out.op("add.u64 " + first + ", " + first + ", " + offset);
    return first;
  }

  private static String sumRun(
      PtxWriter out, String counts, String first, int length, String count) {
    return sumRun(out, counts, first, number(out, length), count);
  }

  /**
   * Emits the sum of the run of {@code length} (a 32-bit register) counts from {@code first} that
   * lie below {@code count}, and returns its register.
   */
  private static String sumRun(
      PtxWriter out, String counts, String first, String length, String count) {
    out.comment("the sum of this thread's run of counts, those past the last count left out");
    String sum = out.register(RegisterClass.B32);
    String index = out.register(RegisterClass.B64);
    String end = runEnd(out, first, length, count);
    String value = out.register(RegisterClass.B32);
    String done = out.register(RegisterClass.PRED);
    String loop = out.label("sum_run");
    String summed = out.label("sum_run_done");
    out.op("mov.u32 " + sum + ", 0");
    out.op("mov.u64 " + index + ", " + first);
    out.place(loop);
    out.op("setp.ge.u64 " + done + ", " + index + ", " + end);
    out.op("@" + done + " bra " + summed);
    String address = PtxRadixSort.elementAddress(out, counts, index, 4);
    out.op("ld.global.u32 " + value + ", [" + address + "]");
    out.op("add.u32 " + sum + ", " + sum + ", " + value);
    out.op("add.u64 " + index + ", " + index + ", 1");
    out.op("bra " + loop);
    out.place(summed);
    return sum;
  }

  /** Returns the end of a run: {@code first + length}, but at most {@code count}. */
  private static String runEnd(PtxWriter out, String first, String length, String count) {
    String wideLength = out.register(RegisterClass.B64);
    String wideCount = out.register(RegisterClass.B64);
    String end = out.register(RegisterClass.B64);
    out.op("cvt.u64.u32 " + wideLength + ", " + length);
    out.op("cvt.u64.u32 " + wideCount + ", " + count);
    out.op("add.u64 " + end + ", " + first + ", " + wideLength);
    out.op("min.u64 " + end + ", " + end + ", " + wideCount);
    return end;
  }

  /**
   * Emits a scan of the block's thread sums in shared memory by doubling steps: at step {@code k}
   * each thread adds the sum {@code 2^k} threads below it. Returns the register of this thread's
   * exclusive sum; the shared table then contains the inclusive sums. Every thread must run it.
   */
  private static String blockScan(PtxWriter out, String table, String thread, String sum) {
    out.comment("scan of the thread sums: each step adds the sum of the thread a distance below");
    String own = PtxRadixSort.sharedAddress(out, table, thread);
    out.op("st.shared.u32 [" + own + "], " + sum);
    out.op("bar.sync 0");
    String distance = out.register(RegisterClass.B32);
    String below = out.register(RegisterClass.B32);
    String added = out.register(RegisterClass.B32);
    String mine = out.register(RegisterClass.B32);
    String has = out.register(RegisterClass.PRED);
    String more = out.register(RegisterClass.PRED);
    String step = out.label("scan_step");
    out.op("mov.u32 " + distance + ", 1");
    out.place(step);
    out.op("mov.u32 " + added + ", 0");
    out.op("setp.ge.u32 " + has + ", " + thread + ", " + distance);
    out.op("sub.u32 " + below + ", " + thread + ", " + distance);
    String belowAddress = PtxRadixSort.sharedAddress(out, table, below);
    out.op("@" + has + " ld.shared.u32 " + added + ", [" + belowAddress + "]");
    out.op("bar.sync 0");
    out.op("ld.shared.u32 " + mine + ", [" + own + "]");
    out.op("add.u32 " + mine + ", " + mine + ", " + added);
    out.op("st.shared.u32 [" + own + "], " + mine);
    out.op("bar.sync 0");
    out.op("shl.b32 " + distance + ", " + distance + ", 1");
    out.op("setp.lt.u32 " + more + ", " + distance + ", " + BLOCK_SIZE);
    out.op("@" + more + " bra " + step);
    String exclusive = out.register(RegisterClass.B32);
    out.op("sub.u32 " + exclusive + ", " + mine + ", " + sum);
    return exclusive;
  }

  /**
   * Emits the replacement of each count of this thread's run by the running sum from {@code start},
   * which it advances.
   */
  private static void writePositions(
      PtxWriter out, String counts, String first, int length, String count, String start) {
    writePositions(out, counts, first, number(out, length), count, start);
  }

  private static void writePositions(
      PtxWriter out, String counts, String first, String length, String count, String start) {
    out.comment("each count of the run becomes the sum of all counts before it");
    String index = out.register(RegisterClass.B64);
    String end = runEnd(out, first, length, count);
    String value = out.register(RegisterClass.B32);
    String done = out.register(RegisterClass.PRED);
    String loop = out.label("write_run");
    String written = out.label("write_run_done");
    out.op("mov.u64 " + index + ", " + first);
    out.place(loop);
    out.op("setp.ge.u64 " + done + ", " + index + ", " + end);
    out.op("@" + done + " bra " + written);
    String address = PtxRadixSort.elementAddress(out, counts, index, 4);
    out.op("ld.global.u32 " + value + ", [" + address + "]");
    out.op("st.global.u32 [" + address + "], " + start);
    out.op("add.u32 " + start + ", " + start + ", " + value);
    out.op("add.u64 " + index + ", " + index + ", 1");
    out.op("bra " + loop);
    out.place(written);
  }
}
