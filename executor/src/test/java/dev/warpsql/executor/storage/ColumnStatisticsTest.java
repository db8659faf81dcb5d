package dev.warpsql.executor.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.ir.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ColumnStatisticsTest {
  private static final TableSchema SCHEMA =
      TableSchema.of(
          ColumnSchema.nullable("key", DataType.INTEGER),
          ColumnSchema.nullable("nation", DataType.INTEGER),
          ColumnSchema.nullable("wide", DataType.BIGINT),
          ColumnSchema.nullable("price", DataType.DOUBLE),
          ColumnSchema.nullable("name", DataType.varchar(10)),
          ColumnSchema.nullable("flag", DataType.BOOLEAN),
          ColumnSchema.nullable("empty", DataType.INTEGER));

  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** Builds 1,000 rows in chunks of 64, with a NULL in every column of every tenth row. */
  private Table buildTable() {
    try (TableBuilder builder = new TableBuilder("t", SCHEMA, allocator, 64)) {
      for (int row = 0; row < 1000; row++) {
        if (row % 10 == 9) {
          for (int column = 0; column < SCHEMA.size(); column++) {
            builder.setNull(column);
          }
          builder.endRow();
          continue;
        }
        builder.setLong(0, row);
        builder.setLong(1, row % 25);
        builder.setLong(2, row % 2 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        builder.setDouble(3, 1.5);
        builder.setString(4, "n" + row % 7);
        builder.setBoolean(5, row % 3 == 0);
        builder.setNull(6);
        builder.endRow();
      }
      return builder.build();
    }
  }

  @Test
  void denseKeyBoundIsItsRowCount() {
    try (Table table = buildTable()) {
      assertThat(ColumnStatistics.distinctValueBound(table, 0)).isEqualTo(900);
    }
  }

  @Test
  void narrowRangeBoundsFewValues() {
    try (Table table = buildTable()) {
      assertThat(ColumnStatistics.distinctValueBound(table, 1)).isEqualTo(25);
      assertThat(ColumnStatistics.distinctValueBound(table, 5)).isEqualTo(2);
    }
  }

  @Test
  void fullLongRangeDoesNotOverflow() {
    try (Table table = buildTable()) {
      assertThat(ColumnStatistics.distinctValueBound(table, 2)).isEqualTo(900);
    }
  }

  @Test
  void doubleBoundIsNonNullRowCount() {
    try (Table table = buildTable()) {
      assertThat(ColumnStatistics.distinctValueBound(table, 3)).isEqualTo(900);
    }
  }

  @Test
  void varcharBoundIsDictionarySize() {
    try (Table table = buildTable()) {
      assertThat(ColumnStatistics.distinctValueBound(table, 4)).isEqualTo(7);
    }
  }

  @Test
  void allNullColumnHasNoValues() {
    try (Table table = buildTable()) {
      assertThat(ColumnStatistics.distinctValueBound(table, 6)).isZero();
    }
  }
}
