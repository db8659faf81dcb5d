package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ptxsim.SimDevice;
import dev.warpsql.kernels.ptxsim.SimLaunch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceCopiesTest {
  private SimDevice device;
  private DeviceMemoryPool pool;
  private BufferAllocator allocator;
  private BigIntVector values;

  @BeforeEach
  void setUp() {
    device = new SimDevice(SimLaunch.Options.sequential());
    pool = new DeviceMemoryPool(device, 1 << 16, 1 << 20);
    allocator = new RootAllocator();
    values = new BigIntVector("values", allocator);
    values.allocateNew(3);
    values.set(0, 7);
    values.setNull(1);
    values.set(2, -7);
    values.setValueCount(3);
  }

  @AfterEach
  void tearDown() {
    values.close();
    allocator.close();
    pool.close();
    device.close();
  }

  private ColumnUpload upload(DeviceMemoryOwner owner) {
    return ColumnUpload.upload(
        device, owner, "values", values, dev.warpsql.kernels.ir.DataType.BIGINT, true, 3);
  }

  @Test
  void columnFollowsDeclaredNullability() {
    try (DeviceCopies copies = new DeviceCopies(device, pool, "copies")) {
      copies.put(values, upload(copies.owner()));

      assertThat(copies.column(values, true).validity()).isNotZero();
      assertThat(copies.column(values, false).validity()).isZero();
    }
  }

  @Test
  void copyWithoutBitmapIsUnusableForNulls() {
    try (DeviceCopies copies = new DeviceCopies(device, pool, "copies")) {
      DeviceBuffer data = copies.owner().allocate("data", 24);
      copies.put(values, ColumnUpload.ofBuffers(data, null));

      assertThat(copies.column(values, true)).isNull();
      assertThat(copies.column(values, false)).isNotNull();
    }
  }

  @Test
  void copyWithinDeviceMovesBytes() {
    try (DeviceCopies copies = new DeviceCopies(device, pool, "copies")) {
      ColumnUpload source = upload(copies.owner());
      DeviceBuffer target = copies.owner().allocate("target", 24);

      device.copyWithinDevice(target.address(), source.column().data(), 24);

      ByteBuffer read = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
      device.copyToHost(read, target.address());
      assertThat(read.getLong(0)).isEqualTo(7);
      assertThat(read.getLong(16)).isEqualTo(-7);
      target.close();
      source.close();
    }
  }

  @Test
  void closeFreesEveryCopy() {
    DeviceCopies copies = new DeviceCopies(device, pool, "copies");
    copies.put(values, upload(copies.owner()));
    assertThat(pool.allocatedBytes()).isPositive();

    copies.close();

    assertThat(pool.allocatedBytes()).isZero();
    assertThat(copies.copyOf(values)).isNull();
    try (DeviceMemoryOwner late = pool.newOwner("late")) {
      assertThatThrownBy(() -> copies.put(values, upload(late)))
          .isInstanceOf(IllegalStateException.class);
      assertThat(late.allocatedBytes()).as("the rejected copy is freed").isZero();
    }
  }

  @Test
  void removeFreesOneCopy() {
    try (DeviceCopies copies = new DeviceCopies(device, pool, "copies")) {
      copies.put(values, upload(copies.owner()));

      copies.remove(values);

      assertThat(copies.size()).isZero();
      assertThat(copies.bytes()).isZero();
    }
  }
}
