package dev.warpsql.kernels.cuda;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * Device copies of host vectors that a query made, such as a pipeline's output, kept so that the
 * next pipeline or hash build on the same device reads them without copying the vectors to the
 * device again. A copy is found by the identity of its host vector, whose values it equals.
 *
 * <p>Memory: every copy is charged to this object's owner, and {@link #close()} frees them all. The
 * host vectors stay owned by their batch and must not change while their copies are in use.
 * Thread-safe.
 */
public final class DeviceCopies implements AutoCloseable {
  private final DeviceApi device;
  private final DeviceMemoryPool pool;
  private final DeviceMemoryOwner owner;
  private final Map<FieldVector, ColumnUpload> copies = new IdentityHashMap<>();
  private boolean closed;

  /** Creates an empty set whose copies {@code pool} allocates under the owner {@code name}. */
  public DeviceCopies(DeviceApi device, DeviceMemoryPool pool, String name) {
    this.device = Objects.requireNonNull(device, "device");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.owner = pool.newOwner(name);
  }

  /** Returns the device the copies live on. */
  public DeviceApi device() {
    return device;
  }

  /** Returns the pool that the copies come from. */
  public DeviceMemoryPool pool() {
    return pool;
  }

  /** Returns the owner that new copies are charged to. */
  public DeviceMemoryOwner owner() {
    return owner;
  }

  /** Records {@code copy} as the device copy of {@code vector}. This object then closes it. */
  public synchronized void put(FieldVector vector, ColumnUpload copy) {
    if (closed) {
      copy.close();
      throw new IllegalStateException("device copies " + owner.name() + " are closed");
    }
    ColumnUpload previous = copies.put(vector, copy);
    if (previous != null) {
      previous.close();
    }
  }

  /** Frees the copy of {@code vector}, if it has one. */
  public synchronized void remove(FieldVector vector) {
    ColumnUpload copy = copies.remove(vector);
    if (copy != null) {
      copy.close();
    }
  }

  /** Returns the copy of {@code vector}, or null when it has none. */
  public synchronized ColumnUpload copyOf(FieldVector vector) {
    return closed ? null : copies.get(vector);
  }

  /**
   * Returns the kernel's view of the copy of {@code vector}, or null when it has no usable copy. A
   * column declared NOT NULL, or without NULLs, gets no bitmap, as {@link ColumnUpload#upload}
   * gives it none. A copy without a bitmap is unusable for a vector with NULLs.
   */
  public DeviceColumn column(FieldVector vector, boolean nullable) {
    ColumnUpload copy = copyOf(vector);
    if (copy == null) {
      return null;
    }
    DeviceColumn column = copy.column();
    if (!nullable || vector.getNullCount() == 0) {
      return new DeviceColumn(column.data(), 0);
    }
    return column.validity() == 0 ? null : column;
  }

  /** Returns the number of vectors with a copy. */
  public synchronized int size() {
    return copies.size();
  }

  /** Returns the bytes of all copies. */
  public long bytes() {
    return owner.allocatedBytes();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    copies.values().forEach(ColumnUpload::close);
    copies.clear();
    owner.close();
  }
}
