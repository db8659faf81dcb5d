package dev.warpsql.kernels.cuda;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * Device memory carved from large blocks, so that running a pipeline costs no driver allocation
 * once the pool has grown to its working size.
 *
 * <p>The pool takes blocks of {@code blockBytes} from the device when no block has room, or one
 * block of exactly the rounded size for a larger request, and keeps them until {@link #trim()} or
 * {@link #close()}. Inside a block, buffers are placed first-fit at {@link #ALIGNMENT}-byte
 * alignment, and a released range merges with free neighbours.
 *
 * <p>Every buffer is charged to a {@link DeviceMemoryOwner}. Closing the pool while owners are open
 * frees everything and raises an error that lists the owners and their buffers.
 *
 * <p>The blocks never exceed {@code limitBytes}. When a request does not fit, the pool frees its
 * empty blocks, calls the pressure handler (such as the residency manager, which evicts column
 * chunks) to release memory, and retries once. Thread-safe.
 */
public final class DeviceMemoryPool implements AutoCloseable {
  /** Alignment of every buffer: enough for any kernel access and for coalesced loads. */
  public static final int ALIGNMENT = 256;

  private final DeviceApi device;
  private final long blockBytes;
  private final long limitBytes;
  private final List<Block> blocks = new ArrayList<>();
  private final Set<DeviceMemoryOwner> owners = new LinkedHashSet<>();
  private volatile LongPredicate pressureHandler = bytes -> false;
  private long reservedBytes;
  private long allocatedBytes;
  private long blockAllocations;
  private boolean closed;

  /**
   * @param blockBytes the size of an ordinary block, rounded up to the alignment
   * @param limitBytes the most device memory that the blocks may take together
   */
  public DeviceMemoryPool(DeviceApi device, long blockBytes, long limitBytes) {
    this.device = Objects.requireNonNull(device, "device");
    if (blockBytes < 1 || limitBytes < 1) {
      throw new IllegalArgumentException(
          "block size and limit must be positive, got " + blockBytes + " and " + limitBytes);
    }
    this.blockBytes = align(blockBytes);
    this.limitBytes = limitBytes;
  }

  /**
   * Sets the handler that is asked to free at least the given number of bytes when an allocation
   * does not fit; it returns whether it freed anything. It runs without the pool's lock held.
   */
  public void setPressureHandler(LongPredicate handler) {
    this.pressureHandler = Objects.requireNonNull(handler, "handler");
  }

  /** Creates an owner to charge buffers to; the caller closes it. */
  public synchronized DeviceMemoryOwner newOwner(String name) {
    checkOpen();
    DeviceMemoryOwner owner = new DeviceMemoryOwner(this, Objects.requireNonNull(name, "name"));
    owners.add(owner);
    return owner;
  }

  /** Returns the bytes of all live buffers, as requested. */
  public synchronized long allocatedBytes() {
    return allocatedBytes;
  }

  /** Returns the bytes of the blocks taken from the device. */
  public synchronized long reservedBytes() {
    return reservedBytes;
  }

  /** Returns how many blocks the pool has taken from the device since it was created. */
  public synchronized long blockAllocations() {
    return blockAllocations;
  }

  /** Returns the open owners. */
  public synchronized List<DeviceMemoryOwner> openOwners() {
    return new ArrayList<>(owners);
  }

  DeviceBuffer allocate(DeviceMemoryOwner owner, String name, long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("cannot allocate " + bytes + " bytes for " + name);
    }
    DeviceBuffer buffer = tryAllocate(owner, name, bytes);
    if (buffer != null) {
      return buffer;
    }
    pressureHandler.test(Math.max(bytes, 1));
    buffer = tryAllocate(owner, name, bytes);
    if (buffer != null) {
      return buffer;
    }
    synchronized (this) {
      throw new DeviceException(
          DeviceException.Kind.OUT_OF_MEMORY,
          "device memory pool cannot allocate "
              + bytes
              + " bytes for "
              + name
              + ": "
              + allocatedBytes
              + " bytes are in use and the pool may take "
              + limitBytes
              + " bytes of "
              + device.description());
    }
  }

  private synchronized DeviceBuffer tryAllocate(DeviceMemoryOwner owner, String name, long bytes) {
    checkOpen();
    long size = align(Math.max(bytes, 1));
    for (Block block : blocks) {
      long offset = block.take(size);
      if (offset >= 0) {
        return charge(owner, name, block, offset, bytes, size);
      }
    }
    long newBlockBytes = Math.max(blockBytes, size);
    if (reservedBytes + newBlockBytes > limitBytes) {
      trim();
      if (reservedBytes + newBlockBytes > limitBytes) {
        return null;
      }
    }
    long base = allocateBlock(newBlockBytes);
    if (base < 0) {
      return null;
    }
    Block block = new Block(base, newBlockBytes);
    blocks.add(block);
    reservedBytes += newBlockBytes;
    blockAllocations++;
    return charge(owner, name, block, block.take(size), bytes, size);
  }

  /** Takes a block from the device, freeing the empty blocks first when the device is full. */
  private long allocateBlock(long bytes) {
    long base = tryDeviceAllocate(bytes);
    if (base < 0 && trim() > 0) {
      base = tryDeviceAllocate(bytes);
    }
    return base;
  }

  /** Returns a new device allocation, or -1 when the device is out of memory. */
  private long tryDeviceAllocate(long bytes) {
    try {
      return device.allocate(bytes);
    } catch (DeviceException e) {
      if (e.kind() != DeviceException.Kind.OUT_OF_MEMORY) {
        throw e;
      }
      return -1;
    }
  }

  private DeviceBuffer charge(
      DeviceMemoryOwner owner, String name, Block block, long offset, long bytes, long size) {
    DeviceBuffer buffer = new DeviceBuffer(owner, name, block, offset, bytes, size);
    try {
      owner.added(buffer);
    } catch (IllegalStateException e) {
      block.give(offset, size);
      throw e;
    }
    allocatedBytes += bytes;
    return buffer;
  }

  synchronized void release(DeviceBuffer buffer) {
    buffer.block.give(buffer.offset, buffer.reservedBytes);
    allocatedBytes -= buffer.bytes();
  }

  synchronized void ownerClosed(DeviceMemoryOwner owner) {
    owners.remove(owner);
  }

  /** Returns empty blocks to the device and returns the bytes freed. */
  public synchronized long trim() {
    long freed = 0;
    for (Iterator<Block> it = blocks.iterator(); it.hasNext(); ) {
      Block block = it.next();
      if (block.isEmpty()) {
        it.remove();
        device.free(block.base);
        reservedBytes -= block.size;
        freed += block.size;
      }
    }
    return freed;
  }

  /**
   * Closes every open owner and returns all blocks to the device. Raises an {@link
   * IllegalStateException} that lists the owners that were still open, with their buffers.
   */
  @Override
  public void close() {
    List<String> leaks = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      for (DeviceMemoryOwner owner : new ArrayList<>(owners)) {
        leaks.add(owner.toString());
        try {
          owner.close();
        } catch (IllegalStateException e) {
          // The owner's leak is reported with the pool's message below.
        }
      }
      closed = true;
      for (Block block : blocks) {
        device.free(block.base);
      }
      blocks.clear();
      reservedBytes = 0;
    }
    if (!leaks.isEmpty()) {
      throw new IllegalStateException(
          "device memory pool closed with " + leaks.size() + " open owners: " + leaks);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("device memory pool is closed");
    }
  }

  static long align(long bytes) {
    return (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }

  /** One device allocation and its free ranges, by offset. */
  static final class Block {
    final long base;
    final long size;
    private final TreeMap<Long, Long> free = new TreeMap<>();

    Block(long base, long size) {
      this.base = base;
      this.size = size;
      free.put(0L, size);
    }

    /**
     * Takes {@code bytes} bytes from the first free range large enough, or returns -1 when there is
     * none.
     */
    long take(long bytes) {
      for (Map.Entry<Long, Long> range : free.entrySet()) {
        // Copy the range first: removing a TreeMap entry may move another entry's key and value
        // into the removed entry's object.
        long offset = range.getKey();
        long length = range.getValue();
        if (length >= bytes) {
          free.remove(offset);
          if (length > bytes) {
            free.put(offset + bytes, length - bytes);
          }
          return offset;
        }
      }
      return -1;
    }

    /** Returns a range, merging it with the free ranges on either side. */
    void give(long offset, long bytes) {
      long start = offset;
      long length = bytes;
      Map.Entry<Long, Long> before = free.floorEntry(offset);
      if (before != null && before.getKey() + before.getValue() == offset) {
        start = before.getKey();
        length += before.getValue();
        free.remove(start);
      }
      Long after = free.containsKey(offset + bytes) ? free.remove(offset + bytes) : null;
      if (after != null) {
        length += after;
      }
      free.put(start, length);
    }

    boolean isEmpty() {
      return free.size() == 1 && free.firstEntry().getValue() == size;
    }
  }
}
