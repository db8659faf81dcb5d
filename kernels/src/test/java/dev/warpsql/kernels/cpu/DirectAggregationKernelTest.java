package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Aggregation through the direct group index, checked against the same kernel run into a table that
 * hashes its keys.
 */
class DirectAggregationKernelTest extends KernelTestSupport {
  private static final int ROWS = 5_000;

  /** Dictionary codes 0..6 of a VARCHAR key, BOOLEAN, and INTEGER -2..2, each with NULLs. */
  private static final List<GroupKeyRange> RANGES =
      List.of(new GroupKeyRange(0, 6), new GroupKeyRange(0, 1), new GroupKeyRange(-2, 2));

  private static final KernelProgram PROGRAM =
      new KernelProgram(
          "direct",
          List.of(
              new InputColumn(DataType.VARCHAR, true),
              new InputColumn(DataType.BOOLEAN, true),
              new InputColumn(DataType.INTEGER, true),
              new InputColumn(DataType.BIGINT, true)),
          List.of(),
          0,
          null,
          new AggregateSink(
              List.of(in(0, DataType.VARCHAR), in(1, DataType.BOOLEAN), in(2, DataType.INTEGER)),
              List.of(
                  new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT),
                  new AggregateCall(AggregateFunction.SUM, in(3, DataType.BIGINT), DataType.BIGINT),
                  new AggregateCall(
                      AggregateFunction.MIN, in(3, DataType.BIGINT), DataType.BIGINT))));

  private static final AggregateSink SINK = (AggregateSink) PROGRAM.sink();

  /**
   * Returns the input columns: random keys in {@link #RANGES} with about one NULL in eight, the
   * largest code 6 in the last row, and values that are NULL in one row of ten.
   */
  private List<FieldVector> inputs(long seed) {
    Random random = new Random(seed);
    Object[] codes = new Object[ROWS];
    Object[] flags = new Object[ROWS];
    Object[] numbers = new Object[ROWS];
    Object[] values = new Object[ROWS];
    for (int row = 0; row < ROWS; row++) {
      codes[row] = random.nextInt(8) == 0 ? null : (long) random.nextInt(7);
      flags[row] = random.nextInt(8) == 0 ? null : random.nextBoolean();
      numbers[row] = random.nextInt(8) == 0 ? null : (long) random.nextInt(5) - 2;
      values[row] = random.nextInt(10) == 0 ? null : (long) random.nextInt(1000) - 500;
    }
    codes[ROWS - 1] = 6L;
    return List.of(
        vector(DataType.VARCHAR, codes),
        vector(DataType.BOOLEAN, flags),
        vector(DataType.INTEGER, numbers),
        vector(DataType.BIGINT, values));
  }

  /** Returns the table's rows keyed by their group keys, so that group order does not matter. */
  private Map<List<Object>, List<Object>> rowsByKey(AggregationTable table) {
    int keyCount = table.sink().groupKeys().size();
    List<List<Object>> columns = columns(table);
    Map<List<Object>, List<Object>> rows = new HashMap<>();
    for (int g = 0; g < table.groupCount(); g++) {
      List<Object> key = new ArrayList<>();
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        (c < keyCount ? key : row).add(columns.get(c).get(g));
      }
      rows.put(key, row);
    }
    return rows;
  }

  private Map<List<Object>, List<Object>> hashedRows(
      KernelProgram program, List<FieldVector> inputs, int rows) {
    try (AggregationTable hashed = new AggregationTable((AggregateSink) program.sink())) {
      backend.compile(program).run(new KernelArguments(inputs, null, null), 0, rows, hashed);
      assertThat(hashed.directSlots()).isNull();
      return rowsByKey(hashed);
    }
  }

  /**
   * Runs {@link #PROGRAM} over the inputs of {@code seed} into a table with {@code ranges}, and
   * checks that the table hashes its keys at the end and has the rows of a table that always did.
   */
  private void assertEndsHashing(List<GroupKeyRange> ranges, long seed) {
    List<FieldVector> inputs = inputs(seed);
    try (AggregationTable table = new AggregationTable(SINK, ranges)) {
      backend.compile(PROGRAM).run(new KernelArguments(inputs, null, null), 0, ROWS, table);

      assertThat(table.directSlots()).as("hashing at the end").isNull();
      assertThat(rowsByKey(table)).isEqualTo(hashedRows(PROGRAM, inputs, ROWS));
    } finally {
      closeAll(inputs);
    }
  }

  /** Returns a program that counts the rows by its one input column of type {@code type}. */
  private static KernelProgram countByKey(DataType type) {
    return new KernelProgram(
        "count",
        List.of(new InputColumn(type, true)),
        List.of(),
        0,
        null,
        new AggregateSink(
            List.of(in(0, type)),
            List.of(new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT))));
  }

  private static void closeAll(List<FieldVector> vectors) {
    vectors.forEach(FieldVector::close);
  }

  @Test
  void smallRangesMatchHashing() {
    List<FieldVector> inputs = inputs(1);
    try (AggregationTable direct = new AggregationTable(SINK, RANGES)) {
      backend.compile(PROGRAM).run(new KernelArguments(inputs, null, null), 0, ROWS, direct);

      assertThat(direct.directSlots()).as("still indexed directly").isNotNull();
      Map<List<Object>, List<Object>> rows = rowsByKey(direct);
      // 8 * 3 * 6 key combinations with NULLs, and 5,000 random rows reach nearly all of them.
      assertThat(rows).hasSizeGreaterThan(100);
      assertThat(rows).containsKey(Arrays.asList(null, null, null));
      assertThat(rows.keySet()).anyMatch(key -> Long.valueOf(6).equals(key.get(0)));
      assertThat(rows).isEqualTo(hashedRows(PROGRAM, inputs, ROWS));
    } finally {
      closeAll(inputs);
    }
  }

  @Test
  void emptyInputHasNoGroups() {
    List<FieldVector> inputs = inputs(2);
    try (AggregationTable direct = new AggregationTable(SINK, RANGES)) {
      backend.compile(PROGRAM).run(new KernelArguments(inputs, null, null), 0, 0, direct);

      assertThat(direct.groupCount()).isZero();
      assertThat(rowsByKey(direct)).isEmpty();
    } finally {
      closeAll(inputs);
    }
  }

  @Test
  void keyOutsideRangeSwitchesToHashing() {
    // The codes reach 6, so this range leaves out every row of code 6, the last one included.
    assertEndsHashing(List.of(new GroupKeyRange(0, 5), RANGES.get(1), RANGES.get(2)), 3);
  }

  @Test
  void rangesAtLongExtremesMatchHashing() {
    KernelProgram program = countByKey(DataType.BIGINT);
    List<FieldVector> inputs =
        List.of(
            vector(
                DataType.BIGINT,
                Long.MAX_VALUE,
                null,
                Long.MAX_VALUE - 1,
                Long.MAX_VALUE,
                Long.MIN_VALUE));
    try (AggregationTable table =
        new AggregationTable(
            (AggregateSink) program.sink(),
            List.of(new GroupKeyRange(Long.MAX_VALUE - 1, Long.MAX_VALUE)))) {
      CpuKernel kernel = backend.compile(program);
      kernel.run(new KernelArguments(inputs, null, null), 0, 4, table);
      assertThat(table.directSlots()).as("every key of rows 0 to 3 is in range").isNotNull();

      kernel.run(new KernelArguments(inputs, null, null), 4, 5, table);
      assertThat(table.directSlots()).as("Long.MIN_VALUE is not").isNull();
      Map<List<Object>, List<Object>> rows = rowsByKey(table);
      assertThat(rows).isEqualTo(hashedRows(program, inputs, 5));
      assertThat(rows.get(List.of(Long.MAX_VALUE))).containsExactly(2L);
    } finally {
      closeAll(inputs);
    }
  }

  @Test
  void tablesOfSeveralThreadsMerge() throws Exception {
    List<FieldVector> inputs = inputs(4);
    CpuKernel kernel = backend.compile(PROGRAM);
    KernelArguments arguments = new KernelArguments(inputs, null, null);
    int parts = 4;
    List<AggregationTable> tables = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(parts);
    try {
      // The last part's table hashes from its start, and the third one's range leaves out code 6,
      // so the merge combines direct tables, a switched one and a hashing one.
      for (int part = 0; part < parts; part++) {
        List<GroupKeyRange> ranges =
            switch (part) {
              case 2 -> List.of(new GroupKeyRange(0, 5), RANGES.get(1), RANGES.get(2));
              case 3 -> null;
              default -> RANGES;
            };
        tables.add(new AggregationTable(SINK, ranges));
      }
      List<Future<?>> runs = new ArrayList<>();
      for (int part = 0; part < parts; part++) {
        AggregationTable table = tables.get(part);
        int start = ROWS * part / parts;
        int end = ROWS * (part + 1) / parts;
        runs.add(threads.submit(() -> kernel.run(arguments, start, end, table)));
      }
      for (Future<?> run : runs) {
        run.get();
      }
      AggregationTable merged = tables.get(0);
      for (int part = 1; part < parts; part++) {
        merged.merge(tables.get(part));
      }

      assertThat(tables.get(2).directSlots()).isNull();
      assertThat(merged.directSlots()).as("every key is in the merged table's ranges").isNotNull();
      assertThat(rowsByKey(merged)).isEqualTo(hashedRows(PROGRAM, inputs, ROWS));
    } finally {
      threads.shutdownNow();
      tables.forEach(AggregationTable::close);
      closeAll(inputs);
    }
  }

  @Test
  void mergeIntoHashingTableMatches() {
    List<FieldVector> inputs = inputs(5);
    CpuKernel kernel = backend.compile(PROGRAM);
    KernelArguments arguments = new KernelArguments(inputs, null, null);
    try (AggregationTable hashed = new AggregationTable(SINK);
        AggregationTable direct = new AggregationTable(SINK, RANGES)) {
      kernel.run(arguments, 0, ROWS / 2, hashed);
      kernel.run(arguments, ROWS / 2, ROWS, direct);
      hashed.merge(direct);

      assertThat(rowsByKey(hashed)).isEqualTo(hashedRows(PROGRAM, inputs, ROWS));
    } finally {
      closeAll(inputs);
    }
  }

  @Test
  void tooManySlotsFallsBackToHashing() {
    // 8 * 3 * 2731 = 65,544 slots, just over the limit.
    assertEndsHashing(List.of(RANGES.get(0), RANGES.get(1), new GroupKeyRange(-2, 2727)), 6);
  }

  @Test
  void doubleKeyIgnoresRanges() {
    KernelProgram program = countByKey(DataType.DOUBLE);
    List<FieldVector> inputs = List.of(vector(DataType.DOUBLE, 1.0, -0.0, 0.0, null, 1.0));
    try (AggregationTable table =
        new AggregationTable((AggregateSink) program.sink(), List.of(new GroupKeyRange(0, 1)))) {
      CpuKernel kernel = backend.compile(program);
      kernel.run(new KernelArguments(inputs, null, null), 0, 5, table);

      assertThat(table.directSlots()).isNull();
      assertThat(kernel.javaSource()).doesNotContain("directSlots");
      assertThat(rowsByKey(table)).isEqualTo(hashedRows(program, inputs, 5));
      assertThat(table.groupCount()).isEqualTo(3);
    } finally {
      closeAll(inputs);
    }
  }

  @Test
  void rangeCountMustMatchKeys() {
    assertThatThrownBy(() -> new AggregationTable(SINK, List.of(new GroupKeyRange(0, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 3 group key ranges, got 1");
  }

  @Test
  void generatedLoopReadsSlotArray() {
    String source = backend.compile(PROGRAM).javaSource();

    assertThat(source).contains("if (directSlots != null)");
    assertThat(source).contains(" ? directSlots[");
    assertThat(source).contains("directSlots = table.directSlots();");
    assertThat(source).contains("group = table.findOrInsert(");
  }
}
