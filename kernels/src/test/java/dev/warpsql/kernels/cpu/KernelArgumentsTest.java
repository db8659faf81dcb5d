package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

class KernelArgumentsTest {
  /** Kernels read inputs by address, so this check is all that keeps a run inside its vectors. */
  @Test
  void rowRangePastVectorEndIsRejected() {
    try (BufferAllocator allocator = new RootAllocator();
        IntVector input = new IntVector("l_quantity", allocator)) {
      input.allocateNew(3);
      input.setValueCount(3);

      assertThatCode(() -> KernelArguments.checkRowRange(input, 3)).doesNotThrowAnyException();
      assertThatThrownBy(() -> KernelArguments.checkRowRange(input, 4))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessageContaining("rows end at 4")
          .hasMessageContaining("3 values of l_quantity");
    }
  }
}
