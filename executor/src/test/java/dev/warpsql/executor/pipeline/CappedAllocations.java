package dev.warpsql.executor.pipeline;

import dev.warpsql.kernels.cuda.DeviceApi;
import dev.warpsql.kernels.cuda.DeviceException;
import dev.warpsql.kernels.cuda.DeviceFunction;
import dev.warpsql.kernels.cuda.DeviceModule;
import dev.warpsql.kernels.cuda.KernelParameterBuffer;
import dev.warpsql.kernels.cuda.LaunchShape;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A device that raises {@code OUT_OF_MEMORY} for any allocation above a size and otherwise passes
 * every call to another device, so tests can make one large buffer fail while small ones fit. It
 * also counts the bytes copied from the host.
 */
final class CappedAllocations implements DeviceApi {
  private final DeviceApi device;
  private final long maxBytes;
  private final AtomicLong bytesToDevice = new AtomicLong();

  CappedAllocations(DeviceApi device, long maxBytes) {
    this.device = device;
    this.maxBytes = maxBytes;
  }

  /** Returns the bytes copied from the host to the device so far. */
  long bytesToDevice() {
    return bytesToDevice.get();
  }

  @Override
  public String description() {
    return device.description();
  }

  @Override
  public long memoryBytes() {
    return device.memoryBytes();
  }

  @Override
  public long allocate(long bytes) {
    if (bytes > maxBytes) {
      throw new DeviceException(
          DeviceException.Kind.OUT_OF_MEMORY,
          "test cap: " + bytes + " bytes requested, at most " + maxBytes + " allowed");
    }
    return device.allocate(bytes);
  }

  @Override
  public void free(long address) {
    device.free(address);
  }

  @Override
  public void copyToDevice(long address, ByteBuffer source) {
    bytesToDevice.addAndGet(source.remaining());
    device.copyToDevice(address, source);
  }

  @Override
  public void copyWithinDevice(long target, long source, long bytes) {
    device.copyWithinDevice(target, source, bytes);
  }

  @Override
  public void copyToHost(ByteBuffer target, long address) {
    device.copyToHost(target, address);
  }

  @Override
  public void fill(long address, long bytes, byte value) {
    device.fill(address, bytes, value);
  }

  @Override
  public DeviceModule loadModule(String ptx, String description) {
    return device.loadModule(ptx, description);
  }

  @Override
  public void unloadModule(DeviceModule module) {
    device.unloadModule(module);
  }

  @Override
  public DeviceFunction function(DeviceModule module, String entryName) {
    return device.function(module, entryName);
  }

  @Override
  public void launch(DeviceFunction function, LaunchShape shape, KernelParameterBuffer parameters) {
    device.launch(function, shape, parameters);
  }

  @Override
  public void synchronize() {
    device.synchronize();
  }

  @Override
  public ByteBuffer allocatePinned(int bytes) {
    return device.allocatePinned(bytes);
  }

  @Override
  public void freePinned(ByteBuffer buffer) {
    device.freePinned(buffer);
  }

  @Override
  public void close() {
    device.close();
  }
}
