package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ptx.PtxKernel;
import dev.warpsql.kernels.ptx.PtxRadixSort;
import dev.warpsql.kernels.ptx.PtxSortKeys;
import dev.warpsql.kernels.ptx.PtxSortSelection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * ORDER BY on the device: returns the rows of columns in device memory in sorted order, by a stable
 * radix sort of one pass per key byte ({@link PtxRadixSort}).
 *
 * <p>Keys are sorted from the last to the first, each by its bytes from the lowest, and a nullable
 * key's NULL flags after its values, so that every earlier key decides ties of the later ones.
 * Equal rows keep their input order, as the CPU's sort does. Before sorting by a key, the device
 * counts every byte's values over all keys, and a byte that is the same in every key costs no pass:
 * an INTEGER key between 0 and 255 takes one.
 *
 * <p>Only the positions from OFFSET to FETCH come back to the host, as 32-bit rows. When those end
 * within the first eighth of the rows, the sort first narrows the rows by the leading key ({@link
 * #selectCandidates}): a radix selection finds, byte by byte from the highest, the key at the last
 * requested position, reading each key once per byte it needs. Only the rows whose key can come
 * before or tie with it are then sorted by every key. With distinct leading keys that is a handful
 * of rows. When many rows tie with it, the selection gives up and every row is sorted.
 *
 * <p>Memory, charged to the caller's owner: 24 bytes per row for two copies of the keys and rows,
 * plus one 32-bit count per digit value and tile of {@link PtxRadixSort#TILE_ROWS} rows, and one
 * total per 16 tiles for the scan across blocks. A selection writes its candidates into the second
 * copy and needs no more.
 */
public final class DeviceSort implements AutoCloseable {
  private static final int DIGIT_VALUES = PtxRadixSort.BLOCK_SIZE;

  /** A sort selects first when FETCH ends within this fraction of the rows (one in eight). */
  private static final int SELECTION_FRACTION = 8;

  /**
   * The selection stops narrowing once at most this many rows are left, 16 tiles, or an eighth of
   * the rows when that is fewer. NOTE: an estimate, not measured on a GPU. The candidates' sort
   * then scans at most 16 tiles and moves about 210 bytes per candidate over seven passes (14 MB),
   * while another selection pass reads 8 bytes of every row (480 MB for 60 million rows).
   */
  private static final int SELECTION_STOP_ROWS = 16 * PtxRadixSort.TILE_ROWS;

  /**
   * From this many tiles a pass scans its tile counts across blocks ({@link DevicePrefixSum}), in
   * three launches, instead of in one block whose threads each read one count per tile, one
   * dependent load after another. NOTE: an estimate, not measured on a GPU: two more launches cost
   * about 10 µs, and one block's scan about 0.8 µs per tile at 0.4 µs per load.
   */
  private static final int SCAN_ACROSS_BLOCKS_TILES = 16;

  private final DeviceApi device;
  private final ModuleCache modules;
  private final DeviceMemoryOwner owner;
  private int rowCount;
  private final Map<String, LoadedKernel> kernels = new HashMap<>();
  private final List<DeviceBuffer> buffers = new ArrayList<>();
  private final DeviceBuffer[] keys = new DeviceBuffer[2];
  private final DeviceBuffer[] rows = new DeviceBuffer[2];
  private DeviceBuffer digitCounts;
  private DeviceBuffer tileCounts;
  private DeviceBuffer scanTotals;
  private int scanAcrossBlocksTiles = SCAN_ACROSS_BLOCKS_TILES;
  private int current;
  private boolean ordered;
  private int passes;
  private int selectionPasses;

  /**
   * One ORDER BY key: a column on the device, its type, direction and NULL placement.
   *
   * @param ranks for VARCHAR, the device address of each dictionary code's 32-bit rank in string
   *     order; 0 for other types
   */
  public record Key(
      DataType type, DeviceColumn column, long ranks, boolean descending, boolean nullsFirst) {
    public Key {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(column, "column");
    }
  }

  private DeviceSort(DeviceApi device, ModuleCache modules, DeviceMemoryOwner owner, int rowCount) {
    this.device = device;
    this.modules = modules;
    this.owner = owner;
    this.rowCount = rowCount;
    try {
      for (int copy = 0; copy < 2; copy++) {
        keys[copy] = allocate(owner, "sort keys " + copy, rowCount * 8L);
        rows[copy] = allocate(owner, "sort rows " + copy, rowCount * 4L);
      }
      long digitBytes = PtxRadixSort.MAX_DIGITS * DIGIT_VALUES * 4L;
      digitCounts = allocate(owner, "sort digit counts", digitBytes);
      tileCounts = allocate(owner, "sort tile counts", (long) DIGIT_VALUES * tileCount() * 4);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private DeviceBuffer allocate(DeviceMemoryOwner owner, String name, long bytes) {
    DeviceBuffer buffer = owner.allocate(name, bytes);
    buffers.add(buffer);
    return buffer;
  }

  /**
   * Returns the rows of {@code rowCount} rows at sorted positions {@code offset} (inclusive) to
   * {@code end} (exclusive).
   *
   * @param owner the owner that the sort's buffers are charged to; they are freed before the return
   * @throws DeviceException with {@link DeviceException.Kind#OUT_OF_MEMORY} when the buffers do not
   *     fit, or another kind when the device fails
   */
  public static int[] sortedRows(
      DeviceApi device,
      ModuleCache modules,
      DeviceMemoryOwner owner,
      int rowCount,
      List<Key> keys,
      int offset,
      int end) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a device sort needs at least one key");
    }
    if (offset < 0 || end > rowCount || offset > end) {
      throw new IllegalArgumentException(
          "sorted positions " + offset + " to " + end + " are outside " + rowCount + " rows");
    }
    if (offset == end) {
      return new int[0];
    }
    try (DeviceSort sort = start(device, modules, owner, rowCount)) {
      if ((long) end * SELECTION_FRACTION <= rowCount) {
        int stopRows = Math.min(SELECTION_STOP_ROWS, rowCount / SELECTION_FRACTION);
        sort.selectCandidates(keys.get(0), end, stopRows);
      }
      for (int k = keys.size() - 1; k >= 0; k--) {
        sort.sortBy(keys.get(k));
      }
      return sort.positions(offset, end);
    }
  }

  /** Allocates the buffers of a sort of {@code rowCount} rows, in input order until sorted. */
  static DeviceSort start(
      DeviceApi device, ModuleCache modules, DeviceMemoryOwner owner, int rowCount) {
    return new DeviceSort(device, modules, owner, rowCount);
  }

  /** Returns the radix passes that moved keys in this sort so far. */
  int passes() {
    return passes;
  }

  /** Returns the count passes of a selection over the keys of rows that earlier bytes set apart. */
  int selectionPasses() {
    return selectionPasses;
  }

  /** Makes passes over {@code tiles} tiles or more scan across blocks, for tests of small sorts. */
  void scanAcrossBlocksFrom(int tiles) {
    scanAcrossBlocksTiles = tiles;
  }

  /** Returns the rows that the sort orders: all of them, or the candidates of a selection. */
  int rowCount() {
    return rowCount;
  }

  /**
   * Narrows the sort to the rows that can be among the first {@code firstRows} by the leading key
   * {@code first}, in input order, so that the keys sorted next order only those. Takes bytes of
   * the key until at most {@code stopRows} rows are left or none is left to take. When more than
   * half of the rows are still candidates then, the sort is left as it was and orders every row.
   * Must come before any key is sorted by.
   */
  void selectCandidates(Key first, int firstRows, int stopRows) {
    if (ordered) {
      throw new IllegalStateException("a selection must come before the sort's first key");
    }
    boolean nullable = first.column().validity() != 0;
    boolean nullsLast = nullable && !first.nullsFirst();
    int pass = nullsLast ? PtxSortKeys.SELECT_NULLS_LAST_PASS : PtxSortKeys.VALUE_PASS;
    int digits = nullsLast ? PtxRadixSort.MAX_DIGITS : PtxSortKeys.keyBytes(first.type());
    launchKeys(first, pass, false);
    int[] counts = countDigits(digits);

    RadixSelection selection = new RadixSelection(firstRows, rowCount);
    for (int digit = digits - 1; digit >= 0 && selection.candidates() > stopRows; digit--) {
      int shift = digit * 8;
      int[] byteCounts =
          selection.separated()
              ? prefixCounts(shift, selection.prefix())
              : Arrays.copyOfRange(counts, digit * DIGIT_VALUES, (digit + 1) * DIGIT_VALUES);
      selection.take(shift, byteCounts);
    }
    if (selection.candidates() * 2 > rowCount) {
      return;
    }

    keepCandidates(selection);
    ordered = true;
    sortByDigits(4);
  }

  private int[] prefixCounts(int shift, long prefix) {
    device.fillZero(digitCounts.address(), DIGIT_VALUES * 4L);
    LoadedKernel counter = kernel(PtxSortSelection.PREFIX_COUNTS, PtxSortSelection::prefixCounts);
    KernelParameterBuffer parameters = new KernelParameterBuffer(counter.kernel().parameters());
    parameters.setLong("row_count", rowCount);
    parameters.setLong("keys", keys[current].address());
    parameters.setLong("shift", shift);
    parameters.setLong("prefix", prefix);
    parameters.setLong("counts", digitCounts.address());
    device.launch(counter.function(), LaunchShape.forRows(rowCount), parameters);
    selectionPasses++;
    return copyInts(digitCounts.address(), DIGIT_VALUES);
  }

  /** Moves the selection's candidates to the other buffers, each with its row as the key. */
  private void keepCandidates(RadixSelection selection) {
    DeviceBuffer written = allocate(owner, "sort candidate count", 4);
    device.fillZero(written.address(), 4);
    LoadedKernel writer = kernel(PtxSortSelection.CANDIDATES, PtxSortSelection::candidates);
    KernelParameterBuffer parameters = new KernelParameterBuffer(writer.kernel().parameters());
    int next = 1 - current;
    parameters.setLong("row_count", rowCount);
    parameters.setLong("keys", keys[current].address());
    parameters.setLong("shift", selection.shift());
    parameters.setLong("prefix", selection.prefix());
    parameters.setLong("count", written.address());
    parameters.setLong("keys_out", keys[next].address());
    parameters.setLong("rows_out", rows[next].address());
    device.launch(writer.function(), LaunchShape.forRows(rowCount), parameters);
    int candidates = copyInts(written.address(), 1)[0];
    if (candidates != selection.candidates()) {
      throw new IllegalStateException(
          "the device wrote "
              + candidates
              + " candidate rows of a sort where the byte counts gave "
              + selection.candidates());
    }
    current = next;
    rowCount = candidates;
  }

  /** Sorts the rows by {@code key}, stably, so that the current order breaks its ties. */
  void sortBy(Key key) {
    writeKeys(key, PtxSortKeys.VALUE_PASS);
    sortByDigits(PtxSortKeys.keyBytes(key.type()));
    if (key.column().validity() != 0) {
      int pass = key.nullsFirst() ? PtxSortKeys.NULLS_FIRST_PASS : PtxSortKeys.NULLS_LAST_PASS;
      writeKeys(key, pass);
      sortByDigits(1);
    }
  }

  private void writeKeys(Key key, int nullPass) {
    launchKeys(key, nullPass, !ordered);
    ordered = true;
  }

  /**
   * Writes the keys of the rows in the current order, or in input order before the first key, and
   * when {@code writeRows} the input order into the current rows.
   */
  private void launchKeys(Key key, int nullPass, boolean writeRows) {
    LoadedKernel kernel =
        kernel(
            PtxSortKeys.shape(key.type(), key.descending()),
            () -> PtxSortKeys.emit(key.type(), key.descending()));
    KernelParameterBuffer parameters = new KernelParameterBuffer(kernel.kernel().parameters());
    parameters.setLong("row_count", rowCount);
    parameters.setLong("rows_in", ordered ? rows[current].address() : 0);
    parameters.setLong("rows_init", writeRows ? rows[current].address() : 0);
    parameters.setLong("column_data", key.column().data());
    parameters.setLong("column_validity", key.column().validity());
    parameters.setLong("ranks", key.ranks());
    parameters.setLong("null_pass", nullPass);
    parameters.setLong("keys_out", keys[current].address());
    device.launch(kernel.function(), LaunchShape.forRows(rowCount), parameters);
  }

  /** Sorts the current keys by their low {@code digits} bytes, skipping bytes that never differ. */
  private void sortByDigits(int digits) {
    int[] counts = countDigits(digits);
    for (int digit = 0; digit < digits; digit++) {
      if (!sameInEveryKey(counts, digit)) {
        moveByDigit(digit * 8);
      }
    }
  }

  /** Returns the count of every value of each of the current keys' low {@code digits} bytes. */
  private int[] countDigits(int digits) {
    long countBytes = PtxRadixSort.MAX_DIGITS * DIGIT_VALUES * 4L;
    device.fillZero(digitCounts.address(), countBytes);
    LoadedKernel counter = kernel(PtxRadixSort.DIGIT_COUNTS, PtxRadixSort::digitCounts);
    KernelParameterBuffer parameters = new KernelParameterBuffer(counter.kernel().parameters());
    parameters.setLong("row_count", rowCount);
    parameters.setLong("keys", keys[current].address());
    parameters.setLong("digits", digits);
    parameters.setLong("counts", digitCounts.address());
    device.launch(counter.function(), LaunchShape.forRows(rowCount), parameters);
    return copyInts(digitCounts.address(), digits * DIGIT_VALUES);
  }

  /** Returns the block totals of the scan across blocks, allocated on first use. */
  private long scanTotals() {
    if (scanTotals == null) {
      long blocks = DevicePrefixSum.blocks((long) DIGIT_VALUES * tileCount());
      scanTotals = allocate(owner, "sort scan totals", blocks * 4);
    }
    return scanTotals.address();
  }

  private int tileCount() {
    return (rowCount + PtxRadixSort.TILE_ROWS - 1) / PtxRadixSort.TILE_ROWS;
  }

  private boolean sameInEveryKey(int[] counts, int digit) {
    for (int value = 0; value < DIGIT_VALUES; value++) {
      int count = counts[digit * DIGIT_VALUES + value];
      if (count != 0) {
        return count == rowCount;
      }
    }
    return true;
  }

  private void moveByDigit(int shift) {
    int tileCount = tileCount();
    LaunchShape perTile = new LaunchShape(tileCount, PtxRadixSort.BLOCK_SIZE);
    LoadedKernel counter = kernel(PtxRadixSort.TILE_COUNTS, PtxRadixSort::tileCounts);
    KernelParameterBuffer counts = new KernelParameterBuffer(counter.kernel().parameters());
    counts.setLong("row_count", rowCount);
    counts.setLong("keys", keys[current].address());
    counts.setLong("shift", shift);
    counts.setLong("tile_count", tileCount);
    counts.setLong("counts", tileCounts.address());
    device.launch(counter.function(), perTile, counts);

    if (tileCount >= scanAcrossBlocksTiles) {
      int entries = DIGIT_VALUES * tileCount;
      DevicePrefixSum.launch(device, this::kernel, tileCounts.address(), entries, scanTotals());
    } else {
      LoadedKernel scan = kernel(PtxRadixSort.SCAN, PtxRadixSort::scan);
      KernelParameterBuffer scanned = new KernelParameterBuffer(scan.kernel().parameters());
      scanned.setLong("tile_count", tileCount);
      scanned.setLong("counts", tileCounts.address());
      device.launch(scan.function(), new LaunchShape(1, PtxRadixSort.BLOCK_SIZE), scanned);
    }

    LoadedKernel scatter = kernel(PtxRadixSort.SCATTER, PtxRadixSort::scatter);
    KernelParameterBuffer moves = new KernelParameterBuffer(scatter.kernel().parameters());
    int next = 1 - current;
    moves.setLong("row_count", rowCount);
    moves.setLong("keys_in", keys[current].address());
    moves.setLong("rows_in", rows[current].address());
    moves.setLong("keys_out", keys[next].address());
    moves.setLong("rows_out", rows[next].address());
    moves.setLong("shift", shift);
    moves.setLong("tile_count", tileCount);
    moves.setLong("starts", tileCounts.address());
    device.launch(scatter.function(), perTile, moves);
    current = next;
    passes++;
  }

  /** Returns the rows at sorted positions {@code offset} to {@code end}. */
  int[] positions(int offset, int end) {
    return copyInts(rows[current].address() + offset * 4L, end - offset);
  }

  private int[] copyInts(long address, int count) {
    device.synchronize();
    ByteBuffer bytes = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
    device.copyToHost(bytes, address);
    bytes.clear();
    int[] values = new int[count];
    bytes.asIntBuffer().get(values);
    return values;
  }

  private LoadedKernel kernel(String shape, Supplier<PtxKernel> emitter) {
    LoadedKernel kernel = kernels.get(shape);
    if (kernel == null) {
      kernel = modules.acquireRoutine(shape, emitter);
      kernels.put(shape, kernel);
    }
    return kernel;
  }

  /** Frees the sort's buffers and releases its kernels. */
  @Override
  public void close() {
    kernels.values().forEach(LoadedKernel::close);
    buffers.forEach(DeviceBuffer::close);
  }
}
