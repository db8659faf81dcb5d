package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JoinHashTableTest extends KernelTestSupport {
  private final List<FieldVector> vectors = new ArrayList<>();

  @AfterEach
  void closeVectors() {
    vectors.forEach(FieldVector::close);
  }

  /** Returns a nullable vector closed after the test. */
  private FieldVector column(DataType type, Object... values) {
    FieldVector vector = vector(type, values);
    vectors.add(vector);
    return vector;
  }

  /** Returns the build rows that {@code find} and {@code next} walk from {@code first}. */
  private static List<Integer> chain(JoinHashTable table, int first) {
    List<Integer> rows = new ArrayList<>();
    for (int row = first; row >= 0; row = table.next(row)) {
      rows.add(row);
    }
    return rows;
  }

  @Test
  void findWalksDuplicatesInRowOrder() {
    FieldVector keys = column(DataType.BIGINT, 5L, 7L, 5L, null, 5L);
    try (JoinHashTable table =
        JoinHashTable.build(List.of(keys), List.of(DataType.BIGINT), List.of())) {
      assertThat(table.rowCount()).isEqualTo(4);
      assertThat(chain(table, table.find(5L))).containsExactly(0, 2, 4);
      assertThat(chain(table, table.find(7L))).containsExactly(1);
      assertThat(table.find(6L)).isEqualTo(-1);
      assertThat(table.find(0L)).as("the NULL key row's placeholder value").isEqualTo(-1);
    }
  }

  @Test
  void rowsWithAnyNullKeyAreNotInserted() {
    FieldVector a = column(DataType.INTEGER, 1L, null, 1L, 1L);
    FieldVector b = column(DataType.VARCHAR, 2L, 2L, null, 2L);
    try (JoinHashTable table =
        JoinHashTable.build(
            List.of(a, b), List.of(DataType.INTEGER, DataType.VARCHAR), List.of())) {
      assertThat(table.rowCount()).isEqualTo(2);
      assertThat(chain(table, table.find(new long[] {1L, 2L}))).containsExactly(0, 3);
      assertThat(table.find(new long[] {0L, 2L})).isEqualTo(-1);
      assertThat(table.find(new long[] {1L, 0L})).isEqualTo(-1);
    }
  }

  @Test
  void multiColumnKeysCompareEveryColumn() {
    FieldVector id = column(DataType.BIGINT, 1L, 1L, 2L, 1L);
    FieldVector day = column(DataType.DATE, 100L, 101L, 100L, 100L);
    FieldVector price = column(DataType.decimal(10, 2), 995L, 995L, 995L, 996L);
    FieldVector code = column(DataType.VARCHAR, 3L, 3L, 3L, 3L);
    List<DataType> types =
        List.of(DataType.BIGINT, DataType.DATE, DataType.decimal(10, 2), DataType.VARCHAR);
    try (JoinHashTable table =
        JoinHashTable.build(List.of(id, day, price, code), types, List.of())) {
      assertThat(table.rowCount()).isEqualTo(4);
      assertThat(chain(table, table.find(new long[] {1L, 100L, 995L, 3L}))).containsExactly(0);
      assertThat(chain(table, table.find(new long[] {1L, 101L, 995L, 3L}))).containsExactly(1);
      assertThat(chain(table, table.find(new long[] {2L, 100L, 995L, 3L}))).containsExactly(2);
      assertThat(chain(table, table.find(new long[] {1L, 100L, 996L, 3L}))).containsExactly(3);
      assertThat(table.find(new long[] {1L, 100L, 995L, 4L})).isEqualTo(-1);
    }
  }

  @Test
  void floatingKeysEqualSignedZerosAndNaNs() {
    double otherNaN = Double.longBitsToDouble(0x7FF8_0000_0000_0001L);
    FieldVector doubles = column(DataType.DOUBLE, 0.0, -0.0, Double.NaN, 1.5, otherNaN);
    FieldVector reals = column(DataType.REAL, -0.0, 0.0, Double.NaN, 1.5, 2.5);
    try (JoinHashTable byDouble =
            JoinHashTable.build(List.of(doubles), List.of(DataType.DOUBLE), List.of());
        JoinHashTable byReal =
            JoinHashTable.build(List.of(reals), List.of(DataType.REAL), List.of())) {
      assertThat(chain(byDouble, byDouble.find(AggregationTable.doubleKey(-0.0))))
          .containsExactly(0, 1);
      assertThat(chain(byDouble, byDouble.find(AggregationTable.doubleKey(otherNaN))))
          .containsExactly(2, 4);
      assertThat(chain(byDouble, byDouble.find(AggregationTable.doubleKey(1.5))))
          .containsExactly(3);
      assertThat(chain(byReal, byReal.find(AggregationTable.doubleKey(0.0)))).containsExactly(0, 1);
      assertThat(chain(byReal, byReal.find(AggregationTable.doubleKey(Double.NaN))))
          .containsExactly(2);
      assertThat(chain(byReal, byReal.find(AggregationTable.doubleKey(2.5)))).containsExactly(4);
    }
  }

  @Test
  void everyIntegerRegisterKindNormalizesToItsValue() {
    Object[][] cases = {
      {DataType.BOOLEAN, true, 1L},
      {DataType.TINYINT, -7L, -7L},
      {DataType.SMALLINT, -300L, -300L},
      {DataType.INTEGER, (long) Integer.MIN_VALUE, (long) Integer.MIN_VALUE},
      {DataType.BIGINT, Long.MAX_VALUE, Long.MAX_VALUE},
      {DataType.DATE, -5L, -5L},
      {DataType.TIME, 86_399_999_999L, 86_399_999_999L},
      {DataType.TIMESTAMP, -1L, -1L},
      {DataType.VARCHAR, 12L, 12L},
    };
    for (Object[] c : cases) {
      DataType type = (DataType) c[0];
      FieldVector keys = column(type, c[1], null);
      try (JoinHashTable table = JoinHashTable.build(List.of(keys), List.of(type), List.of())) {
        assertThat(table.find((Long) c[2])).as("%s", type).isEqualTo(0);
        assertThat(table.rowCount()).as("%s", type).isEqualTo(1);
      }
    }
  }

  @Test
  void manyDuplicatesAreAllReachable() {
    int rows = 100_000;
    BigIntVector keys =
        (BigIntVector) ArrowColumns.createVector("k", DataType.BIGINT, true, 0, allocator);
    vectors.add(keys);
    keys.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      keys.set(row, row % 1000);
    }
    keys.setValueCount(rows);
    try (JoinHashTable table =
        JoinHashTable.build(List.of(keys), List.of(DataType.BIGINT), List.of())) {
      assertThat(table.rowCount()).isEqualTo(rows);
      for (long key = 0; key < 1000; key++) {
        List<Integer> chain = chain(table, table.find(key));
        assertThat(chain).as("key %d", key).hasSize(100);
        assertThat(chain.get(0)).isEqualTo((int) key);
        assertThat(chain).isSorted();
      }
      assertThat(table.find(1000L)).isEqualTo(-1);
      assertThat(table.find(-1L)).isEqualTo(-1);
    }
  }

  @Test
  void denseKeysUseDirectArray() {
    FieldVector keys = column(DataType.INTEGER, -3L, 4L, -3L, null, 0L);
    try (JoinHashTable table =
        JoinHashTable.build(List.of(keys), List.of(DataType.INTEGER), List.of())) {
      assertThat(table.isDirect()).isTrue();
      assertThat(table.rowCount()).isEqualTo(4);
      assertThat(chain(table, table.find(-3L))).containsExactly(0, 2);
      assertThat(chain(table, table.find(4L))).containsExactly(1);
      assertThat(chain(table, table.find(new long[] {0L}))).containsExactly(4);
      for (long missing : new long[] {-4L, -2L, 5L, Long.MIN_VALUE, Long.MAX_VALUE}) {
        assertThat(table.find(missing)).as("key %d", missing).isEqualTo(-1);
      }
    }
  }

  @Test
  void wideKeyRangesAreHashed() {
    long[][] cases = {
      {0L, 1L << 40},
      {Long.MIN_VALUE, Long.MAX_VALUE},
      {Long.MIN_VALUE, -1L},
    };
    for (long[] range : cases) {
      FieldVector keys = column(DataType.BIGINT, range[0], range[1], range[0]);
      try (JoinHashTable table =
          JoinHashTable.build(List.of(keys), List.of(DataType.BIGINT), List.of())) {
        assertThat(table.isDirect()).as("%d..%d", range[0], range[1]).isFalse();
        assertThat(chain(table, table.find(range[0]))).containsExactly(0, 2);
        assertThat(chain(table, table.find(range[1]))).containsExactly(1);
        assertThat(table.find(range[0] + 1)).isEqualTo(-1);
      }
    }
  }

  @Test
  void directArrayCoversEightValuesPerBuildRow() {
    int rows = 2000;
    for (long step : new long[] {JoinHashTable.DIRECT_SPAN_PER_ROW, 9}) {
      BigIntVector keys =
          (BigIntVector) ArrowColumns.createVector("k", DataType.BIGINT, true, 0, allocator);
      vectors.add(keys);
      keys.allocateNew(rows);
      for (int row = 0; row < rows; row++) {
        keys.set(row, 1_000_000L + row * step);
      }
      keys.setValueCount(rows);
      try (JoinHashTable table =
          JoinHashTable.build(List.of(keys), List.of(DataType.BIGINT), List.of())) {
        // Keys every 8 values span 8 * 1999 + 1 values, keys every 9 values a wider range.
        assertThat(table.isDirect()).as("step %d", step).isEqualTo(step == 8);
        for (int row = 0; row < rows; row++) {
          assertThat(table.find(1_000_000L + row * step)).isEqualTo(row);
          assertThat(table.find(1_000_001L + row * step)).isEqualTo(-1);
        }
      }
    }
  }

  @Test
  void bigintKeyPairsPackWhenTheyFit() {
    FieldVector a = column(DataType.BIGINT, 1L, -1L);
    FieldVector b = column(DataType.BIGINT, 2L, (long) Integer.MIN_VALUE);
    try (JoinHashTable table =
        JoinHashTable.build(List.of(a, b), List.of(DataType.BIGINT, DataType.BIGINT), List.of())) {
      assertThat(table.find(new long[] {1L, 2L})).isEqualTo(0);
      assertThat(table.find(new long[] {-1L, Integer.MIN_VALUE})).isEqualTo(1);
      // Packed without the check, (1, 2^32 + 2) would read as the build key (1, 2).
      assertThat(table.find(new long[] {1L, 2L + (1L << 32)})).isEqualTo(-1);
      assertThat(table.find(new long[] {1L << 32, 2L})).isEqualTo(-1);
    }
    FieldVector wide = column(DataType.BIGINT, 1L, 1L << 32);
    try (JoinHashTable table =
        JoinHashTable.build(
            List.of(a, wide), List.of(DataType.BIGINT, DataType.BIGINT), List.of())) {
      assertThat(table.find(new long[] {1L, 1L})).isEqualTo(0);
      assertThat(table.find(new long[] {-1L, 1L << 32})).isEqualTo(1);
      assertThat(table.find(new long[] {-1L, 0L})).isEqualTo(-1);
    }
  }

  @Test
  void twoIntegerKeysPackIntoOneLong() {
    FieldVector a = column(DataType.INTEGER, -1L, (long) Integer.MIN_VALUE, -1L, 5L, null);
    FieldVector b = column(DataType.DATE, -1L, (long) Integer.MAX_VALUE, 0L, -1L, 0L);
    try (JoinHashTable table =
        JoinHashTable.build(List.of(a, b), List.of(DataType.INTEGER, DataType.DATE), List.of())) {
      assertThat(table.rowCount()).isEqualTo(4);
      assertThat(table.find(new long[] {-1L, -1L})).isEqualTo(0);
      assertThat(table.find(new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE})).isEqualTo(1);
      assertThat(table.find(new long[] {-1L, 0L})).isEqualTo(2);
      assertThat(table.find(new long[] {5L, -1L})).isEqualTo(3);
      assertThat(table.find(new long[] {-1L, 5L})).isEqualTo(-1);
      assertThat(table.find(new long[] {0L, -1L})).isEqualTo(-1);
      assertThat(table.find(new long[] {0L, 0L})).as("the NULL key row").isEqualTo(-1);
    }
  }

  @Test
  void emptyBuildSideFindsNothing() {
    FieldVector keys = column(DataType.BIGINT);
    FieldVector payload = column(DataType.DOUBLE);
    try (JoinHashTable table =
        JoinHashTable.build(List.of(keys), List.of(DataType.BIGINT), List.of(payload))) {
      assertThat(table.rowCount()).isZero();
      assertThat(table.find(0L)).isEqualTo(-1);
      assertThat(table.payload()).containsExactly(payload);
    }
  }

  @Test
  void closeKeepsCallerVectorsOpen() {
    FieldVector keys = column(DataType.BIGINT, 1L);
    FieldVector payload = column(DataType.INTEGER, 10L);
    JoinHashTable table =
        JoinHashTable.build(List.of(keys), List.of(DataType.BIGINT), List.of(payload));
    assertThat(table.isClosed()).isFalse();
    table.close();
    assertThat(table.isClosed()).isTrue();
    assertThat(valueAt(payload, 0)).isEqualTo(10L);
    assertThat(valueAt(keys, 0)).isEqualTo(1L);
  }

  @Test
  void buildRejectsInvalidColumns() {
    FieldVector bigints = column(DataType.BIGINT, 1L, 2L);
    FieldVector shortPayload = column(DataType.INTEGER, 1L);
    assertThatThrownBy(() -> JoinHashTable.build(List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one key column");
    assertThatThrownBy(
            () -> JoinHashTable.build(List.of(bigints), List.of(DataType.INTEGER), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key column 0 must be a");
    assertThatThrownBy(
            () ->
                JoinHashTable.build(
                    List.of(bigints), List.of(DataType.BIGINT, DataType.BIGINT), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 key columns but 2 key types");
    assertThatThrownBy(
            () ->
                JoinHashTable.build(
                    List.of(bigints), List.of(DataType.BIGINT), List.of(shortPayload)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payload column 0 has 1 rows, key column 0 has 2");
  }
}
