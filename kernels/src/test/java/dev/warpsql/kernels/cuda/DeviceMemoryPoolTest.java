package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeviceMemoryPoolTest {
  private static final long MIB = 1 << 20;

  private final FakeDevice device = new FakeDevice(64 * MIB);

  @Test
  void buffersShareOneBlock() {
    try (DeviceMemoryPool pool = new DeviceMemoryPool(device, 4 * MIB, 32 * MIB);
        DeviceMemoryOwner owner = pool.newOwner("query")) {
      List<DeviceBuffer> buffers = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        buffers.add(owner.allocate("buffer " + i, 1000 + i));
      }

      assertThat(device.allocateCalls).isEqualTo(1);
      assertThat(pool.blockAllocations()).isEqualTo(1);
      assertThat(owner.allocatedBytes()).isEqualTo(100 * 1000 + 99 * 100 / 2);
      for (DeviceBuffer buffer : buffers) {
        assertThat(buffer.address() % DeviceMemoryPool.ALIGNMENT).isZero();
      }
      buffers.forEach(DeviceBuffer::close);
    }
  }

  @Test
  void buffersDoNotOverlap() {
    try (DeviceMemoryPool pool = new DeviceMemoryPool(device, MIB, 32 * MIB);
        DeviceMemoryOwner owner = pool.newOwner("query")) {
      DeviceBuffer first = owner.allocate("first", 300);
      DeviceBuffer second = owner.allocate("second", 1);
      DeviceBuffer third = owner.allocate("third", 256);

      assertThat(second.address()).isGreaterThanOrEqualTo(first.address() + 300);
      assertThat(third.address()).isGreaterThanOrEqualTo(second.address() + 1);
      first.close();
      second.close();
      third.close();
    }
  }

  @Test
  void randomAllocationsNeverOverlap() {
    Random random = new Random(42);
    try (DeviceMemoryPool pool = new DeviceMemoryPool(device, 256 << 10, 32 * MIB);
        DeviceMemoryOwner owner = pool.newOwner("query")) {
      List<DeviceBuffer> live = new ArrayList<>();
      for (int step = 0; step < 2000; step++) {
        if (!live.isEmpty() && random.nextInt(3) == 0) {
          live.remove(random.nextInt(live.size())).close();
          continue;
        }
        DeviceBuffer buffer = owner.allocate("buffer " + step, 1 + random.nextInt(20_000));
        for (DeviceBuffer other : live) {
          boolean disjoint =
              buffer.address() + buffer.bytes() <= other.address()
                  || other.address() + other.bytes() <= buffer.address();
          assertThat(disjoint).as("%s overlaps %s at step %d", buffer, other, step).isTrue();
        }
        live.add(buffer);
      }
      live.forEach(DeviceBuffer::close);
      assertThat(pool.allocatedBytes()).isZero();
    }
  }

  @Test
  void releasedRangesMergeForReuse() {
    try (DeviceMemoryPool pool = new DeviceMemoryPool(device, MIB, 32 * MIB);
        DeviceMemoryOwner owner = pool.newOwner("query")) {
      DeviceBuffer a = owner.allocate("a", MIB / 2);
      DeviceBuffer b = owner.allocate("b", MIB / 2);
      long start = a.address();
      a.close();
      b.close();

      DeviceBuffer whole = owner.allocate("whole", MIB);

      assertThat(whole.address()).isEqualTo(start);
      assertThat(pool.blockAllocations()).isEqualTo(1);
      whole.close();
    }
  }

  @Test
  void largeRequestGetsOwnBlock() {
    try (DeviceMemoryPool pool = new DeviceMemoryPool(device, MIB, 32 * MIB);
        DeviceMemoryOwner owner = pool.newOwner("query")) {
      DeviceBuffer large = owner.allocate("large", 5 * MIB + 1);

      assertThat(pool.reservedBytes()).isEqualTo(5 * MIB + DeviceMemoryPool.ALIGNMENT);
      large.close();
      assertThat(pool.trim()).isEqualTo(5 * MIB + DeviceMemoryPool.ALIGNMENT);
      assertThat(device.allocations).isEmpty();
    }
  }

  @Test
  void ownerClosedWithLiveBuffersListsThem() {
    try (DeviceMemoryPool pool = new DeviceMemoryPool(device, MIB, 32 * MIB)) {
      DeviceMemoryOwner owner = pool.newOwner("pipeline3");
      owner.allocate("in0 data", 4096);
      DeviceBuffer freed = owner.allocate("out_count", 4);
      owner.allocate("out0 validity", 8);
      freed.close();

      assertThatThrownBy(owner::close)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'pipeline3' closed with 2 live buffers")
          .hasMessageContaining("in0 data (4096 bytes)")
          .hasMessageContaining("out0 validity (8 bytes)")
          .hasMessageNotContaining("out_count");
      assertThat(pool.allocatedBytes()).isZero();
    }
  }

  @Test
  void poolClosedWithOpenOwnerFails() {
    DeviceMemoryPool pool = new DeviceMemoryPool(device, MIB, 32 * MIB);
    DeviceMemoryOwner owner = pool.newOwner("forgotten");
    owner.allocate("chunk", 100);

    assertThatThrownBy(pool::close)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 open owners")
        .hasMessageContaining("forgotten")
        .hasMessageContaining("chunk (100 bytes)");
    assertThat(device.allocations).isEmpty();
  }

  @Test
  void closedOwnerCannotAllocate() {
    try (DeviceMemoryPool pool = new DeviceMemoryPool(device, MIB, 32 * MIB)) {
      DeviceMemoryOwner owner = pool.newOwner("done");
      owner.close();

      assertThatThrownBy(() -> owner.allocate("late", 10))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is closed");
      assertThat(pool.allocatedBytes()).isZero();
    }
  }

  @Test
  void limitRaisesOutOfMemoryAfterPressureHandler() {
    try (DeviceMemoryPool pool = new DeviceMemoryPool(device, MIB, 2 * MIB);
        DeviceMemoryOwner owner = pool.newOwner("query")) {
      DeviceBuffer first = owner.allocate("first", MIB);
      DeviceBuffer second = owner.allocate("second", MIB);
      List<Long> requests = new ArrayList<>();
      pool.setPressureHandler(
          bytes -> {
            requests.add(bytes);
            return false;
          });

      assertThatThrownBy(() -> owner.allocate("third", 10))
          .isInstanceOf(DeviceException.class)
          .hasMessageContaining("cannot allocate 10 bytes for third")
          .extracting(e -> ((DeviceException) e).kind())
          .isEqualTo(DeviceException.Kind.OUT_OF_MEMORY);
      assertThat(requests).containsExactly(10L);
      first.close();
      second.close();
    }
  }

  @Test
  void pressureHandlerMakesRoom() {
    try (DeviceMemoryPool pool = new DeviceMemoryPool(device, MIB, MIB);
        DeviceMemoryOwner owner = pool.newOwner("query")) {
      DeviceBuffer resident = owner.allocate("resident", MIB);
      pool.setPressureHandler(
          bytes -> {
            resident.close();
            return true;
          });

      DeviceBuffer next = owner.allocate("next", MIB);

      assertThat(next.address()).isEqualTo(resident.address());
      next.close();
    }
  }

  @Test
  void deviceOutOfMemoryIsRetriedAfterTrim() {
    FakeDevice small = new FakeDevice(2 * MIB);
    try (DeviceMemoryPool pool = new DeviceMemoryPool(small, MIB, 16 * MIB);
        DeviceMemoryOwner owner = pool.newOwner("query")) {
      owner.allocate("a", MIB).close();
      owner.allocate("b", 2 * MIB - 1).close();

      assertThat(pool.reservedBytes()).isEqualTo(2 * MIB);
      assertThat(small.allocations).hasSize(1);
    }
  }
}
