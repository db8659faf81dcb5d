package dev.warpsql.kernels.cuda;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DeviceApi} that records allocations, frees and module loads without memory behind them,
 * for tests of the runtime's bookkeeping. Copies and launches are not supported.
 */
final class FakeDevice implements DeviceApi {
  private final long memoryBytes;
  final Map<Long, Long> allocations = new LinkedHashMap<>();
  final List<String> loadedModules = Collections.synchronizedList(new ArrayList<>());
  final List<String> unloadedModules = Collections.synchronizedList(new ArrayList<>());

  /** Runs at the start of every module load, on the loading thread; tests make it wait. */
  volatile Runnable beforeLoad = () -> {};

  long allocateCalls;
  private long nextAddress = 0x10_0000;

  FakeDevice(long memoryBytes) {
    this.memoryBytes = memoryBytes;
  }

  @Override
  public String description() {
    return "fake device";
  }

  @Override
  public long memoryBytes() {
    return memoryBytes;
  }

  long allocatedBytes() {
    return allocations.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public long allocate(long bytes) {
    allocateCalls++;
    if (allocatedBytes() + bytes > memoryBytes) {
      throw new DeviceException(DeviceException.Kind.OUT_OF_MEMORY, "fake device is full");
    }
    long address = nextAddress;
    nextAddress += (bytes + 0xFFFF) & ~0xFFFFL;
    allocations.put(address, bytes);
    return address;
  }

  @Override
  public void free(long address) {
    if (allocations.remove(address) == null) {
      throw new IllegalArgumentException("double free of 0x" + Long.toHexString(address));
    }
  }

  @Override
  public void copyToDevice(long address, ByteBuffer source) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void copyWithinDevice(long target, long source, long bytes) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void copyToHost(ByteBuffer target, long address) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void fill(long address, long bytes, byte value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public DeviceModule loadModule(String ptx, String description) {
    beforeLoad.run();
    loadedModules.add(description);
    return new Module(description);
  }

  @Override
  public void unloadModule(DeviceModule module) {
    unloadedModules.add(((Module) module).description());
  }

  @Override
  public DeviceFunction function(DeviceModule module, String entryName) {
    return () -> entryName;
  }

  @Override
  public void launch(DeviceFunction function, LaunchShape shape, KernelParameterBuffer parameters) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void synchronize() {}

  @Override
  public ByteBuffer allocatePinned(int bytes) {
    return ByteBuffer.allocateDirect(bytes);
  }

  @Override
  public void freePinned(ByteBuffer buffer) {}

  @Override
  public void close() {}

  private record Module(String description) implements DeviceModule {}
}
