package dev.warpsql.kernels.cuda;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The account that device buffers are charged to, such as one pipeline execution or the residency
 * manager, made by {@link DeviceMemoryPool#newOwner}. Closing an owner that still has buffers frees
 * them and raises an error that lists them, so a leak fails the test or query that caused it.
 *
 * <p>Thread-safe: the pool's lock guards every owner.
 */
public final class DeviceMemoryOwner implements AutoCloseable {
  private final DeviceMemoryPool pool;
  private final String name;
  private final Set<DeviceBuffer> live = new LinkedHashSet<>();
  private long allocatedBytes;
  private boolean closed;

  DeviceMemoryOwner(DeviceMemoryPool pool, String name) {
    this.pool = pool;
    this.name = name;
  }

  public String name() {
    return name;
  }

  /**
   * Allocates a buffer of {@code bytes} bytes with undefined contents; the caller closes it, or
   * this owner's close frees it.
   *
   * @throws DeviceException with {@link DeviceException.Kind#OUT_OF_MEMORY} when the pool has no
   *     room even after asking its pressure handler to free memory
   */
  public DeviceBuffer allocate(String bufferName, long bytes) {
    return pool.allocate(this, bufferName, bytes);
  }

  /** Returns the bytes of this owner's live buffers, as requested. */
  public long allocatedBytes() {
    synchronized (pool) {
      return allocatedBytes;
    }
  }

  /** Returns the owner's live buffers, in allocation order. */
  public List<DeviceBuffer> liveBuffers() {
    synchronized (pool) {
      return new ArrayList<>(live);
    }
  }

  /**
   * Closes the owner. Buffers still live are freed, and then an {@link IllegalStateException} lists
   * them.
   */
  @Override
  public void close() {
    List<DeviceBuffer> leaked;
    synchronized (pool) {
      if (closed) {
        return;
      }
      closed = true;
      leaked = new ArrayList<>(live);
      for (DeviceBuffer buffer : leaked) {
        release(buffer);
      }
      pool.ownerClosed(this);
    }
    if (!leaked.isEmpty()) {
      throw new IllegalStateException(
          "device memory owner '"
              + name
              + "' closed with "
              + leaked.size()
              + " live buffers: "
              + leaked);
    }
  }

  void added(DeviceBuffer buffer) {
    if (closed) {
      throw new IllegalStateException("device memory owner '" + name + "' is closed");
    }
    live.add(buffer);
    allocatedBytes += buffer.bytes();
  }

  void release(DeviceBuffer buffer) {
    synchronized (pool) {
      if (buffer.released) {
        return;
      }
      buffer.released = true;
      live.remove(buffer);
      allocatedBytes -= buffer.bytes();
      pool.release(buffer);
    }
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return name + " " + live;
  }
}
