package dev.warpsql.kernels.cuda;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import jcuda.driver.JCudaDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DeviceApi} over a GPU through the CUDA driver API, called through {@link JCudaDriver}
 * only: no CUDA runtime library and no NVRTC, just the driver that comes with the GPU.
 *
 * <p>The device's primary context is retained on open and released on close. Each method makes it
 * current on the calling thread, and methods are synchronized, so the device can be shared by
 * threads. Launches go to one stream created with {@code CU_STREAM_DEFAULT}, which orders them
 * after the synchronous copies and fills that precede them; {@link #copyToHost} first waits for the
 * stream.
 */
// NOTE: this class has never run on a GPU. It was written against the JCuda 12.0.0 driver API and
// checked line by line against JCudaDriver's signatures, but only its probe has run, and only on
// machines without libcuda.
public final class JCudaDevice implements DeviceApi {
  private static final Logger LOG = LoggerFactory.getLogger(JCudaDevice.class);

  private final CUdevice device;
  private final CUcontext context;
  private final CUstream stream;
  private final String description;
  private final long memoryBytes;

  /** Base allocations by address, to free them and to derive pointers inside them. */
  private final NavigableMap<Long, AddressedPointer> allocations = new TreeMap<>();

  /** The driver's handle of each pinned buffer, which cuMemFreeHost needs. */
  private final Map<ByteBuffer, Pointer> pinned = new IdentityHashMap<>();

  private volatile boolean closed;

  private JCudaDevice(CUdevice device, CUcontext context, String description, long memoryBytes) {
    this.device = device;
    this.context = context;
    this.description = description;
    this.memoryBytes = memoryBytes;
    this.stream = new CUstream();
    check(JCudaDriver.cuStreamCreate(stream, CUstream_flags.CU_STREAM_DEFAULT), "cuStreamCreate");
  }

  /**
   * Returns whether the CUDA driver loads and finds a device, probed once per process. Never
   * throws: a missing libcuda, a missing JCuda native library and driver errors all become an
   * unavailable probe with the reason.
   */
  public static DeviceProbe probe() {
    return ProbeHolder.PROBE;
  }

  /** Runs the probe on first use, because a failed native library load cannot be retried. */
  private static final class ProbeHolder {
    static final DeviceProbe PROBE = runProbe();
  }

  private static DeviceProbe runProbe() {
    try {
      int result = JCudaDriver.cuInit(0);
      if (result != CUresult.CUDA_SUCCESS) {
        return DeviceProbe.unavailable("cuInit failed with " + CUresult.stringFor(result));
      }
      int[] count = new int[1];
      result = JCudaDriver.cuDeviceGetCount(count);
      if (result != CUresult.CUDA_SUCCESS) {
        return DeviceProbe.unavailable(
            "cuDeviceGetCount failed with " + CUresult.stringFor(result));
      }
      if (count[0] == 0) {
        return DeviceProbe.unavailable("the CUDA driver loaded but found no device");
      }
      return new DeviceProbe(true, count[0] + " CUDA device(s)");
    } catch (LinkageError | CudaException e) {
      // UnsatisfiedLinkError when libcuda or JCuda's native library is missing, and
      // NoClassDefFoundError on every later attempt after JCudaDriver failed to initialize.
      return DeviceProbe.unavailable("the CUDA driver library did not load: " + loadFailure(e));
    }
  }

  /**
   * Returns the line of a library load failure that names the missing file, such as {@code
   * libcuda.so.1: cannot open shared object file}, or else its first line. JCuda's message lists
   * every place it tried, with stack traces.
   */
  private static String loadFailure(Throwable e) {
    String message = String.valueOf(e.getMessage());
    for (String line : message.split("\\R")) {
      if (line.contains("cannot open shared object file")) {
        return line.substring(line.indexOf(':') + 1).strip();
      }
    }
    return message.lines().findFirst().orElse(message).strip();
  }

  /**
   * Opens device {@code ordinal} with its primary context.
   *
   * @throws DeviceException with {@link DeviceException.Kind#UNAVAILABLE} when {@link #probe()}
   *     finds no device
   */
  public static JCudaDevice open(int ordinal) {
    DeviceProbe probe = probe();
    if (!probe.available()) {
      throw new DeviceException(DeviceException.Kind.UNAVAILABLE, probe.detail());
    }
    CUdevice device = new CUdevice();
    check(JCudaDriver.cuDeviceGet(device, ordinal), "cuDeviceGet(" + ordinal + ")");
    CUcontext context = new CUcontext();
    check(JCudaDriver.cuDevicePrimaryCtxRetain(context, device), "cuDevicePrimaryCtxRetain");
    check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");

    byte[] name = new byte[256];
    check(JCudaDriver.cuDeviceGetName(name, name.length, device), "cuDeviceGetName");
    long[] total = new long[1];
    check(JCudaDriver.cuDeviceTotalMem(total, device), "cuDeviceTotalMem");
    int major = attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
    int minor = attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
    String description =
        cString(name)
            + " (device "
            + ordinal
            + ", sm_"
            + major
            + minor
            + ", "
            + total[0]
            + " bytes)";
    LOG.info("Opened CUDA device {}", description);
    return new JCudaDevice(device, context, description, total[0]);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public long memoryBytes() {
    return memoryBytes;
  }

  @Override
  public synchronized long allocate(long bytes) {
    makeCurrent();
    AddressedPointer pointer = new AddressedPointer();
    int result = JCudaDriver.cuMemAlloc(pointer, Math.max(bytes, 1));
    if (result == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
      throw new DeviceException(
          DeviceException.Kind.OUT_OF_MEMORY,
          "cuMemAlloc of " + bytes + " bytes failed: the device is out of memory");
    }
    check(result, "cuMemAlloc of " + bytes + " bytes");
    pointer.bytes = Math.max(bytes, 1);
    allocations.put(pointer.address(), pointer);
    return pointer.address();
  }

  @Override
  public synchronized void free(long address) {
    makeCurrent();
    AddressedPointer pointer = allocations.remove(address);
    if (pointer == null) {
      throw new IllegalArgumentException(
          "0x" + Long.toHexString(address) + " is not an allocation of this device");
    }
    check(JCudaDriver.cuMemFree(pointer), "cuMemFree");
  }

  @Override
  public synchronized void copyToDevice(long address, ByteBuffer source) {
    makeCurrent();
    int bytes = source.remaining();
    if (bytes > 0) {
      check(
          JCudaDriver.cuMemcpyHtoD(pointerTo(address), Pointer.to(source), bytes),
          "cuMemcpyHtoD of " + bytes + " bytes");
    }
  }

  @Override
  public synchronized void copyWithinDevice(long target, long source, long bytes) {
    makeCurrent();
    if (bytes > 0) {
      // The legacy default stream orders the copy after the launches on the blocking stream.
      check(
          JCudaDriver.cuMemcpyDtoD(pointerTo(target), pointerTo(source), bytes),
          "cuMemcpyDtoD of " + bytes + " bytes");
    }
  }

  @Override
  public synchronized void copyToHost(ByteBuffer target, long address) {
    makeCurrent();
    checkLaunch(JCudaDriver.cuStreamSynchronize(stream));
    int bytes = target.remaining();
    if (bytes > 0) {
      check(
          JCudaDriver.cuMemcpyDtoH(Pointer.to(target), pointerTo(address), bytes),
          "cuMemcpyDtoH of " + bytes + " bytes");
    }
  }

  @Override
  public synchronized void fill(long address, long bytes, byte value) {
    makeCurrent();
    if (bytes > 0) {
      check(JCudaDriver.cuMemsetD8(pointerTo(address), value, bytes), "cuMemsetD8");
    }
  }

  // Not synchronized: the driver compiles the PTX on the calling thread, and its API is
  // thread-safe, so modules of several pipelines may compile at once. The module cache waits for
  // its loads before the device closes.
  @Override
  public DeviceModule loadModule(String ptx, String moduleDescription) {
    makeCurrent();
    CUmodule module = new CUmodule();
    // cuModuleLoadData reads a NUL-terminated image, and JCuda's String overload appends the NUL.
    int result = JCudaDriver.cuModuleLoadData(module, ptx);
    if (result != CUresult.CUDA_SUCCESS) {
      throw new DeviceException(
          DeviceException.Kind.MODULE_LOAD_FAILED,
          "the CUDA driver rejected the PTX of "
              + moduleDescription
              + ": "
              + CUresult.stringFor(result));
    }
    return new JCudaModule(module);
  }

  @Override
  public synchronized void unloadModule(DeviceModule module) {
    makeCurrent();
    check(JCudaDriver.cuModuleUnload(((JCudaModule) module).module), "cuModuleUnload");
  }

  @Override
  public synchronized DeviceFunction function(DeviceModule module, String entryName) {
    makeCurrent();
    CUfunction function = new CUfunction();
    check(
        JCudaDriver.cuModuleGetFunction(function, ((JCudaModule) module).module, entryName),
        "cuModuleGetFunction(" + entryName + ")");
    return new JCudaFunction(function, entryName);
  }

  @Override
  public synchronized void launch(
      DeviceFunction function, LaunchShape shape, KernelParameterBuffer parameters) {
    makeCurrent();
    // cuLaunchKernel takes an array with a pointer to each parameter's value.
    Pointer[] values = new Pointer[parameters.parameters().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Pointer.to(parameters.valueBytes(i));
    }
    int result =
        JCudaDriver.cuLaunchKernel(
            ((JCudaFunction) function).function,
            shape.gridSize(),
            1,
            1,
            shape.blockSize(),
            1,
            1,
            0,
            stream,
            Pointer.to(values),
            null);
    if (result != CUresult.CUDA_SUCCESS) {
      throw new DeviceException(
          DeviceException.Kind.LAUNCH_FAILED,
          "cuLaunchKernel of " + function.entryName() + " failed: " + CUresult.stringFor(result));
    }
  }

  @Override
  public synchronized void synchronize() {
    makeCurrent();
    checkLaunch(JCudaDriver.cuStreamSynchronize(stream));
  }

  @Override
  public synchronized ByteBuffer allocatePinned(int bytes) {
    makeCurrent();
    Pointer pointer = new Pointer();
    int result = JCudaDriver.cuMemAllocHost(pointer, bytes);
    if (result == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
      throw new DeviceException(
          DeviceException.Kind.OUT_OF_MEMORY,
          "cuMemAllocHost of " + bytes + " bytes failed: out of page-locked memory");
    }
    check(result, "cuMemAllocHost of " + bytes + " bytes");
    ByteBuffer buffer = pointer.getByteBuffer(0, bytes);
    pinned.put(buffer, pointer);
    return buffer;
  }

  @Override
  public synchronized void freePinned(ByteBuffer buffer) {
    makeCurrent();
    Pointer pointer = pinned.remove(buffer);
    if (pointer == null) {
      throw new IllegalArgumentException("the buffer was not allocated by allocatePinned");
    }
    check(JCudaDriver.cuMemFreeHost(pointer), "cuMemFreeHost");
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    makeCurrent();
    closed = true;
    if (!allocations.isEmpty() || !pinned.isEmpty()) {
      LOG.warn(
          "Closing CUDA device {} with {} device allocations and {} pinned buffers still live",
          description,
          allocations.size(),
          pinned.size());
    }
    check(JCudaDriver.cuStreamDestroy(stream), "cuStreamDestroy");
    check(JCudaDriver.cuDevicePrimaryCtxRelease(device), "cuDevicePrimaryCtxRelease");
  }

  private void makeCurrent() {
    if (closed) {
      throw new IllegalStateException("CUDA device " + description + " is closed");
    }
    check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
  }

  /** Returns a driver pointer to {@code address}, inside one of this device's allocations. */
  private CUdeviceptr pointerTo(long address) {
    Map.Entry<Long, AddressedPointer> base = allocations.floorEntry(address);
    if (base != null) {
      long offset = address - base.getKey();
      if (offset == 0) {
        return base.getValue();
      }
      if (offset < base.getValue().bytes) {
        return base.getValue().withByteOffset(offset);
      }
    }
    throw new IllegalArgumentException(
        "0x" + Long.toHexString(address) + " is outside every allocation of this device");
  }

  private static int attribute(CUdevice device, int attribute) {
    int[] value = new int[1];
    check(JCudaDriver.cuDeviceGetAttribute(value, attribute, device), "cuDeviceGetAttribute");
    return value[0];
  }

  private static void check(int result, String call) {
    if (result != CUresult.CUDA_SUCCESS) {
      throw new DeviceException(
          DeviceException.Kind.DRIVER_ERROR, call + " failed with " + CUresult.stringFor(result));
    }
  }

  /** Checks the result of a call that reports failures of earlier launches. */
  private static void checkLaunch(int result) {
    if (result != CUresult.CUDA_SUCCESS) {
      throw new DeviceException(
          DeviceException.Kind.LAUNCH_FAILED,
          "a kernel on the stream failed: " + CUresult.stringFor(result));
    }
  }

  private static String cString(byte[] bytes) {
    int length = 0;
    while (length < bytes.length && bytes[length] != 0) {
      length++;
    }
    return new String(bytes, 0, length, StandardCharsets.US_ASCII);
  }

  /**
   * A device pointer whose address can be read, because kernel parameters pass addresses as
   * numbers. JCuda keeps the address in a protected field, which a subclass may read.
   */
  private static final class AddressedPointer extends CUdeviceptr {
    private long bytes;

    long address() {
      return getNativePointer();
    }
  }

  private record JCudaModule(CUmodule module) implements DeviceModule {}

  private record JCudaFunction(CUfunction function, String entryName) implements DeviceFunction {}
}
