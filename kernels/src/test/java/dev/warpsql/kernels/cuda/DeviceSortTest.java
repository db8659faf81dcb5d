package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ptx.PtxRadixSort;
import dev.warpsql.kernels.ptxsim.SimDevice;
import dev.warpsql.kernels.ptxsim.SimLaunch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device radix sort on the PTX interpreter, against a stable sort on the host with SQL's order:
 * NULLs placed by the key, NaN above every number, -0.0 equal to 0.0, ties in input order.
 */
class DeviceSortTest {
  /** Rows of the larger cases: three tiles, the last one partial. */
  private static final int ROWS = 9_000;

  private SimDevice device;
  private DeviceMemoryPool pool;
  private ModuleCache modules;
  private BufferAllocator allocator;
  private DeviceMemoryOwner owner;
  private final List<FieldVector> vectors = new ArrayList<>();
  private final List<AutoCloseable> deviceBuffers = new ArrayList<>();
  private final Random random = new Random(20261205);

  @BeforeEach
  void setUp() {
    device = new SimDevice(SimLaunch.Options.sequential());
    pool = new DeviceMemoryPool(device, 1 << 20, 64 << 20);
    modules = new ModuleCache(device, 16, 1);
    allocator = new RootAllocator();
    owner = pool.newOwner("sort test");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable buffer : deviceBuffers) {
      buffer.close();
    }
    owner.close();
    vectors.forEach(FieldVector::close);
    allocator.close();
    modules.close();
    pool.close();
    device.close();
  }

  /** A host column and its device copy. */
  private record Column(DataType type, FieldVector vector, DeviceColumn device) {}

  /** A key of the reference sort and of the device sort. */
  private record SortSpec(Column column, boolean descending, boolean nullsFirst, int[] ranks) {}

  @Test
  void integerKeyInEveryDirection() {
    IntVector values = new IntVector("ints", allocator);
    values.allocateNew(ROWS);
    for (int row = 0; row < ROWS; row++) {
      if (row % 10 == 3) {
        values.setNull(row);
      } else if (row % 97 == 0) {
        values.set(row, row % 2 == 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE);
      } else {
        values.set(row, random.nextInt(2001) - 1000);
      }
    }
    values.setValueCount(ROWS);
    Column column = column(DataType.INTEGER, values);

    assertSorted(List.of(new SortSpec(column, false, false, null)));
    assertSorted(List.of(new SortSpec(column, true, true, null)));
    assertSorted(List.of(new SortSpec(column, false, true, null)));
    assertSorted(List.of(new SortSpec(column, true, false, null)));
  }

  @Test
  void bigintExtremes() {
    long[] samples = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, 1L << 40, -(1L << 40), 255, 256};
    BigIntVector values = new BigIntVector("longs", allocator);
    values.allocateNew(ROWS);
    for (int row = 0; row < ROWS; row++) {
      values.set(row, row % 3 == 0 ? samples[row % samples.length] : random.nextLong());
    }
    values.setValueCount(ROWS);
    Column column = column(DataType.BIGINT, values);

    assertSorted(List.of(new SortSpec(column, false, false, null)));
    assertSorted(List.of(new SortSpec(column, true, false, null)));
  }

  @Test
  void doubleTotalOrder() {
    double[] samples = {
      Double.NaN,
      -0.0,
      0.0,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      Double.MAX_VALUE,
      -Double.MAX_VALUE,
      Double.longBitsToDouble(0xFFF8_0000_0000_0001L)
    };
    Float8Vector values = new Float8Vector("doubles", allocator);
    values.allocateNew(ROWS);
    for (int row = 0; row < ROWS; row++) {
      if (row % 11 == 5) {
        values.setNull(row);
      } else {
        values.set(row, row % 2 == 0 ? samples[row % samples.length] : random.nextGaussian());
      }
    }
    values.setValueCount(ROWS);
    Column column = column(DataType.DOUBLE, values);

    assertSorted(List.of(new SortSpec(column, false, false, null)));
    assertSorted(List.of(new SortSpec(column, true, true, null)));
  }

  @Test
  void realAndSmallIntegers() {
    Float4Vector reals = new Float4Vector("reals", allocator);
    SmallIntVector smalls = new SmallIntVector("smalls", allocator);
    TinyIntVector tinies = new TinyIntVector("tinies", allocator);
    int rows = 600;
    reals.allocateNew(rows);
    smalls.allocateNew(rows);
    tinies.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      float real = random.nextFloat() - 0.5f;
      if (row % 7 == 0) {
        real = Float.NaN;
      } else if (row % 5 == 0) {
        real = -0.0f;
      }
      reals.set(row, real);
      smalls.set(row, (short) (random.nextInt(65536) - 32768));
      tinies.set(row, (byte) (random.nextInt(7) - 3));
    }
    reals.setValueCount(rows);
    smalls.setValueCount(rows);
    tinies.setValueCount(rows);

    assertSorted(List.of(new SortSpec(column(DataType.REAL, reals), false, false, null)));
    assertSorted(List.of(new SortSpec(column(DataType.SMALLINT, smalls), true, false, null)));
    assertSorted(List.of(new SortSpec(column(DataType.TINYINT, tinies), false, false, null)));
  }

  @Test
  void booleanKeyWithNulls() {
    BitVector flags = new BitVector("flags", allocator);
    int rows = 300;
    flags.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      if (row % 4 == 1) {
        flags.setNull(row);
      } else {
        flags.set(row, random.nextBoolean() ? 1 : 0);
      }
    }
    flags.setValueCount(rows);
    Column column = column(DataType.BOOLEAN, flags);

    assertSorted(List.of(new SortSpec(column, false, false, null)));
    assertSorted(List.of(new SortSpec(column, true, true, null)));
  }

  @Test
  void varcharKeyReadsCodeRanks() {
    int codes = 50;
    int[] ranks = new int[codes];
    List<Integer> shuffled = new ArrayList<>();
    for (int code = 0; code < codes; code++) {
      shuffled.add(code);
    }
    Collections.shuffle(shuffled, random);
    for (int code = 0; code < codes; code++) {
      ranks[code] = shuffled.get(code);
    }
    IntVector values = new IntVector("codes", allocator);
    int rows = 2_000;
    values.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      if (row % 9 == 0) {
        values.setNull(row);
      } else {
        values.set(row, random.nextInt(codes));
      }
    }
    values.setValueCount(rows);
    Column column = column(DataType.VARCHAR, values);

    assertSorted(List.of(new SortSpec(column, false, false, ranks)));
    assertSorted(List.of(new SortSpec(column, true, true, ranks)));
  }

  @Test
  void laterKeysBreakTies() {
    IntVector groups = new IntVector("groups", allocator);
    Float8Vector amounts = new Float8Vector("amounts", allocator);
    BigIntVector ids = new BigIntVector("ids", allocator);
    groups.allocateNew(ROWS);
    amounts.allocateNew(ROWS);
    ids.allocateNew(ROWS);
    for (int row = 0; row < ROWS; row++) {
      groups.set(row, random.nextInt(5));
      if (row % 13 == 0) {
        amounts.setNull(row);
      } else {
        amounts.set(row, random.nextInt(20) / 4.0);
      }
      ids.set(row, random.nextInt(3));
    }
    groups.setValueCount(ROWS);
    amounts.setValueCount(ROWS);
    ids.setValueCount(ROWS);

    assertSorted(
        List.of(
            new SortSpec(column(DataType.INTEGER, groups), true, false, null),
            new SortSpec(column(DataType.DOUBLE, amounts), false, true, null),
            new SortSpec(column(DataType.BIGINT, ids), false, false, null)));
  }

  @Test
  void offsetAndFetchReturnTheirSlice() {
    BigIntVector values = new BigIntVector("values", allocator);
    values.allocateNew(ROWS);
    for (int row = 0; row < ROWS; row++) {
      values.set(row, random.nextInt(1000));
    }
    values.setValueCount(ROWS);
    List<SortSpec> keys =
        List.of(new SortSpec(column(DataType.BIGINT, values), false, false, null));
    int[] expected = referenceOrder(keys, ROWS);

    int[] slice = deviceOrder(keys, ROWS, 4_100, 4_110);

    assertThat(slice).containsExactly(Arrays.copyOfRange(expected, 4_100, 4_110));
    assertThat(deviceOrder(keys, ROWS, 7, 7)).isEmpty();
  }

  @Test
  void bytesThatNeverDifferCostNoPass() {
    IntVector small = new IntVector("small", allocator);
    IntVector same = new IntVector("same", allocator);
    int rows = 1_000;
    small.allocateNew(rows);
    same.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      small.set(row, random.nextInt(256));
      same.set(row, 42);
    }
    small.setValueCount(rows);
    same.setValueCount(rows);
    Column smallColumn = column(DataType.INTEGER, small);
    Column sameColumn = column(DataType.INTEGER, same);

    try (DeviceSort sort = DeviceSort.start(device, modules, owner, rows)) {
      sort.sortBy(deviceKey(new SortSpec(smallColumn, false, false, null)));
      assertThat(sort.passes()).isEqualTo(1);
      sort.sortBy(deviceKey(new SortSpec(sameColumn, false, false, null)));
      assertThat(sort.passes()).isEqualTo(1);
    }
  }

  @Test
  void selectionMatchesEveryKeyType() {
    IntVector ints = new IntVector("ints", allocator);
    BigIntVector longs = new BigIntVector("longs", allocator);
    Float8Vector doubles = new Float8Vector("doubles", allocator);
    IntVector codes = new IntVector("codes", allocator);
    int[] ranks = new int[300];
    for (int code = 0; code < ranks.length; code++) {
      ranks[code] = (code * 7919) % ranks.length;
    }
    ints.allocateNew(ROWS);
    longs.allocateNew(ROWS);
    doubles.allocateNew(ROWS);
    codes.allocateNew(ROWS);
    for (int row = 0; row < ROWS; row++) {
      if (row % 17 == 4) {
        ints.setNull(row);
        longs.setNull(row);
        doubles.setNull(row);
        codes.setNull(row);
        continue;
      }
      ints.set(row, random.nextInt(50_000) - 25_000);
      longs.set(row, row % 29 == 0 ? Long.MIN_VALUE : random.nextLong());
      double value = random.nextGaussian();
      if (row % 31 == 0) {
        value = Double.NaN;
      } else if (row % 37 == 0) {
        value = -0.0;
      }
      doubles.set(row, value);
      codes.set(row, random.nextInt(ranks.length));
    }
    ints.setValueCount(ROWS);
    longs.setValueCount(ROWS);
    doubles.setValueCount(ROWS);
    codes.setValueCount(ROWS);
    Column intColumn = column(DataType.INTEGER, ints);
    Column longColumn = column(DataType.BIGINT, longs);
    Column doubleColumn = column(DataType.DOUBLE, doubles);
    Column codeColumn = column(DataType.VARCHAR, codes);

    for (boolean descending : new boolean[] {false, true}) {
      for (boolean nullsFirst : new boolean[] {false, true}) {
        for (int firstRows : new int[] {1, 20, 700}) {
          assertSelected(List.of(new SortSpec(intColumn, descending, nullsFirst, null)), firstRows);
          assertSelected(
              List.of(new SortSpec(longColumn, descending, nullsFirst, null)), firstRows);
          assertSelected(
              List.of(new SortSpec(doubleColumn, descending, nullsFirst, null)), firstRows);
          assertSelected(
              List.of(
                  new SortSpec(codeColumn, descending, nullsFirst, ranks),
                  new SortSpec(intColumn, !descending, nullsFirst, null)),
              firstRows);
        }
      }
    }
  }

  @Test
  void selectionCountsUndecidedKeysOnly() {
    BigIntVector values = new BigIntVector("values", allocator);
    values.allocateNew(ROWS);
    for (int row = 0; row < ROWS; row++) {
      values.set(row, random.nextLong());
    }
    values.setValueCount(ROWS);
    List<SortSpec> keys =
        List.of(new SortSpec(column(DataType.BIGINT, values), false, false, null));
    int[] expected = referenceOrder(keys, ROWS);

    try (DeviceSort sort = DeviceSort.start(device, modules, owner, ROWS)) {
      sort.selectCandidates(deviceKey(keys.get(0)), 10, 10);
      assertThat(sort.rowCount()).isEqualTo(10);
      assertThat(sort.selectionPasses()).isGreaterThan(0);
      sort.sortBy(deviceKey(keys.get(0)));

      assertThat(sort.positions(0, 10)).containsExactly(Arrays.copyOf(expected, 10));
    }
  }

  @Test
  void selectionOrdersNullsAndExtremes() {
    BigIntVector values = new BigIntVector("values", allocator);
    int rows = 1_000;
    values.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      switch (row % 10) {
        case 0 -> values.setNull(row);
        case 1 -> values.set(row, Long.MIN_VALUE);
        case 2 -> values.set(row, Long.MAX_VALUE);
        default -> values.set(row, random.nextInt(100));
      }
    }
    values.setValueCount(rows);
    Column column = column(DataType.BIGINT, values);

    for (int firstRows : new int[] {50, 150, 250}) {
      assertSelected(List.of(new SortSpec(column, false, true, null)), firstRows);
      assertSelected(List.of(new SortSpec(column, true, true, null)), firstRows);
    }
  }

  @Test
  void selectionGivesUpOnTies() {
    IntVector flags = new IntVector("flags", allocator);
    IntVector ids = new IntVector("ids", allocator);
    int rows = 1_000;
    flags.allocateNew(rows);
    ids.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      flags.set(row, row % 10 == 0 ? 1 : 0);
      ids.set(row, random.nextInt(1_000_000));
    }
    flags.setValueCount(rows);
    ids.setValueCount(rows);
    List<SortSpec> keys =
        List.of(
            new SortSpec(column(DataType.INTEGER, flags), false, false, null),
            new SortSpec(column(DataType.INTEGER, ids), true, false, null));
    int[] expected = referenceOrder(keys, rows);

    try (DeviceSort sort = DeviceSort.start(device, modules, owner, rows)) {
      sort.selectCandidates(deviceKey(keys.get(0)), 10, 10);
      assertThat(sort.rowCount()).isEqualTo(rows);
      sort.sortBy(deviceKey(keys.get(1)));
      sort.sortBy(deviceKey(keys.get(0)));

      assertThat(sort.positions(0, 10)).containsExactly(Arrays.copyOf(expected, 10));
    }
  }

  @Test
  void candidatesKeepInputOrderInterleaved() {
    IntVector values = new IntVector("values", allocator);
    int rows = 2_000;
    values.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      values.set(row, random.nextInt(10));
    }
    values.setValueCount(rows);
    SortSpec spec = new SortSpec(new Column(DataType.INTEGER, values, null), false, false, null);
    vectors.add(values);
    int[] expected = referenceOrder(List.of(spec), rows);

    try (SimDevice interleaved = new SimDevice(SimLaunch.Options.interleaved(7, 3));
        DeviceMemoryPool interleavedPool = new DeviceMemoryPool(interleaved, 1 << 20, 16 << 20);
        ModuleCache interleavedModules = new ModuleCache(interleaved, 4, 1);
        DeviceMemoryOwner interleavedOwner = interleavedPool.newOwner("interleaved sort");
        ColumnUpload upload =
            ColumnUpload.upload(
                interleaved, interleavedOwner, "values", values, DataType.INTEGER, true, rows);
        DeviceSort sort =
            DeviceSort.start(interleaved, interleavedModules, interleavedOwner, rows)) {
      DeviceSort.Key key = new DeviceSort.Key(DataType.INTEGER, upload.column(), 0, false, false);
      sort.selectCandidates(key, 50, 50);
      assertThat(sort.rowCount()).isLessThan(rows / 2);
      sort.sortBy(key);

      assertThat(sort.positions(0, 50)).containsExactly(Arrays.copyOf(expected, 50));
    }
  }

  @Test
  void smallFetchSelectsCandidates() {
    IntVector groups = new IntVector("groups", allocator);
    Float8Vector amounts = new Float8Vector("amounts", allocator);
    groups.allocateNew(ROWS);
    amounts.allocateNew(ROWS);
    for (int row = 0; row < ROWS; row++) {
      groups.set(row, random.nextInt(3_000));
      if (row % 13 == 0) {
        amounts.setNull(row);
      } else {
        amounts.set(row, random.nextInt(4));
      }
    }
    groups.setValueCount(ROWS);
    amounts.setValueCount(ROWS);
    List<SortSpec> keys =
        List.of(
            new SortSpec(column(DataType.INTEGER, groups), true, false, null),
            new SortSpec(column(DataType.DOUBLE, amounts), false, true, null));
    int[] expected = referenceOrder(keys, ROWS);

    int[] slice = deviceOrder(keys, ROWS, 5, 25);

    assertThat(slice).containsExactly(Arrays.copyOfRange(expected, 5, 25));
  }

  @Test
  void scanAcrossBlocksGivesTheSameOrder() {
    BigIntVector values = new BigIntVector("values", allocator);
    IntVector groups = new IntVector("groups", allocator);
    values.allocateNew(ROWS);
    groups.allocateNew(ROWS);
    for (int row = 0; row < ROWS; row++) {
      if (row % 19 == 7) {
        values.setNull(row);
      } else {
        values.set(row, random.nextInt(1 << 20) - (1 << 19));
      }
      groups.set(row, random.nextInt(40));
    }
    values.setValueCount(ROWS);
    groups.setValueCount(ROWS);
    List<SortSpec> keys =
        List.of(
            new SortSpec(column(DataType.INTEGER, groups), true, false, null),
            new SortSpec(column(DataType.BIGINT, values), false, false, null));
    int[] expected = referenceOrder(keys, ROWS);

    try (DeviceSort sort = DeviceSort.start(device, modules, owner, ROWS)) {
      sort.scanAcrossBlocksFrom(1);
      for (int k = keys.size() - 1; k >= 0; k--) {
        sort.sortBy(deviceKey(keys.get(k)));
      }

      assertThat(sort.positions(0, ROWS)).containsExactly(expected);
    }
  }

  @Test
  void selectionOfKeysDifferingInLowestByte() {
    int rows = 2 * PtxRadixSort.TILE_ROWS + 1;
    BigIntVector values = new BigIntVector("values", allocator);
    values.allocateNew(rows);
    // The upper seven bytes are equal in every key, so only the lowest byte sets rows apart.
    for (int row = 0; row < rows; row++) {
      values.set(row, 0x0102_0304_0506_0700L + random.nextInt(256));
    }
    values.setValueCount(rows);
    Column column = column(DataType.BIGINT, values);
    int eighth = rows / 8;

    for (boolean descending : new boolean[] {false, true}) {
      List<SortSpec> keys = List.of(new SortSpec(column, descending, false, null));
      int[] expected = referenceOrder(keys, rows);

      assertThat(deviceOrder(keys, rows, 0, 1)).containsExactly(expected[0]);
      assertThat(deviceOrder(keys, rows, eighth - 3, eighth))
          .containsExactly(Arrays.copyOfRange(expected, eighth - 3, eighth));
      assertThat(deviceOrder(keys, rows, eighth - 3, eighth + 1))
          .containsExactly(Arrays.copyOfRange(expected, eighth - 3, eighth + 1));
      try (DeviceSort sort = DeviceSort.start(device, modules, owner, rows)) {
        sort.selectCandidates(deviceKey(keys.get(0)), eighth, eighth);
        assertThat(sort.rowCount()).as("candidates, descending %s", descending).isLessThan(rows);
      }
    }
  }

  @Test
  void selectionOfKeysDifferingInHighestByte() {
    int rows = 2 * PtxRadixSort.TILE_ROWS + 1;
    BigIntVector values = new BigIntVector("values", allocator);
    IntVector ids = new IntVector("ids", allocator);
    values.allocateNew(rows);
    ids.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      values.set(row, ((long) random.nextInt(4) << 56) | 0x00AB_CDEF_0123_4567L);
      ids.set(row, random.nextInt(rows));
    }
    values.setValueCount(rows);
    ids.setValueCount(rows);
    List<SortSpec> keys =
        List.of(
            new SortSpec(column(DataType.BIGINT, values), true, false, null),
            new SortSpec(column(DataType.INTEGER, ids), false, false, null));
    int[] expected = referenceOrder(keys, rows);

    try (DeviceSort sort = DeviceSort.start(device, modules, owner, rows)) {
      sort.selectCandidates(deviceKey(keys.get(0)), 10, 10);
      int candidates = sort.rowCount();
      sort.sortBy(deviceKey(keys.get(1)));
      sort.sortBy(deviceKey(keys.get(0)));

      assertThat(candidates).isBetween(10, rows / 2);
      assertThat(sort.positions(0, 10)).containsExactly(Arrays.copyOf(expected, 10));
    }
  }

  @Test
  void selectionKeepsTiesOfExactlyHalfTheRows() {
    int rows = 2 * PtxRadixSort.TILE_ROWS;
    IntVector firsts = new IntVector("firsts", allocator);
    IntVector ids = new IntVector("ids", allocator);
    firsts.allocateNew(rows);
    ids.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      firsts.set(row, row % 2 == 0 ? Integer.MIN_VALUE : random.nextInt());
      ids.set(row, random.nextInt(100));
    }
    firsts.setValueCount(rows);
    ids.setValueCount(rows);
    List<SortSpec> keys =
        List.of(
            new SortSpec(column(DataType.INTEGER, firsts), false, false, null),
            new SortSpec(column(DataType.INTEGER, ids), true, false, null));
    int[] expected = referenceOrder(keys, rows);

    // A selection gives up only when more than half of the rows are candidates.
    try (DeviceSort sort = DeviceSort.start(device, modules, owner, rows)) {
      sort.selectCandidates(deviceKey(keys.get(0)), 10, 10);
      assertThat(sort.rowCount()).isEqualTo(rows / 2);
      sort.sortBy(deviceKey(keys.get(1)));
      sort.sortBy(deviceKey(keys.get(0)));

      assertThat(sort.positions(0, 10)).containsExactly(Arrays.copyOf(expected, 10));
    }
    assertThat(deviceOrder(keys, rows, 1000, 1024))
        .containsExactly(Arrays.copyOfRange(expected, 1000, 1024));
  }

  @Test
  void selectionGivesUpOnEqualKeys() {
    int rows = 2 * PtxRadixSort.TILE_ROWS + 1;
    IntVector same = new IntVector("same", allocator);
    IntVector ids = new IntVector("ids", allocator);
    same.allocateNew(rows);
    ids.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      same.set(row, -7);
      ids.set(row, random.nextInt(rows));
    }
    same.setValueCount(rows);
    ids.setValueCount(rows);
    List<SortSpec> keys =
        List.of(
            new SortSpec(column(DataType.INTEGER, same), false, false, null),
            new SortSpec(column(DataType.INTEGER, ids), false, false, null));
    int[] expected = referenceOrder(keys, rows);

    try (DeviceSort sort = DeviceSort.start(device, modules, owner, rows)) {
      sort.selectCandidates(deviceKey(keys.get(0)), rows / 8, rows / 8);
      assertThat(sort.rowCount()).isEqualTo(rows);
    }
    assertThat(deviceOrder(keys, rows, 0, rows / 8))
        .containsExactly(Arrays.copyOf(expected, rows / 8));
  }

  @Test
  void selectionWithMostlyNullKeys() {
    int rows = 2 * PtxRadixSort.TILE_ROWS + 1;
    IntVector values = new IntVector("values", allocator);
    values.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      if (row % 10 != 0) {
        values.setNull(row);
      } else {
        values.set(row, row % 30 == 0 ? Integer.MAX_VALUE : random.nextInt(50) - 25);
      }
    }
    values.setValueCount(rows);
    Column column = column(DataType.INTEGER, values);

    // About 820 rows have a value, so the last slice ends among the NULLs when they come last.
    for (boolean descending : new boolean[] {false, true}) {
      for (boolean nullsFirst : new boolean[] {false, true}) {
        List<SortSpec> keys = List.of(new SortSpec(column, descending, nullsFirst, null));
        int[] expected = referenceOrder(keys, rows);
        for (int end : new int[] {1, 100, rows / 8}) {
          assertThat(deviceOrder(keys, rows, end / 2, end))
              .as(
                  "rows %d to %d, descending %s, NULLs first %s",
                  end / 2, end, descending, nullsFirst)
              .containsExactly(Arrays.copyOfRange(expected, end / 2, end));
        }
      }
    }
  }

  @Test
  void selectionOfBooleanAndRealKeys() {
    int rows = 2 * PtxRadixSort.TILE_ROWS + 1;
    BitVector flags = new BitVector("flags", allocator);
    Float4Vector reals = new Float4Vector("reals", allocator);
    flags.allocateNew(rows);
    reals.allocateNew(rows);
    float[] samples = {Float.NaN, -0.0f, 0.0f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
    for (int row = 0; row < rows; row++) {
      if (row % 97 == 0) {
        flags.setNull(row);
        reals.setNull(row);
        continue;
      }
      flags.set(row, row % 40 == 0 ? 1 : 0);
      reals.set(row, row % 5 == 0 ? samples[row % samples.length] : random.nextInt(8) / 2.0f);
    }
    flags.setValueCount(rows);
    reals.setValueCount(rows);
    Column flagColumn = column(DataType.BOOLEAN, flags);
    Column realColumn = column(DataType.REAL, reals);

    for (boolean descending : new boolean[] {false, true}) {
      for (boolean nullsFirst : new boolean[] {false, true}) {
        List<SortSpec> keys =
            List.of(
                new SortSpec(flagColumn, !descending, nullsFirst, null),
                new SortSpec(realColumn, descending, !nullsFirst, null));
        int[] expected = referenceOrder(keys, rows);
        assertThat(deviceOrder(keys, rows, 50, 150))
            .as("descending %s, NULLs first %s", descending, nullsFirst)
            .containsExactly(Arrays.copyOfRange(expected, 50, 150));
        List<SortSpec> realFirst = List.of(keys.get(1), keys.get(0));
        int[] realExpected = referenceOrder(realFirst, rows);
        assertThat(deviceOrder(realFirst, rows, 0, rows / 8))
            .as("REAL first, descending %s, NULLs first %s", descending, nullsFirst)
            .containsExactly(Arrays.copyOf(realExpected, rows / 8));
      }
    }
  }

  @Test
  void selectionOnInterleavedThreads() {
    int rows = 2 * PtxRadixSort.TILE_ROWS + 1;
    BigIntVector values = new BigIntVector("values", allocator);
    values.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      if (row % 9 == 0) {
        values.setNull(row);
      } else {
        values.set(row, 0x0700_0000_0000_0000L + random.nextInt(3_000));
      }
    }
    values.setValueCount(rows);
    vectors.add(values);
    for (boolean nullsFirst : new boolean[] {false, true}) {
      SortSpec spec =
          new SortSpec(new Column(DataType.BIGINT, values, null), false, nullsFirst, null);
      int[] expected = referenceOrder(List.of(spec), rows);

      for (long seed : new long[] {3, 11}) {
        try (SimDevice interleaved = new SimDevice(SimLaunch.Options.interleaved(seed, 5));
            DeviceMemoryPool interleavedPool =
                new DeviceMemoryPool(interleaved, 1 << 20, 16 << 20);
            ModuleCache interleavedModules = new ModuleCache(interleaved, 8, 1);
            DeviceMemoryOwner interleavedOwner = interleavedPool.newOwner("interleaved sort");
            ColumnUpload upload =
                ColumnUpload.upload(
                    interleaved, interleavedOwner, "values", values, DataType.BIGINT, true, rows)) {
          DeviceSort.Key key =
              new DeviceSort.Key(DataType.BIGINT, upload.column(), 0, false, nullsFirst);
          int[] actual =
              DeviceSort.sortedRows(
                  interleaved,
                  interleavedModules,
                  interleavedOwner,
                  rows,
                  List.of(key),
                  rows / 16,
                  rows / 8);

          assertThat(actual)
              .as("seed %d, NULLs first %s", seed, nullsFirst)
              .containsExactly(Arrays.copyOfRange(expected, rows / 16, rows / 8));
        }
      }
    }
  }

  @Test
  void invalidSliceIsRejected() {
    IntVector values = new IntVector("values", allocator);
    values.allocateNew(3);
    values.setValueCount(3);
    List<DeviceSort.Key> keys =
        List.of(deviceKey(new SortSpec(column(DataType.INTEGER, values), false, false, null)));

    assertThatThrownBy(() -> DeviceSort.sortedRows(device, modules, owner, 3, keys, 2, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside 3 rows");
    assertThatThrownBy(() -> DeviceSort.sortedRows(device, modules, owner, 3, List.of(), 0, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Column column(DataType type, FieldVector vector) {
    vectors.add(vector);
    int rows = vector.getValueCount();
    ColumnUpload upload = ColumnUpload.upload(device, owner, "column", vector, type, true, rows);
    deviceBuffers.add(upload);
    return new Column(type, vector, upload.column());
  }

  private void assertSorted(List<SortSpec> keys) {
    int rows = keys.get(0).column().vector().getValueCount();
    int[] expected = referenceOrder(keys, rows);

    int[] actual = deviceOrder(keys, rows, 0, rows);

    assertThat(actual).containsExactly(expected);
  }

  /**
   * Asserts that a sort which first selects the candidates of the first {@code firstRows} rows,
   * taking every byte it can, returns the same rows as the reference, and that the selection
   * narrowed the rows when it could.
   */
  private void assertSelected(List<SortSpec> keys, int firstRows) {
    int rows = keys.get(0).column().vector().getValueCount();
    int[] expected = referenceOrder(keys, rows);

    try (DeviceSort sort = DeviceSort.start(device, modules, owner, rows)) {
      sort.selectCandidates(deviceKey(keys.get(0)), firstRows, firstRows);
      int candidates = sort.rowCount();
      for (int k = keys.size() - 1; k >= 0; k--) {
        sort.sortBy(deviceKey(keys.get(k)));
      }

      assertThat(sort.positions(0, firstRows))
          .as("first %d rows by %s", firstRows, keys)
          .containsExactly(Arrays.copyOf(expected, firstRows));
      if (firstRows * 2 < rows / 4) {
        assertThat(candidates).as("candidates of %d rows", firstRows).isLessThan(rows);
      }
    }
  }

  private int[] deviceOrder(List<SortSpec> keys, int rows, int offset, int end) {
    List<DeviceSort.Key> deviceKeys = new ArrayList<>();
    for (SortSpec key : keys) {
      deviceKeys.add(deviceKey(key));
    }
    return DeviceSort.sortedRows(device, modules, owner, rows, deviceKeys, offset, end);
  }

  private DeviceSort.Key deviceKey(SortSpec key) {
    long ranks = 0;
    if (key.ranks() != null) {
      DeviceBuffer buffer = owner.allocate("ranks", key.ranks().length * 4L);
      deviceBuffers.add(buffer);
      ByteBuffer bytes = ByteBuffer.allocate(key.ranks().length * 4).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asIntBuffer().put(key.ranks());
      device.copyToDevice(buffer.address(), bytes);
      ranks = buffer.address();
    }
    return new DeviceSort.Key(
        key.column().type(), key.column().device(), ranks, key.descending(), key.nullsFirst());
  }

  private static int[] referenceOrder(List<SortSpec> keys, int rows) {
    Integer[] order = new Integer[rows];
    for (int row = 0; row < rows; row++) {
      order[row] = row;
    }
    Comparator<Integer> comparator = (a, b) -> 0;
    for (SortSpec key : keys) {
      comparator = comparator.thenComparing((a, b) -> compare(key, a, b));
    }
    Arrays.sort(order, comparator);
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  private static int compare(SortSpec key, int left, int right) {
    FieldVector vector = key.column().vector();
    boolean leftNull = vector.isNull(left);
    boolean rightNull = vector.isNull(right);
    if (leftNull || rightNull) {
      if (leftNull == rightNull) {
        return 0;
      }
      return leftNull == key.nullsFirst() ? -1 : 1;
    }
    int result = compareValues(key, vector, left, right);
    return key.descending() ? -result : result;
  }

  private static int compareValues(SortSpec key, FieldVector vector, int left, int right) {
    if (vector instanceof Float8Vector doubles) {
      return Double.compare(canonical(doubles.get(left)), canonical(doubles.get(right)));
    }
    if (vector instanceof Float4Vector floats) {
      return Double.compare(canonical(floats.get(left)), canonical(floats.get(right)));
    }
    if (vector instanceof BitVector bits) {
      return Integer.compare(bits.get(left), bits.get(right));
    }
    long a = ((Number) vector.getObject(left)).longValue();
    long b = ((Number) vector.getObject(right)).longValue();
    if (key.ranks() != null) {
      a = key.ranks()[(int) a];
      b = key.ranks()[(int) b];
    }
    return Long.compare(a, b);
  }

  /** Reads -0.0 as 0.0, so that Double.compare, which puts NaN last, follows SQL's order. */
  private static double canonical(double value) {
    return value == 0.0 ? 0.0 : value;
  }
}
