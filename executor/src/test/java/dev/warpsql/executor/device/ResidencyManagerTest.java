package dev.warpsql.executor.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.cuda.DeviceBuffer;
import dev.warpsql.kernels.cuda.DeviceMemoryOwner;
import dev.warpsql.kernels.cuda.DeviceMemoryPool;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ptxsim.SimDevice;
import dev.warpsql.kernels.ptxsim.SimLaunch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResidencyManagerTest {
  private static final int ROWS = 1000;

  /** Bytes of one resident chunk of {@link #ROWS} integers without NULLs. */
  private static final long CHUNK_BYTES = ROWS * 4L;

  private BufferAllocator allocator;
  private SimDevice device;
  private DeviceMemoryPool pool;
  private final List<IntVector> vectors = new ArrayList<>();

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    device = new SimDevice(SimLaunch.Options.sequential(), 1 << 20);
    pool = new DeviceMemoryPool(device, 64 << 10, 1 << 20);
  }

  @AfterEach
  void tearDown() {
    pool.close();
    vectors.forEach(IntVector::close);
    allocator.close();
  }

  private IntVector chunk(int first) {
    IntVector vector = new IntVector("c", allocator);
    vector.allocateNew(ROWS);
    for (int row = 0; row < ROWS; row++) {
      vector.set(row, first + row);
    }
    vector.setValueCount(ROWS);
    vectors.add(vector);
    return vector;
  }

  private ResidencyManager.Lease lease(ResidencyManager residency, IntVector vector) {
    return residency.acquire(vector, DataType.INTEGER, false, ROWS);
  }

  @Test
  void chunkUploadsOnceWhileResident() {
    try (ResidencyManager residency = new ResidencyManager(device, pool, 10 * CHUNK_BYTES)) {
      IntVector vector = chunk(0);
      long first;
      try (ResidencyManager.Lease lease = lease(residency, vector)) {
        first = lease.column().data();
      }
      try (ResidencyManager.Lease lease = lease(residency, vector)) {
        assertThat(lease.column().data()).isEqualTo(first);
      }

      ResidencyManager.Stats stats = residency.stats();
      assertThat(stats.uploads()).isEqualTo(1);
      assertThat(stats.hits()).isEqualTo(1);
      assertThat(stats.residentBytes()).isEqualTo(CHUNK_BYTES);
    }
  }

  @Test
  void residentCopyHoldsChunkValues() {
    try (ResidencyManager residency = new ResidencyManager(device, pool, 10 * CHUNK_BYTES);
        ResidencyManager.Lease lease = lease(residency, chunk(500))) {
      ByteBuffer copy = ByteBuffer.allocate((int) CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);

      device.copyToHost(copy, lease.column().data());

      assertThat(copy.getInt(0)).isEqualTo(500);
      assertThat(copy.getInt(4 * (ROWS - 1))).isEqualTo(500 + ROWS - 1);
      assertThat(lease.column().validity()).as("validity of a chunk without NULLs").isZero();
    }
  }

  @Test
  void leastRecentlyUsedChunkIsEvicted() {
    try (ResidencyManager residency = new ResidencyManager(device, pool, 2 * CHUNK_BYTES)) {
      IntVector a = chunk(0);
      IntVector b = chunk(1000);
      IntVector c = chunk(2000);
      lease(residency, a).close();
      lease(residency, b).close();
      lease(residency, a).close();
      lease(residency, c).close();

      assertThat(residency.stats().evictions()).isEqualTo(1);
      lease(residency, a).close();
      lease(residency, c).close();
      assertThat(residency.stats().uploads())
          .as("uploads after a and c were read again")
          .isEqualTo(3);
      lease(residency, b).close();
      assertThat(residency.stats().uploads()).as("uploads after b was read again").isEqualTo(4);
    }
  }

  @Test
  void leasedChunkIsNotEvicted() {
    try (ResidencyManager residency = new ResidencyManager(device, pool, CHUNK_BYTES)) {
      IntVector a = chunk(0);
      IntVector b = chunk(1000);
      ResidencyManager.Lease leased = lease(residency, a);
      ResidencyManager.Lease other = lease(residency, b);

      assertThat(residency.stats().chunks()).isEqualTo(2);
      assertThat(residency.stats().evictions()).isZero();
      leased.close();
      assertThat(residency.stats().chunks()).isEqualTo(1);
      assertThat(residency.stats().evictions()).isEqualTo(1);
      other.close();
    }
  }

  @Test
  void poolPressureEvictsUnusedChunks() {
    DeviceMemoryPool small = new DeviceMemoryPool(device, 4096, 3 * 4096);
    try (ResidencyManager residency = new ResidencyManager(device, small, 1 << 20);
        DeviceMemoryOwner query = small.newOwner("query")) {
      small.setPressureHandler(residency::evict);
      lease(residency, chunk(0)).close();
      lease(residency, chunk(1000)).close();
      lease(residency, chunk(2000)).close();

      DeviceBuffer scratch = query.allocate("scratch", CHUNK_BYTES);

      assertThat(residency.stats().evictions()).isEqualTo(1);
      scratch.close();
    } finally {
      small.close();
    }
  }

  @Test
  void closeWithOpenLeaseFails() {
    ResidencyManager residency = new ResidencyManager(device, pool, CHUNK_BYTES);
    lease(residency, chunk(0));

    assertThatThrownBy(residency::close)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 column chunks were leased");
    assertThat(pool.allocatedBytes()).isZero();
  }
}
