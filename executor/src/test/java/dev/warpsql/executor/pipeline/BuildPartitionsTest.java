package dev.warpsql.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.cpu.JoinBuildSide;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

class BuildPartitionsTest {
  @Test
  void everyKeyedRowLandsInItsPartition() {
    try (RootAllocator allocator = new RootAllocator();
        BigIntVector keys = new BigIntVector("k", allocator);
        BigIntVector values = new BigIntVector("v", allocator)) {
      int rows = 500;
      keys.allocateNew(rows);
      values.allocateNew(rows);
      for (int row = 0; row < rows; row++) {
        if (row % 9 == 0) {
          keys.setNull(row);
        } else {
          keys.set(row, row % 61);
        }
        values.set(row, row);
      }
      keys.setValueCount(rows);
      values.setValueCount(rows);
      List<FieldVector> payload = List.of(keys, values);
      JoinBuildSide side = JoinBuildSide.of(List.of(keys), List.of(DataType.BIGINT), payload);
      int[] expected = side.partitions(3);

      long before = allocator.getAllocatedMemory();
      List<Long> seen = new ArrayList<>();
      try (BuildPartitions split = BuildPartitions.split(side, 3, allocator)) {
        assertThat(split.sides()).hasSize(8);
        for (int partition = 0; partition < 8; partition++) {
          JoinBuildSide part = split.sides().get(partition);
          assertThat(part.keyColumns().get(0)).isSameAs(part.payload().get(0));
          BigIntVector partValues = (BigIntVector) part.payload().get(1);
          for (int row = 0; row < part.rowCount(); row++) {
            int original = (int) partValues.get(row);
            assertThat(expected[original]).as("row %d", original).isEqualTo(partition);
            seen.add((long) original);
          }
        }
      }

      long keyed = rows - (rows + 8) / 9;
      assertThat(seen).hasSize((int) keyed).doesNotHaveDuplicates();
      assertThat(allocator.getAllocatedMemory()).as("after close").isEqualTo(before);
    }
  }
}
