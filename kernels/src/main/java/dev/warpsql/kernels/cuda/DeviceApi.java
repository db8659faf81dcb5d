package dev.warpsql.kernels.cuda;

import java.nio.ByteBuffer;

/**
 * The CUDA driver-API operations that WarpSQL's GPU runtime needs: device memory, copies between
 * host and device, modules loaded from PTX text, and kernel launches. {@link JCudaDevice}
 * implements it over a GPU; the kernels module's tests implement it over the PTX interpreter.
 *
 * <p>Device addresses are plain {@code long}s, as kernels receive them in their parameters. Memory
 * that {@link #allocate} returns belongs to the caller until it passes the address to {@link
 * #free}; the runtime allocates through {@link DeviceMemoryPool}, which owns every block it takes.
 * Copies are synchronous. Launches run in order on one stream and may run asynchronously until
 * {@link #synchronize}. Implementations are thread-safe.
 */
public interface DeviceApi extends AutoCloseable {
  /** Returns a one-line description of the device, such as its name and compute capability. */
  String description();

  /** Returns the device memory in bytes that the runtime may plan with. */
  long memoryBytes();

  /**
   * Allocates {@code bytes} bytes of device memory, aligned to at least 256 bytes, with undefined
   * contents.
   *
   * @throws DeviceException with {@link DeviceException.Kind#OUT_OF_MEMORY} when the device has no
   *     room
   */
  long allocate(long bytes);

  /** Frees memory that {@link #allocate} returned. */
  void free(long address);

  /** Copies the remaining bytes of {@code source} to device memory at {@code address}. */
  void copyToDevice(long address, ByteBuffer source);

  /** Copies {@code target.remaining()} bytes from device memory at {@code address}. */
  void copyToHost(ByteBuffer target, long address);

  /**
   * Copies {@code bytes} bytes between two ranges of device memory, after every launch so far and
   * before any later one.
   */
  void copyWithinDevice(long target, long source, long bytes);

  /** Sets {@code bytes} bytes of device memory at {@code address} to {@code value}. */
  void fill(long address, long bytes, byte value);

  /** Sets {@code bytes} bytes of device memory at {@code address} to zero. */
  default void fillZero(long address, long bytes) {
    fill(address, bytes, (byte) 0);
  }

  /**
   * Loads a module from PTX text.
   *
   * @param description names the module in error messages, such as the pipeline it runs
   * @throws DeviceException with {@link DeviceException.Kind#MODULE_LOAD_FAILED} when the driver
   *     rejects the PTX
   */
  DeviceModule loadModule(String ptx, String description);

  /** Unloads a module; its functions must not be launched afterwards. */
  void unloadModule(DeviceModule module);

  /** Returns the {@code .entry} called {@code entryName} of a loaded module. */
  DeviceFunction function(DeviceModule module, String entryName);

  /**
   * Launches a kernel over a 1-D grid. The parameter buffer contains the values in the layout of
   * the entry's {@code .param} declarations.
   *
   * @throws DeviceException with {@link DeviceException.Kind#LAUNCH_FAILED} when the launch fails
   */
  void launch(DeviceFunction function, LaunchShape shape, KernelParameterBuffer parameters);

  /**
   * Waits until every launch so far has finished.
   *
   * @throws DeviceException with {@link DeviceException.Kind#LAUNCH_FAILED} when one of them failed
   */
  void synchronize();

  /**
   * Allocates page-locked host memory, which the device reads and writes faster than pageable
   * memory. The caller frees it with {@link #freePinned}.
   */
  ByteBuffer allocatePinned(int bytes);

  /** Frees a buffer that {@link #allocatePinned} returned. */
  void freePinned(ByteBuffer buffer);

  /** Releases the device; no other method may be called afterwards. */
  @Override
  void close();
}
