package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.cuda.DeviceApi;
import dev.warpsql.kernels.cuda.DeviceException;
import dev.warpsql.kernels.cuda.DeviceFunction;
import dev.warpsql.kernels.cuda.DeviceModule;
import dev.warpsql.kernels.cuda.KernelParameterBuffer;
import dev.warpsql.kernels.cuda.LaunchShape;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@link DeviceApi} over the PTX interpreter: device memory is one simulated global memory whose
 * accesses are checked, modules are parsed by {@link SimModule}, and a launch runs {@link
 * SimLaunch} to completion before it returns. Every call is serialized, because the interpreter
 * runs one simulated thread at a time.
 *
 * <p>Memory is heap arrays, limited to {@link #MEMORY_BYTES} so that the runtime's out-of-memory
 * paths can be reached in tests. Freed addresses are never reused, so a kernel that reads a freed
 * buffer fails.
 */
public final class SimDevice implements DeviceApi {
  /** Simulated device memory: large enough for TPC-H at SF 0.01 with every column resident. */
  public static final long MEMORY_BYTES = 1L << 30;

  private final SimMemory global = new SimMemory("global", 0x1000_0000L);
  private final SimLaunch.Options options;
  private int gridLimit = Integer.MAX_VALUE;
  private final long memoryBytes;
  private final Map<Long, Integer> allocations = new HashMap<>();
  private final Set<ByteBuffer> pinned = Collections.newSetFromMap(new IdentityHashMap<>());
  private long allocatedBytes;
  private long launches;
  private long instructions;

  /** Creates a device of {@link #MEMORY_BYTES} that schedules threads by {@code options}. */
  public SimDevice(SimLaunch.Options options) {
    this(options, MEMORY_BYTES);
  }

  /** Creates a device with {@code memoryBytes} of memory. */
  public SimDevice(SimLaunch.Options options, long memoryBytes) {
    this.options = options;
    this.memoryBytes = memoryBytes;
  }

  @Override
  public String description() {
    String order = options.seed() == null ? "sequential" : "interleaved, seed " + options.seed();
    return "PTX interpreter (" + order + ", " + memoryBytes + " bytes)";
  }

  @Override
  public long memoryBytes() {
    return memoryBytes;
  }

  /** Returns the bytes of live allocations. */
  public synchronized long allocatedBytes() {
    return allocatedBytes;
  }

  /** Returns the number of launches so far. */
  public synchronized long launches() {
    return launches;
  }

  /** Returns the number of PTX instructions that launches executed so far. */
  public synchronized long instructions() {
    return instructions;
  }

  @Override
  public synchronized long allocate(long bytes) {
    if (bytes > Integer.MAX_VALUE || allocatedBytes + bytes > memoryBytes) {
      throw new DeviceException(
          DeviceException.Kind.OUT_OF_MEMORY,
          "simulated device cannot allocate "
              + bytes
              + " bytes: "
              + allocatedBytes
              + " of "
              + memoryBytes
              + " bytes are allocated");
    }
    int size = (int) Math.max(bytes, 1);
    long address = global.allocate("allocation of " + size + " bytes", size, false);
    allocations.put(address, size);
    allocatedBytes += size;
    return address;
  }

  @Override
  public synchronized void free(long address) {
    Integer size = allocations.remove(address);
    if (size == null) {
      throw new IllegalArgumentException(
          "0x" + Long.toHexString(address) + " is not an allocation of the simulated device");
    }
    global.free(address);
    allocatedBytes -= size;
  }

  @Override
  public synchronized void copyToDevice(long address, ByteBuffer source) {
    byte[] bytes = new byte[source.remaining()];
    source.duplicate().get(bytes);
    if (bytes.length > 0) {
      global.write(address, bytes);
    }
  }

  @Override
  public synchronized void copyWithinDevice(long target, long source, long bytes) {
    if (bytes > 0) {
      global.write(target, global.read(source, Math.toIntExact(bytes)));
    }
  }

  @Override
  public synchronized void copyToHost(ByteBuffer target, long address) {
    int bytes = target.remaining();
    if (bytes > 0) {
      target.duplicate().put(global.read(address, bytes));
    }
  }

  @Override
  public synchronized void fill(long address, long bytes, byte value) {
    if (bytes > 0) {
      byte[] filled = new byte[Math.toIntExact(bytes)];
      Arrays.fill(filled, value);
      global.write(address, filled);
    }
  }

  @Override
  public synchronized DeviceModule loadModule(String ptx, String moduleDescription) {
    try {
      return new Module(SimModule.parse(ptx));
    } catch (SimException e) {
      throw new DeviceException(
          DeviceException.Kind.MODULE_LOAD_FAILED,
          "the PTX interpreter cannot read the module of "
              + moduleDescription
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public synchronized void unloadModule(DeviceModule module) {
    // A parsed module holds only heap memory.
  }

  @Override
  public synchronized DeviceFunction function(DeviceModule module, String entryName) {
    SimModule parsed = ((Module) module).module();
    parsed.entry(entryName);
    return new Function(parsed, entryName);
  }

  @Override
  public synchronized void launch(
      DeviceFunction function, LaunchShape shape, KernelParameterBuffer parameters) {
    Function entry = (Function) function;
    SimArguments arguments = new SimArguments(entry.module(), entry.entryName(), parameters);
    global.beginLaunch();
    try {
      instructions +=
          SimLaunch.run(
              entry.module(),
              arguments,
              Math.min(shape.gridSize(), gridLimit),
              shape.blockSize(),
              global,
              options);
      launches++;
    } catch (SimException e) {
      throw new DeviceException(
          DeviceException.Kind.LAUNCH_FAILED,
          entry.entryName() + " failed in the PTX interpreter: " + e.getMessage(),
          e);
    }
  }

  /**
   * Launches at most {@code blocks} blocks from now on, whatever grid a launch requests, so that
   * tests run the grid-stride loops of kernels over more rows than threads.
   */
  public synchronized void limitGrid(int blocks) {
    if (blocks < 1) {
      throw new IllegalArgumentException("a grid needs at least one block, got " + blocks);
    }
    gridLimit = blocks;
  }

  @Override
  public void synchronize() {
    // Launches run to completion before launch returns.
  }

  @Override
  public synchronized ByteBuffer allocatePinned(int bytes) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(bytes);
    pinned.add(buffer);
    return buffer;
  }

  @Override
  public synchronized void freePinned(ByteBuffer buffer) {
    if (!pinned.remove(buffer)) {
      throw new IllegalArgumentException("the buffer was not allocated by allocatePinned");
    }
  }

  @Override
  public synchronized void close() {
    allocations.clear();
    pinned.clear();
  }

  private record Module(SimModule module) implements DeviceModule {}

  private record Function(SimModule module, String entryName) implements DeviceFunction {}
}
