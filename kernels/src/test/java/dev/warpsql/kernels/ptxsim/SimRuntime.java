package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.cuda.DeviceMemoryPool;
import dev.warpsql.kernels.cuda.ModuleCache;

/**
 * The GPU runtime's memory pool and module cache over a simulated device, as runtime tests set them
 * up. Closing it fails when the pool left any device memory allocated.
 */
public final class SimRuntime implements AutoCloseable {
  private final SimDevice device;
  private final DeviceMemoryPool pool;
  private final ModuleCache modules;

  public SimRuntime(SimLaunch.Options options, int moduleCapacity) {
    this.device = new SimDevice(options);
    this.pool = new DeviceMemoryPool(device, 1 << 20, SimDevice.MEMORY_BYTES);
    this.modules = new ModuleCache(device, moduleCapacity);
  }

  public SimDevice device() {
    return device;
  }

  public DeviceMemoryPool pool() {
    return pool;
  }

  public ModuleCache modules() {
    return modules;
  }

  @Override
  public void close() {
    modules.close();
    pool.close();
    if (device.allocatedBytes() != 0) {
      throw new AssertionError(
          device.allocatedBytes()
              + " bytes of device memory stayed allocated after the pool closed");
    }
  }
}
