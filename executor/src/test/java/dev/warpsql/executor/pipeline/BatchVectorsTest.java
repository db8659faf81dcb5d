package dev.warpsql.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchVectorsTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /**
   * Fills a vector of {@code size} values: NULL where {@code row % 3 == 1}, else {@code base +
   * row}.
   */
  private FieldVector vector(DataType type, int size, int base) {
    FieldVector vector = ArrowColumns.createVector("c", type, true, size, allocator);
    vector.allocateNew();
    for (int row = 0; row < size; row++) {
      int value = base + row;
      if (row % 3 == 1) {
        vector.setNull(row);
      } else if (vector instanceof IntVector ints) {
        ints.setSafe(row, value);
      } else if (vector instanceof BigIntVector longs) {
        longs.setSafe(row, value * 1_000_000_007L);
      } else if (vector instanceof Float8Vector doubles) {
        doubles.setSafe(row, value / 4.0);
      } else {
        ((BitVector) vector).setSafe(row, value % 2);
      }
    }
    vector.setValueCount(size);
    return vector;
  }

  @Test
  void concatenateKeepsValuesAndNullsAcrossUnalignedChunks() {
    List<DataType> types =
        List.of(DataType.INTEGER, DataType.BIGINT, DataType.DOUBLE, DataType.BOOLEAN);
    // Chunk sizes put chunk starts on and off validity byte boundaries. Each chunk uses fewer rows
    // than its vectors hold, and some of the rows past its count are not NULL.
    int[] rowCounts = {8, 5, 11, 3, 16};
    List<BatchColumn> columns = new ArrayList<>();
    for (int c = 0; c < types.size(); c++) {
      columns.add(new BatchColumn("c" + c, types.get(c), true, null));
    }
    List<BatchChunk> chunks = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    int base = 0;
    for (int rows : rowCounts) {
      List<FieldVector> vectors = new ArrayList<>();
      for (DataType type : types) {
        vectors.add(vector(type, rows + 5, base));
      }
      for (int row = 0; row < rows; row++) {
        for (FieldVector vector : vectors) {
          expected.add(vector.getObject(row));
        }
      }
      chunks.add(new BatchChunk(rows, vectors, null));
      base += 100;
    }

    try (Batch batch = new Batch(columns, chunks, true)) {
      List<FieldVector> result = BatchVectors.concatenate(batch, allocator);
      try {
        List<Object> actual = new ArrayList<>();
        int total = result.get(0).getValueCount();
        for (int row = 0; row < total; row++) {
          for (FieldVector vector : result) {
            actual.add(vector.getObject(row));
          }
        }
        assertThat(total).isEqualTo(43);
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(result.get(0).getNullCount())
            .isEqualTo(expected.stream().filter(v -> v == null).count() / 4);
      } finally {
        result.forEach(FieldVector::close);
      }
    }
  }

  @Test
  void gatherReadsRowsFromEachChunk() {
    List<DataType> types = List.of(DataType.INTEGER, DataType.BIGINT, DataType.BOOLEAN);
    int[] rowCounts = {0, 7, 0, 0, 4, 9};
    List<BatchColumn> columns = new ArrayList<>();
    for (int c = 0; c < types.size(); c++) {
      columns.add(new BatchColumn("c" + c, types.get(c), true, null));
    }
    List<BatchChunk> chunks = new ArrayList<>();
    List<List<Object>> rowsInOrder = new ArrayList<>();
    int base = 0;
    for (int rows : rowCounts) {
      List<FieldVector> vectors = new ArrayList<>();
      for (DataType type : types) {
        vectors.add(vector(type, rows + 2, base));
      }
      for (int row = 0; row < rows; row++) {
        List<Object> values = new ArrayList<>();
        for (FieldVector vector : vectors) {
          values.add(vector.getObject(row));
        }
        rowsInOrder.add(values);
      }
      chunks.add(new BatchChunk(rows, vectors, null));
      base += 100;
    }
    int[] rows = {19, 0, 7, 6, 11, 10, 3, 19};

    try (Batch batch = new Batch(columns, chunks, true)) {
      List<FieldVector> result = BatchVectors.gather(batch, rows, allocator);
      try {
        assertThat(result).hasSize(types.size());
        for (int i = 0; i < rows.length; i++) {
          for (int c = 0; c < types.size(); c++) {
            assertThat(result.get(c).getObject(i))
                .as("row %d, column %d", rows[i], c)
                .isEqualTo(rowsInOrder.get(rows[i]).get(c));
          }
        }
        assertThat(result.get(0).getValueCount()).isEqualTo(rows.length);
      } finally {
        result.forEach(FieldVector::close);
      }
    }
  }

  @Test
  void concatenateLeavesUnselectedColumnsOut() {
    List<BatchColumn> columns =
        List.of(
            new BatchColumn("k", DataType.INTEGER, true, null),
            new BatchColumn("v", DataType.BIGINT, true, null));
    List<BatchChunk> chunks = new ArrayList<>();
    for (int base : new int[] {0, 100}) {
      chunks.add(
          new BatchChunk(
              5,
              List.of(vector(DataType.INTEGER, 5, base), vector(DataType.BIGINT, 5, base)),
              null));
    }

    try (Batch batch = new Batch(columns, chunks, true)) {
      List<FieldVector> result = BatchVectors.concatenate(batch, allocator, column -> column == 0);
      try {
        assertThat(result).hasSize(2);
        assertThat(result.get(1)).isNull();
        assertThat(result.get(0).getValueCount()).isEqualTo(10);
        assertThat(result.get(0).getObject(5)).isEqualTo(100);
      } finally {
        BatchVectors.closeAll(result);
      }
    }
  }
}
