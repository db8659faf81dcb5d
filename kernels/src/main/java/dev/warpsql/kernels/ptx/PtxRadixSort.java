package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * Emits the kernels of a stable least-significant-digit radix sort of 64-bit unsigned keys, each
 * paired with a 32-bit row, one byte (a digit of 256 values) per pass. {@link PtxSortKeys} writes
 * the keys. Each is a module of one entry, independent of the key's SQL type.
 *
 * <ul>
 *   <li>{@link #digitCounts()}: the count of every value of each of the keys' low {@code digits}
 *       bytes over all keys, from which the host skips the passes whose byte is the same in every
 *       key.
 *   <li>{@link #tileCounts()}: per tile of {@link #TILE_ROWS} positions, the count of each value of
 *       the pass's byte, stored digit-major: {@code counts[digit * tile_count + tile]}.
 *   <li>{@link #scan()}: one block turns those counts, in place, into each tile's first output
 *       position for each digit: the exclusive prefix sum in digit-major order.
 *   <li>{@link #scatter()}: each block moves its tile's keys and rows to their output positions, in
 *       rounds of one position per thread. Within a warp, a thread finds the lanes with its digit
 *       from eight ballots, one per bit of the digit, and counts those below it. Per-warp counts in
 *       shared memory order the warps, so the pass is stable.
 * </ul>
 *
 * <p>Every kernel needs blocks of {@link #BLOCK_SIZE} threads, one per digit value. {@link
 * #tileCounts()} and {@link #scatter()} need one block per tile, {@link #scan()} one block, and
 * {@link #digitCounts()} any number.
 *
 * <p>Stateless and thread-safe.
 */
public final class PtxRadixSort {
  /** Threads per block, one per value of a digit. */
  public static final int BLOCK_SIZE = 256;

  /** Key positions per tile: sixteen rounds of one position per thread. */
  public static final int TILE_ROWS = 16 * BLOCK_SIZE;

  /** Maximum digits (bytes) of a key. */
  public static final int MAX_DIGITS = 8;

  /** Entry names of the four kernels. */
  public static final String DIGIT_COUNTS = "warp_sort_digit_counts";

  public static final String TILE_COUNTS = "warp_sort_tile_counts";
  public static final String SCAN = "warp_sort_scan";
  public static final String SCATTER = "warp_sort_scatter";

  private static final int WARPS = BLOCK_SIZE / 32;

  private PtxRadixSort() {}

  /**
   * Returns the kernel that counts digit values over all keys. Parameters: {@code row_count}
   * (.u32); {@code keys} (.u64); {@code digits} (.u32, 1 to {@link #MAX_DIGITS}); {@code counts}
   * (.u64, {@code MAX_DIGITS * 256} 32-bit counts, digit position-major, which the host zeroes).
   */
  public static PtxKernel digitCounts() {
    PtxWriter out = new PtxWriter();
    String shared = "sort_digit_counts";
    int entries = MAX_DIGITS * BLOCK_SIZE;
    List<PtxParameter> parameters =
        List.of(
            new PtxParameter("row_count", ".u32"),
            new PtxParameter("keys", ".u64"),
            new PtxParameter("digits", ".u32"),
            new PtxParameter("counts", ".u64"));
    String rowCount = loadRowCount(out);
    String keys = PtxEmitter.globalPointer(out, "keys");
    String counts = PtxEmitter.globalPointer(out, "counts");
    String digits = out.register(RegisterClass.B32);
    out.op("ld.param.u32 " + digits + ", [digits]");
    String thread = threadInBlock(out);
    String table = out.register(RegisterClass.B64);
    out.op("mov.u64 " + table + ", " + shared);
    zeroShared(out, table, thread, entries);

    out.comment("every key adds one to the count of each of its low digits in the block's table");
    String position = out.register(RegisterClass.B64);
    String stride = out.register(RegisterClass.B64);
    PtxEmitter.emitGridStride(out, position, stride);
    String loop = out.label("count_key");
    String done = out.label("count_done");
    String past = out.register(RegisterClass.PRED);
    String key = out.register(RegisterClass.B64);
    String digit = out.register(RegisterClass.B32);
    String next = out.register(RegisterClass.B32);
    String shift = out.register(RegisterClass.B32);
    String entry = out.register(RegisterClass.B32);
    String more = out.register(RegisterClass.PRED);
    out.place(loop);
    out.op("setp.ge.u64 " + past + ", " + position + ", " + rowCount);
    out.op("@" + past + " bra " + done);
    out.op("ld.global.u64 " + key + ", [" + elementAddress(out, keys, position, 8) + "]");
    out.op("mov.u32 " + next + ", 0");
    String digitLoop = out.label("count_digit");
    out.place(digitLoop);
    out.op("shl.b32 " + shift + ", " + next + ", 3");
    String shifted = out.register(RegisterClass.B64);
    out.op("shr.u64 " + shifted + ", " + key + ", " + shift);
    out.op("cvt.u32.u64 " + digit + ", " + shifted);
    out.op("and.b32 " + digit + ", " + digit + ", 255");
    out.op("mad.lo.u32 " + entry + ", " + next + ", " + BLOCK_SIZE + ", " + digit);
    out.op("red.shared.add.u32 [" + sharedAddress(out, table, entry) + "], 1");
    out.op("add.u32 " + next + ", " + next + ", 1");
    out.op("setp.lt.u32 " + more + ", " + next + ", " + digits);
    out.op("@" + more + " bra " + digitLoop);
    out.op("add.u64 " + position + ", " + position + ", " + stride);
    out.op("bra " + loop);
    out.place(done);
    out.op("bar.sync 0");

    out.comment("the block adds its nonzero counts to the device-wide counts");
    String index = out.register(RegisterClass.B32);
    String count = out.register(RegisterClass.B32);
    String limit = out.register(RegisterClass.B32);
    String zero = out.register(RegisterClass.PRED);
    String mergeLoop = out.label("merge_count");
    String merged = out.label("merged");
    String skip = out.label("merge_next");
    out.op("mul.lo.u32 " + limit + ", " + digits + ", " + BLOCK_SIZE);
    out.op("mov.u32 " + index + ", " + thread);
    out.place(mergeLoop);
    out.op("setp.ge.u32 " + past + ", " + index + ", " + limit);
    out.op("@" + past + " bra " + merged);
    out.op("ld.shared.u32 " + count + ", [" + sharedAddress(out, table, index) + "]");
    out.op("setp.eq.u32 " + zero + ", " + count + ", 0");
    out.op("@" + zero + " bra " + skip);
    out.op(
        "red.global.add.u32 ["
            + PtxDeviceGroups.scaledAddress(out, counts, index, 4)
            + "], "
            + count);
    out.place(skip);
    out.op("add.u32 " + index + ", " + index + ", " + BLOCK_SIZE);
    out.op("bra " + mergeLoop);
    out.place(merged);
    out.op("ret");
    String declaration = ".shared .align 4 .b32 " + shared + "[" + entries + "];\n\n";
    return kernel(DIGIT_COUNTS, declaration, parameters, out);
  }

  /**
   * Returns the kernel that counts the values of one digit per tile. Parameters: {@code row_count}
   * (.u32); {@code keys} (.u64); {@code shift} (.u32, eight times the digit's position); {@code
   * tile_count} (.u32); {@code counts} (.u64, {@code 256 * tile_count} 32-bit counts). One block
   * per tile.
   */
  public static PtxKernel tileCounts() {
    PtxWriter out = new PtxWriter();
    String shared = "sort_tile_counts";
    List<PtxParameter> parameters =
        List.of(
            new PtxParameter("row_count", ".u32"),
            new PtxParameter("keys", ".u64"),
            new PtxParameter("shift", ".u32"),
            new PtxParameter("tile_count", ".u32"),
            new PtxParameter("counts", ".u64"));
    String rowCount = loadRowCount(out);
    String keys = PtxEmitter.globalPointer(out, "keys");
    String counts = PtxEmitter.globalPointer(out, "counts");
    String shift = out.register(RegisterClass.B32);
    String tileCount = out.register(RegisterClass.B32);
    out.op("ld.param.u32 " + shift + ", [shift]");
    out.op("ld.param.u32 " + tileCount + ", [tile_count]");
    String thread = threadInBlock(out);
    String tile = out.register(RegisterClass.B32);
    out.op("mov.u32 " + tile + ", %ctaid.x");
    String table = out.register(RegisterClass.B64);
    out.op("mov.u64 " + table + ", " + shared);
    String own = sharedAddress(out, table, thread);
    out.op("st.shared.u32 [" + own + "], 0");
    out.op("bar.sync 0");

    out.comment("each thread counts one key of every round of the tile");
    TileLoop rounds = TileLoop.open(out, tile, thread, rowCount, "tile_count_round");
    String skip = out.label("tile_count_next");
    String outside = out.register(RegisterClass.PRED);
    out.op("setp.ge.u64 " + outside + ", " + rounds.position() + ", " + rowCount);
    out.op("@" + outside + " bra " + skip);
    String digit = digitOf(out, keyAt(out, keys, rounds.position()), shift);
    out.op("red.shared.add.u32 [" + sharedAddress(out, table, digit) + "], 1");
    out.place(skip);
    rounds.close();
    out.op("bar.sync 0");

    out.comment("thread d stores the tile's count of digit d");
    String count = out.register(RegisterClass.B32);
    String index = out.register(RegisterClass.B32);
    out.op("ld.shared.u32 " + count + ", [" + own + "]");
    out.op("mad.lo.u32 " + index + ", " + thread + ", " + tileCount + ", " + tile);
    out.op(
        "st.global.u32 [" + PtxDeviceGroups.scaledAddress(out, counts, index, 4) + "], " + count);
    out.op("ret");
    String declaration = ".shared .align 4 .b32 " + shared + "[" + BLOCK_SIZE + "];\n\n";
    return kernel(TILE_COUNTS, declaration, parameters, out);
  }

  /**
   * Returns the kernel that turns the tile counts into output positions in place. Parameters:
   * {@code tile_count} (.u32); {@code counts} (.u64). One block.
   */
  public static PtxKernel scan() {
    PtxWriter out = new PtxWriter();
    String shared = "sort_digit_totals";
    List<PtxParameter> parameters =
        List.of(new PtxParameter("tile_count", ".u32"), new PtxParameter("counts", ".u64"));
    String counts = PtxEmitter.globalPointer(out, "counts");
    String tileCount = out.register(RegisterClass.B32);
    out.op("ld.param.u32 " + tileCount + ", [tile_count]");
    String thread = threadInBlock(out);
    String table = out.register(RegisterClass.B64);
    out.op("mov.u64 " + table + ", " + shared);

    out.comment("thread d owns digit d's run of tile counts, which are contiguous");
    String start = out.register(RegisterClass.B32);
    out.op("mul.lo.u32 " + start + ", " + thread + ", " + tileCount);
    String first = PtxDeviceGroups.scaledAddress(out, counts, start, 4);
    String total = out.register(RegisterClass.B32);
    String value = out.register(RegisterClass.B32);
    out.op("mov.u32 " + total + ", 0");
    String address = out.register(RegisterClass.B64);
    String left = out.register(RegisterClass.B32);
    String none = out.register(RegisterClass.PRED);
    String sumLoop = out.label("scan_sum");
    String summed = out.label("scan_summed");
    out.op("mov.u64 " + address + ", " + first);
    out.op("mov.u32 " + left + ", " + tileCount);
    out.place(sumLoop);
    out.op("setp.eq.u32 " + none + ", " + left + ", 0");
    out.op("@" + none + " bra " + summed);
    out.op("ld.global.u32 " + value + ", [" + address + "]");
    out.op("add.u32 " + total + ", " + total + ", " + value);
    out.op("add.u64 " + address + ", " + address + ", 4");
    out.op("sub.u32 " + left + ", " + left + ", 1");
    out.op("bra " + sumLoop);
    out.place(summed);
    String own = sharedAddress(out, table, thread);
    out.op("st.shared.u32 [" + own + "], " + total);
    out.op("bar.sync 0");

    out.comment("thread 0 turns the digit totals into each digit's first position");
    String notFirst = out.register(RegisterClass.PRED);
    String totalsDone = out.label("scan_totals_done");
    String totalsLoop = out.label("scan_totals");
    String running = out.register(RegisterClass.B32);
    String digit = out.register(RegisterClass.B32);
    String finished = out.register(RegisterClass.PRED);
    String slot = out.register(RegisterClass.B64);
    out.op("setp.ne.u32 " + notFirst + ", " + thread + ", 0");
    out.op("@" + notFirst + " bra " + totalsDone);
    out.op("mov.u32 " + running + ", 0");
    out.op("mov.u32 " + digit + ", 0");
    out.op("mov.u64 " + slot + ", " + table);
    out.place(totalsLoop);
    out.op("ld.shared.u32 " + value + ", [" + slot + "]");
    out.op("st.shared.u32 [" + slot + "], " + running);
    out.op("add.u32 " + running + ", " + running + ", " + value);
    out.op("add.u64 " + slot + ", " + slot + ", 4");
    out.op("add.u32 " + digit + ", " + digit + ", 1");
    out.op("setp.lt.u32 " + finished + ", " + digit + ", " + BLOCK_SIZE);
    out.op("@" + finished + " bra " + totalsLoop);
    out.place(totalsDone);
    out.op("bar.sync 0");

    out.comment("thread d replaces each of its tile counts by the tile's first position");
    String positionLoop = out.label("scan_positions");
    String positioned = out.label("scan_done");
    out.op("ld.shared.u32 " + running + ", [" + own + "]");
    out.op("mov.u64 " + address + ", " + first);
    out.op("mov.u32 " + left + ", " + tileCount);
    out.place(positionLoop);
    out.op("setp.eq.u32 " + none + ", " + left + ", 0");
    out.op("@" + none + " bra " + positioned);
    out.op("ld.global.u32 " + value + ", [" + address + "]");
    out.op("st.global.u32 [" + address + "], " + running);
    out.op("add.u32 " + running + ", " + running + ", " + value);
    out.op("add.u64 " + address + ", " + address + ", 4");
    out.op("sub.u32 " + left + ", " + left + ", 1");
    out.op("bra " + positionLoop);
    out.place(positioned);
    out.op("ret");
    String declaration = ".shared .align 4 .b32 " + shared + "[" + BLOCK_SIZE + "];\n\n";
    return kernel(SCAN, declaration, parameters, out);
  }

  /**
   * Returns the kernel that moves keys and rows to their positions by one digit. Parameters: {@code
   * row_count} (.u32); {@code keys_in}, {@code rows_in}, {@code keys_out} and {@code rows_out}
   * (.u64); {@code shift} (.u32); {@code tile_count} (.u32); {@code starts} (.u64, the scanned
   * counts). One block per tile.
   */
  public static PtxKernel scatter() {
    PtxWriter out = new PtxWriter();
    String runningName = "sort_scatter_next";
    String warpCountsName = "sort_scatter_warp_counts";
    List<PtxParameter> parameters =
        List.of(
            new PtxParameter("row_count", ".u32"),
            new PtxParameter("keys_in", ".u64"),
            new PtxParameter("rows_in", ".u64"),
            new PtxParameter("keys_out", ".u64"),
            new PtxParameter("rows_out", ".u64"),
            new PtxParameter("shift", ".u32"),
            new PtxParameter("tile_count", ".u32"),
            new PtxParameter("starts", ".u64"));
    String rowCount = loadRowCount(out);
    String keysIn = PtxEmitter.globalPointer(out, "keys_in");
    String rowsIn = PtxEmitter.globalPointer(out, "rows_in");
    String keysOut = PtxEmitter.globalPointer(out, "keys_out");
    String rowsOut = PtxEmitter.globalPointer(out, "rows_out");
    String starts = PtxEmitter.globalPointer(out, "starts");
    String shift = out.register(RegisterClass.B32);
    String tileCount = out.register(RegisterClass.B32);
    out.op("ld.param.u32 " + shift + ", [shift]");
    out.op("ld.param.u32 " + tileCount + ", [tile_count]");
    String thread = threadInBlock(out);
    String tile = out.register(RegisterClass.B32);
    String warp = out.register(RegisterClass.B32);
    out.op("mov.u32 " + tile + ", %ctaid.x");
    out.op("shr.u32 " + warp + ", " + thread + ", 5");
    String nextPositions = out.register(RegisterClass.B64);
    String warpCounts = out.register(RegisterClass.B64);
    out.op("mov.u64 " + nextPositions + ", " + runningName);
    out.op("mov.u64 " + warpCounts + ", " + warpCountsName);

    out.comment("thread d loads the tile's first position for digit d and zeroes its warp counts");
    String index = out.register(RegisterClass.B32);
    String start = out.register(RegisterClass.B32);
    out.op("mad.lo.u32 " + index + ", " + thread + ", " + tileCount + ", " + tile);
    out.op(
        "ld.global.u32 "
            + start
            + ", ["
            + PtxDeviceGroups.scaledAddress(out, starts, index, 4)
            + "]");
    String ownNext = sharedAddress(out, nextPositions, thread);
    out.op("st.shared.u32 [" + ownNext + "], " + start);
    String ownCounts = sharedAddress(out, warpCounts, thread);
    for (int w = 0; w < WARPS; w++) {
      out.op("st.shared.u32 [" + ownCounts + "+" + w * BLOCK_SIZE * 4 + "], 0");
    }
    out.op("bar.sync 0");

    TileLoop rounds = TileLoop.open(out, tile, thread, rowCount, "scatter_round");
    String valid = out.register(RegisterClass.PRED);
    String key = out.register(RegisterClass.B64);
    out.op("setp.lt.u64 " + valid + ", " + rounds.position() + ", " + rowCount);
    out.op("mov.b64 " + key + ", 0");
    String keyAddress = elementAddress(out, keysIn, rounds.position(), 8);
    out.op("@" + valid + " ld.global.u64 " + key + ", [" + keyAddress + "]");
    String digit = digitOf(out, key, shift);
    Peers peers = warpPeers(out, valid, digit);

    out.comment("the first lane of each digit in the warp stores the warp's count of it");
    String leader = out.register(RegisterClass.PRED);
    String countAddress = out.register(RegisterClass.B32);
    out.op("setp.eq.and.u32 " + leader + ", " + peers.below() + ", 0, " + valid);
    out.op("mad.lo.u32 " + countAddress + ", " + warp + ", " + BLOCK_SIZE + ", " + digit);
    String warpSlot = sharedAddress(out, warpCounts, countAddress);
    out.op("@" + leader + " st.shared.u32 [" + warpSlot + "], " + peers.count());
    out.op("bar.sync 0");

    out.comment("position: the digit's next position, the lower warps' rows of it, then the rank");
    String moved = out.label("scatter_moved");
    String target = out.register(RegisterClass.B32);
    String lowerCount = out.register(RegisterClass.B32);
    String lower = out.register(RegisterClass.PRED);
    out.op("@!" + valid + " bra " + moved);
    out.op("ld.shared.u32 " + target + ", [" + sharedAddress(out, nextPositions, digit) + "]");
    out.op("add.u32 " + target + ", " + target + ", " + peers.rank());
    String digitCounts = sharedAddress(out, warpCounts, digit);
    for (int w = 0; w < WARPS - 1; w++) {
      out.op("setp.lt.u32 " + lower + ", " + w + ", " + warp);
      out.op(
          "@"
              + lower
              + " ld.shared.u32 "
              + lowerCount
              + ", ["
              + digitCounts
              + "+"
              + w * BLOCK_SIZE * 4
              + "]");
      out.op("@" + lower + " add.u32 " + target + ", " + target + ", " + lowerCount);
    }
    String row = out.register(RegisterClass.B32);
    String wideTarget = out.register(RegisterClass.B64);
    out.op(
        "ld.global.u32 " + row + ", [" + elementAddress(out, rowsIn, rounds.position(), 4) + "]");
    out.op("cvt.u64.u32 " + wideTarget + ", " + target);
    out.op("st.global.u64 [" + elementAddress(out, keysOut, wideTarget, 8) + "], " + key);
    out.op("st.global.u32 [" + elementAddress(out, rowsOut, wideTarget, 4) + "], " + row);
    out.place(moved);
    out.op("bar.sync 0");

    out.comment("thread d advances digit d's next position past this round and zeroes its counts");
    String total = out.register(RegisterClass.B32);
    String next = out.register(RegisterClass.B32);
    out.op("ld.shared.u32 " + next + ", [" + ownNext + "]");
    for (int w = 0; w < WARPS; w++) {
      out.op("ld.shared.u32 " + total + ", [" + ownCounts + "+" + w * BLOCK_SIZE * 4 + "]");
      out.op("add.u32 " + next + ", " + next + ", " + total);
      out.op("st.shared.u32 [" + ownCounts + "+" + w * BLOCK_SIZE * 4 + "], 0");
    }
    out.op("st.shared.u32 [" + ownNext + "], " + next);
    out.op("bar.sync 0");
    rounds.close();
    out.op("ret");
    String declarations =
        ".shared .align 4 .b32 "
            + runningName
            + "["
            + BLOCK_SIZE
            + "];\n"
            + ".shared .align 4 .b32 "
            + warpCountsName
            + "["
            + WARPS * BLOCK_SIZE
            + "];\n\n";
    return kernel(SCATTER, declarations, parameters, out);
  }

  /** A thread's lanes of equal digit in its warp: how many, those below it, and its rank. */
  private record Peers(String count, String below, String rank) {}

  /**
   * Emits the warp-wide match of {@code digit}: eight ballots, one per bit, narrow the valid lanes
   * to those whose digit equals this lane's. Every lane of the warp must run it.
   */
  private static Peers warpPeers(PtxWriter out, String valid, String digit) {
    out.comment("lanes of the warp with this lane's digit, from one ballot per digit bit");
    String same = out.register(RegisterClass.B32);
    out.op("vote.sync.ballot.b32 " + same + ", " + valid + ", 0xFFFFFFFF");
    String bit = out.register(RegisterClass.B32);
    String set = out.register(RegisterClass.PRED);
    String lanes = out.register(RegisterClass.B32);
    for (int b = 0; b < 8; b++) {
      out.op("and.b32 " + bit + ", " + digit + ", " + (1 << b));
      out.op("setp.ne.u32 " + set + ", " + bit + ", 0");
      out.op("vote.sync.ballot.b32 " + lanes + ", " + set + ", 0xFFFFFFFF");
      out.op("@!" + set + " not.b32 " + lanes + ", " + lanes);
      out.op("and.b32 " + same + ", " + same + ", " + lanes);
    }
    String lowerLanes = out.register(RegisterClass.B32);
    String below = out.register(RegisterClass.B32);
    String rank = out.register(RegisterClass.B32);
    String count = out.register(RegisterClass.B32);
    out.op("mov.u32 " + lowerLanes + ", %lanemask_lt");
    out.op("and.b32 " + below + ", " + same + ", " + lowerLanes);
    out.op("popc.b32 " + rank + ", " + below);
    out.op("popc.b32 " + count + ", " + same);
    return new Peers(count, below, rank);
  }

  /**
   * The loop over a tile's rounds: {@link #position()} is this thread's key position of the round.
   * The loop ends for the whole block at once, after the tile or past the last key, so barriers
   * inside it are safe.
   */
  private record TileLoop(PtxWriter out, String position, String round, String top, String end) {
    static TileLoop open(PtxWriter out, String tile, String thread, String rowCount, String hint) {
      String base = out.register(RegisterClass.B64);
      String round = out.register(RegisterClass.B64);
      String position = out.register(RegisterClass.B64);
      String wideThread = out.register(RegisterClass.B64);
      out.op("mul.wide.u32 " + base + ", " + tile + ", " + TILE_ROWS);
      out.op("cvt.u64.u32 " + wideThread + ", " + thread);
      out.op("mov.u64 " + round + ", 0");
      String top = out.label(hint);
      String end = out.label(hint + "_end");
      String done = out.register(RegisterClass.PRED);
      String first = out.register(RegisterClass.B64);
      out.place(top);
      out.op("setp.ge.u64 " + done + ", " + round + ", " + TILE_ROWS);
      out.op("@" + done + " bra " + end);
      out.op("add.u64 " + first + ", " + base + ", " + round);
      out.op("setp.ge.u64 " + done + ", " + first + ", " + rowCount);
      out.op("@" + done + " bra " + end);
      out.op("add.u64 " + position + ", " + first + ", " + wideThread);
      return new TileLoop(out, position, round, top, end);
    }

    void close() {
      out.op("add.u64 " + round + ", " + round + ", " + BLOCK_SIZE);
      out.op("bra " + top);
      out.place(end);
    }
  }

  /**
   * Returns a register with the global address of element {@code index} (a 64-bit register) of
   * {@code width} bytes from {@code base}.
   */
  static String elementAddress(PtxWriter out, String base, String index, int width) {
    String offset = out.register(RegisterClass.B64);
    String address = out.register(RegisterClass.B64);
    if (width == 1) {
      out.op("mov.b64 " + offset + ", " + index);
    } else {
      out.op("shl.b64 " + offset + ", " + index + ", " + Integer.numberOfTrailingZeros(width));
    }
    out.op("add.u64 " + address + ", " + base + ", " + offset);
    return address;
  }

  static String loadRowCount(PtxWriter out) {
    String narrow = out.register(RegisterClass.B32);
    String rowCount = out.register(RegisterClass.B64);
    out.op("ld.param.u32 " + narrow + ", [row_count]");
    out.op("cvt.u64.u32 " + rowCount + ", " + narrow);
    return rowCount;
  }

  static String threadInBlock(PtxWriter out) {
    String thread = out.register(RegisterClass.B32);
    out.op("mov.u32 " + thread + ", %tid.x");
    return thread;
  }

  private static String keyAt(PtxWriter out, String keys, String position) {
    String key = out.register(RegisterClass.B64);
    out.op("ld.global.u64 " + key + ", [" + elementAddress(out, keys, position, 8) + "]");
    return key;
  }

  static String digitOf(PtxWriter out, String key, String shift) {
    String shifted = out.register(RegisterClass.B64);
    String digit = out.register(RegisterClass.B32);
    out.op("shr.u64 " + shifted + ", " + key + ", " + shift);
    out.op("cvt.u32.u64 " + digit + ", " + shifted);
    out.op("and.b32 " + digit + ", " + digit + ", 255");
    return digit;
  }

  /** Returns the shared address of 32-bit entry {@code index} (a 32-bit register) of a table. */
  static String sharedAddress(PtxWriter out, String table, String index) {
    String offset = out.register(RegisterClass.B64);
    String address = out.register(RegisterClass.B64);
    out.op("mul.wide.u32 " + offset + ", " + index + ", 4");
    out.op("add.u64 " + address + ", " + table + ", " + offset);
    return address;
  }

  /** Emits the zeroing of a shared table of {@code entries} 32-bit words by the whole block. */
  static void zeroShared(PtxWriter out, String table, String thread, int entries) {
    String index = out.register(RegisterClass.B32);
    String past = out.register(RegisterClass.PRED);
    String loop = out.label("zero_shared");
    String done = out.label("zeroed_shared");
    String step = out.register(RegisterClass.B32);
    out.op("mov.u32 " + step + ", %ntid.x");
    out.op("mov.u32 " + index + ", " + thread);
    out.place(loop);
    out.op("setp.ge.u32 " + past + ", " + index + ", " + entries);
    out.op("@" + past + " bra " + done);
    out.op("st.shared.u32 [" + sharedAddress(out, table, index) + "], 0");
    out.op("add.u32 " + index + ", " + index + ", " + step);
    out.op("bra " + loop);
    out.place(done);
    out.op("bar.sync 0");
  }

  static PtxKernel kernel(
      String entry, String declarations, List<PtxParameter> parameters, PtxWriter out) {
    StringBuilder text = new StringBuilder();
    text.append("// WarpSQL PTX kernel: radix sort, ").append(entry).append('\n');
    text.append(".version ").append(PtxEmitter.PTX_VERSION).append('\n');
    text.append(".target ").append(PtxEmitter.TARGET).append('\n');
    text.append(".address_size 64\n\n");
    text.append(declarations);
    PtxEmitter.appendEntry(text, entry, parameters, out);
    return new PtxKernel(entry, text.toString(), parameters);
  }
}
