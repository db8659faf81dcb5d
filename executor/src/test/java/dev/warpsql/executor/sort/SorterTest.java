package dev.warpsql.executor.sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.executor.storage.PhysicalValues;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SorterTest {
  private BufferAllocator allocator;
  private final List<FieldVector> owned = new ArrayList<>();

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    owned.forEach(FieldVector::close);
    allocator.close();
  }

  /** Creates a vector of the given type; a null entry in values becomes NULL. */
  private FieldVector vector(DataType type, Long... values) {
    FieldVector vector = ArrowColumns.createVector("c", type, true, 0, allocator);
    owned.add(vector);
    vector.allocateNew();
    for (int row = 0; row < values.length; row++) {
      Long value = values[row];
      if (value == null) {
        vector.setNull(row);
        continue;
      }
      long v = value;
      switch (type.kind()) {
        case BOOLEAN -> ((BitVector) vector).setSafe(row, (int) v);
        case TINYINT -> ((TinyIntVector) vector).setSafe(row, (byte) v);
        case SMALLINT -> ((SmallIntVector) vector).setSafe(row, (short) v);
        case INTEGER, VARCHAR -> ((IntVector) vector).setSafe(row, (int) v);
        case BIGINT, DECIMAL -> ((BigIntVector) vector).setSafe(row, v);
        case DATE -> ((DateDayVector) vector).setSafe(row, (int) v);
        case TIME -> ((TimeMicroVector) vector).setSafe(row, v);
        case TIMESTAMP -> ((TimeStampMicroVector) vector).setSafe(row, v);
        default -> throw new IllegalArgumentException(type.toString());
      }
    }
    vector.setValueCount(values.length);
    return vector;
  }

  private FieldVector doubles(DataType type, Double... values) {
    FieldVector vector = ArrowColumns.createVector("d", type, true, 0, allocator);
    owned.add(vector);
    vector.allocateNew();
    for (int row = 0; row < values.length; row++) {
      if (values[row] == null) {
        vector.setNull(row);
      } else if (vector instanceof Float4Vector real) {
        real.setSafe(row, values[row].floatValue());
      } else {
        ((Float8Vector) vector).setSafe(row, values[row]);
      }
    }
    vector.setValueCount(values.length);
    return vector;
  }

  private static int[] ascending(FieldVector vector, DataType type) {
    return Sorter.sortedRows(
        List.of(vector), List.of(SortKey.ascending(0, type, null)), 0, Sorter.ALL_ROWS);
  }

  @Test
  void everyIntegerRegisterTypeSortsByValue() {
    Long[] signed = {100L, -5L, null, 7L};
    int[] signedOrder = {1, 3, 0, 2};
    DataType[] signedTypes = {
      DataType.TINYINT,
      DataType.SMALLINT,
      DataType.INTEGER,
      DataType.BIGINT,
      DataType.decimal(12, 3),
      DataType.DATE,
      DataType.TIMESTAMP
    };
    for (DataType type : signedTypes) {
      assertThat(ascending(vector(type, signed), type))
          .as(type.toString())
          .containsExactly(signedOrder);
    }
    assertThat(ascending(vector(DataType.BOOLEAN, 1L, 0L, null, 1L), DataType.BOOLEAN))
        .containsExactly(1, 0, 3, 2);
    assertThat(ascending(vector(DataType.TIME, 500L, 3L, null, 86_399_999_999L), DataType.TIME))
        .containsExactly(1, 0, 3, 2);
  }

  @Test
  void bigintComparesFullRange() {
    FieldVector vector = vector(DataType.BIGINT, Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L);
    assertThat(ascending(vector, DataType.BIGINT)).containsExactly(1, 3, 2, 0);
  }

  @Test
  void doublesSortNanLastAndZerosEqual() {
    FieldVector vector =
        doubles(DataType.DOUBLE, Double.NaN, 0.0, -0.0, Double.NEGATIVE_INFINITY, 1.5, null, -0.0);
    assertThat(ascending(vector, DataType.DOUBLE)).containsExactly(3, 1, 2, 6, 4, 0, 5);
    int[] descending =
        Sorter.sortedRows(
            List.of(vector),
            List.of(new SortKey(0, DataType.DOUBLE, true, false, null)),
            0,
            Sorter.ALL_ROWS);
    assertThat(descending).containsExactly(0, 4, 1, 2, 6, 3, 5);
  }

  @Test
  void realSortsLikeDouble() {
    FieldVector vector = doubles(DataType.REAL, 2.5, Double.NaN, -1.0, null);
    assertThat(ascending(vector, DataType.REAL)).containsExactly(2, 0, 1, 3);
  }

  @Test
  void nullPlacementIsIndependentOfDirection() {
    FieldVector vector = vector(DataType.INTEGER, 2L, null, 1L, null, 3L);
    List<FieldVector> columns = List.of(vector);
    assertThat(sorted(columns, new SortKey(0, DataType.INTEGER, false, true, null)))
        .containsExactly(1, 3, 2, 0, 4);
    assertThat(sorted(columns, new SortKey(0, DataType.INTEGER, false, false, null)))
        .containsExactly(2, 0, 4, 1, 3);
    assertThat(sorted(columns, new SortKey(0, DataType.INTEGER, true, true, null)))
        .containsExactly(1, 3, 4, 0, 2);
    assertThat(sorted(columns, new SortKey(0, DataType.INTEGER, true, false, null)))
        .containsExactly(4, 0, 2, 1, 3);
  }

  @Test
  void varcharSortsByStringNotCode() {
    StringDictionary dictionary = new StringDictionary();
    long pear = dictionary.encode("pear");
    long apple = dictionary.encode("apple");
    long zebra = dictionary.encode("Zebra");
    long emoji = dictionary.encode("\uD83D\uDE00");
    long privateUse = dictionary.encode("\uE000");
    long empty = dictionary.encode("");
    FieldVector vector =
        vector(DataType.VARCHAR, pear, apple, null, zebra, emoji, privateUse, empty, apple);
    List<FieldVector> columns = List.of(vector);
    // Code point order: "" < "Zebra" < "apple" < "pear" < U+E000 < U+1F600.
    assertThat(sorted(columns, SortKey.ascending(0, DataType.VARCHAR, dictionary)))
        .containsExactly(6, 3, 1, 7, 0, 5, 4, 2);
    assertThat(sorted(columns, SortKey.descending(0, DataType.VARCHAR, dictionary)))
        .containsExactly(2, 4, 5, 0, 1, 7, 3, 6);
  }

  @Test
  void varcharKeyNeedsDictionary() {
    assertThatThrownBy(() -> SortKey.ascending(0, DataType.VARCHAR, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void multipleKeysAndStability() {
    FieldVector group = vector(DataType.INTEGER, 2L, 1L, 2L, 1L, 2L, 1L);
    FieldVector value = vector(DataType.BIGINT, 5L, 5L, 3L, 9L, 5L, 5L);
    List<FieldVector> columns = List.of(group, value);
    int[] byGroupThenValueDesc =
        Sorter.sortedRows(
            columns,
            List.of(
                SortKey.ascending(0, DataType.INTEGER, null),
                new SortKey(1, DataType.BIGINT, true, false, null)),
            0,
            Sorter.ALL_ROWS);
    assertThat(byGroupThenValueDesc).containsExactly(3, 1, 5, 0, 4, 2);
    // Equal keys keep input order, ascending and descending alike.
    assertThat(sorted(columns, SortKey.ascending(1, DataType.BIGINT, null)))
        .containsExactly(2, 0, 1, 4, 5, 3);
    assertThat(sorted(columns, new SortKey(1, DataType.BIGINT, true, false, null)))
        .containsExactly(3, 0, 1, 4, 5, 2);
    assertThat(Sorter.sortedRows(columns, List.of(), 1, 2)).containsExactly(1, 2);
  }

  @Test
  void offsetAndFetchSliceTheOrder() {
    FieldVector vector = vector(DataType.BIGINT, 50L, 10L, 40L, 20L, 30L);
    List<FieldVector> columns = List.of(vector);
    List<SortKey> keys = List.of(SortKey.ascending(0, DataType.BIGINT, null));
    assertThat(Sorter.sortedRows(columns, keys, 1, 2)).containsExactly(3, 4);
    assertThat(Sorter.sortedRows(columns, keys, 3, Sorter.ALL_ROWS)).containsExactly(2, 0);
    assertThat(Sorter.sortedRows(columns, keys, 0, 0)).isEmpty();
    assertThat(Sorter.sortedRows(columns, keys, 5, 10)).isEmpty();
    assertThat(Sorter.sortedRows(columns, keys, 4, Long.MAX_VALUE)).containsExactly(0);
    assertThatThrownBy(() -> Sorter.sortedRows(columns, keys, -1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sorter.sortedRows(columns, keys, 0, -2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void topNMatchesFullSort() {
    Random random = new Random(42);
    int rows = 5000;
    Long[] values = new Long[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = random.nextInt(10) == 0 ? null : (long) random.nextInt(100);
    }
    FieldVector vector = vector(DataType.BIGINT, values);
    List<FieldVector> columns = List.of(vector);
    List<SortKey> keys = List.of(new SortKey(0, DataType.BIGINT, true, true, null));
    int[] full = Sorter.sortedRows(columns, keys, 0, Sorter.ALL_ROWS);
    Integer[] expected = IntStream.range(0, rows).boxed().toArray(Integer[]::new);
    Comparator<Integer> nullsFirstDescending =
        Comparator.comparing(
            (Integer row) -> values[row], Comparator.nullsFirst(Comparator.reverseOrder()));
    Arrays.sort(expected, nullsFirstDescending);
    assertThat(full).containsExactly(Arrays.stream(expected).mapToInt(i -> i).toArray());
    for (int[] slice : new int[][] {{0, 1}, {0, 10}, {37, 50}, {0, 1249}, {100, 1150}}) {
      int offset = slice[0];
      int fetch = slice[1];
      assertThat(Sorter.sortedRows(columns, keys, offset, fetch))
          .as("offset %d fetch %d", offset, fetch)
          .containsExactly(Arrays.copyOfRange(full, offset, offset + fetch));
    }
  }

  @Test
  void sortReturnsGatheredVectors() {
    StringDictionary dictionary = new StringDictionary();
    FieldVector names =
        ArrowColumns.createVector("name", DataType.VARCHAR, true, dictionary.id(), allocator);
    owned.add(names);
    names.allocateNew();
    String[] strings = {"carol", null, "alice", "bob"};
    for (int row = 0; row < strings.length; row++) {
      if (strings[row] == null) {
        names.setNull(row);
      } else {
        ((IntVector) names).setSafe(row, dictionary.encode(strings[row]));
      }
    }
    names.setValueCount(strings.length);
    FieldVector amounts = doubles(DataType.DOUBLE, 3.0, 4.0, 1.0, 2.0);
    List<FieldVector> result =
        Sorter.sort(
            List.of(names, amounts),
            List.of(SortKey.ascending(0, DataType.VARCHAR, dictionary)),
            1,
            2,
            allocator);
    try {
      assertThat(result).hasSize(2);
      assertThat(result.get(0).getField()).isEqualTo(names.getField());
      assertThat(result.get(0).getValueCount()).isEqualTo(2);
      assertThat(dictionary.value((int) PhysicalValues.readLong(result.get(0), 0)))
          .isEqualTo("bob");
      assertThat(dictionary.value((int) PhysicalValues.readLong(result.get(0), 1)))
          .isEqualTo("carol");
      assertThat(PhysicalValues.readDouble(result.get(1), 0)).isEqualTo(2.0);
      assertThat(PhysicalValues.readDouble(result.get(1), 1)).isEqualTo(3.0);
    } finally {
      result.forEach(FieldVector::close);
    }
  }

  @Test
  void gatherKeepsNulls() {
    DataType[] types = {DataType.INTEGER, DataType.BOOLEAN, DataType.TIMESTAMP, DataType.TINYINT};
    List<FieldVector> columns = new ArrayList<>();
    for (DataType type : types) {
      columns.add(vector(type, 1L, null, 0L));
    }
    List<FieldVector> result = Sorter.gather(columns, new int[] {1, 2, 1, 0}, allocator);
    try {
      for (int column = 0; column < types.length; column++) {
        FieldVector gathered = result.get(column);
        assertThat(gathered.getField()).isEqualTo(columns.get(column).getField());
        assertThat(gathered.getValueCount()).isEqualTo(4);
        assertThat(gathered.isNull(0)).isTrue();
        assertThat(PhysicalValues.readLong(gathered, 1)).isZero();
        assertThat(gathered.isNull(2)).isTrue();
        assertThat(PhysicalValues.readLong(gathered, 3)).isEqualTo(1);
      }
    } finally {
      result.forEach(FieldVector::close);
    }
  }

  @Test
  void gatherCopiesEveryWidth() {
    DataType[] types = {
      DataType.TINYINT, DataType.SMALLINT, DataType.INTEGER, DataType.BIGINT, DataType.BOOLEAN
    };
    int rows = 1_000;
    List<FieldVector> columns = new ArrayList<>();
    for (int t = 0; t < types.length; t++) {
      Long[] values = new Long[rows];
      for (int row = 0; row < rows; row++) {
        boolean isNull = t % 2 == 1 && row % 7 == 0;
        values[row] =
            isNull ? null : (long) ((row * 31 + t) % (types[t] == DataType.BOOLEAN ? 2 : 100));
      }
      columns.add(vector(types[t], values));
    }
    int[] order = new int[rows + 3];
    for (int i = 0; i < order.length; i++) {
      order[i] = (i * 617) % rows;
    }

    List<FieldVector> result = Sorter.gather(columns, order, allocator);
    try {
      for (int column = 0; column < types.length; column++) {
        FieldVector source = columns.get(column);
        FieldVector gathered = result.get(column);
        assertThat(gathered.getValueCount()).isEqualTo(order.length);
        for (int i = 0; i < order.length; i++) {
          assertThat(gathered.getObject(i))
              .as("%s row %d", types[column], i)
              .isEqualTo(source.getObject(order[i]));
        }
      }
    } finally {
      result.forEach(FieldVector::close);
    }
  }

  @Test
  void mismatchedKeyTypeIsRejected() {
    FieldVector vector = vector(DataType.BIGINT, 1L, 2L);
    assertThatThrownBy(() -> ascending(vector, DataType.DOUBLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOUBLE");
    assertThatThrownBy(
            () ->
                Sorter.sortedRows(
                    List.of(vector),
                    List.of(SortKey.ascending(3, DataType.BIGINT, null)),
                    0,
                    Sorter.ALL_ROWS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int[] sorted(List<FieldVector> columns, SortKey key) {
    return Sorter.sortedRows(columns, List.of(key), 0, Sorter.ALL_ROWS);
  }
}
