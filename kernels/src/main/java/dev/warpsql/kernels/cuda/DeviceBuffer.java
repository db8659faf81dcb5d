package dev.warpsql.kernels.cuda;

/**
 * A range of device memory that {@link DeviceMemoryOwner#allocate} carved from a pool block. The
 * buffer belongs to its owner: {@link #close()} returns it to the pool, and closing the owner frees
 * whatever its buffers did not return. The contents start undefined.
 */
public final class DeviceBuffer implements AutoCloseable {
  private final DeviceMemoryOwner owner;
  private final String name;
  private final long address;
  private final long bytes;
  final DeviceMemoryPool.Block block;
  final long offset;
  final long reservedBytes;
  boolean released;

  DeviceBuffer(
      DeviceMemoryOwner owner,
      String name,
      DeviceMemoryPool.Block block,
      long offset,
      long bytes,
      long reservedBytes) {
    this.owner = owner;
    this.name = name;
    this.block = block;
    this.offset = offset;
    this.address = block.base + offset;
    this.bytes = bytes;
    this.reservedBytes = reservedBytes;
  }

  /**
   * Returns the device address of the first byte, aligned to {@link DeviceMemoryPool#ALIGNMENT}.
   */
  public long address() {
    return address;
  }

  /** Returns the size that was requested, in bytes. */
  public long bytes() {
    return bytes;
  }

  /** Returns the name given at allocation, which leak reports show. */
  public String name() {
    return name;
  }

  public DeviceMemoryOwner owner() {
    return owner;
  }

  /** Returns the buffer to the pool; a second call does nothing. */
  @Override
  public void close() {
    owner.release(this);
  }

  @Override
  public String toString() {
    return name + " (" + bytes + " bytes)";
  }
}
