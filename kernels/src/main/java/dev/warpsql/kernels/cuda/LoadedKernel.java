package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.ptx.PtxKernel;

/**
 * A kernel whose module is loaded on a device, held from {@link ModuleCache#acquire} until {@link
 * #close()}, so that the cache does not unload the module under a launch.
 */
public final class LoadedKernel implements AutoCloseable {
  private final ModuleCache cache;
  private final PtxKernel kernel;
  private final DeviceFunction function;
  private final Object handle;
  private boolean closed;

  LoadedKernel(ModuleCache cache, PtxKernel kernel, DeviceFunction function, Object handle) {
    this.cache = cache;
    this.kernel = kernel;
    this.function = function;
    this.handle = handle;
  }

  /** Returns the emitted PTX, its entry name and its parameters. */
  public PtxKernel kernel() {
    return kernel;
  }

  public DeviceFunction function() {
    return function;
  }

  /** Lets the cache unload the module once it is no longer cached; a second call does nothing. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      cache.release(handle);
    }
  }
}
