package dev.warpsql.planner.exec;

import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.executor.device.ResidentMemorySetting;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.pipeline.MorselScheduler;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.cuda.DeviceApi;
import dev.warpsql.kernels.cuda.DeviceApiProvider;
import dev.warpsql.kernels.cuda.DeviceException;
import dev.warpsql.kernels.cuda.DeviceProbe;
import dev.warpsql.kernels.cuda.JCudaDevice;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process-wide execution resources shared by every database and connection: the compiled-kernel
 * cache, the worker threads, the allocator for query results, and the devices that run pipelines.
 *
 * <p>Sharing the kernel cache across connections means a query shape compiles once per process.
 * Worker threads are daemons, so they never keep a JVM alive. A device is opened when the first
 * connection chooses it and then serves every connection that chooses it, until the process ends.
 */
public final class WarpRuntime {
  /** The connection property that chooses the device: auto, gpu, cpu or ptx-sim. */
  public static final String DEVICE_PROPERTY = "device";

  private static final Logger LOG = LoggerFactory.getLogger(WarpRuntime.class);

  /** Compiled kernels kept per process; an estimate of the distinct query shapes worth keeping. */
  private static final int KERNEL_CACHE_CAPACITY = 1024;

  private static final CpuBackend CPU_BACKEND = new CpuBackend(KERNEL_CACHE_CAPACITY);
  private static final MorselScheduler SCHEDULER =
      new MorselScheduler(Runtime.getRuntime().availableProcessors());
  private static final BufferAllocator RESULT_ALLOCATOR = new RootAllocator();

  private static DeviceRuntime gpu;
  private static DeviceRuntime simulated;
  private static String gpuUnavailableReason;

  private WarpRuntime() {}

  public static CpuBackend cpuBackend() {
    return CPU_BACKEND;
  }

  public static MorselScheduler scheduler() {
    return SCHEDULER;
  }

  /** Returns the allocator under which each execution creates its own child allocator. */
  public static BufferAllocator resultAllocator() {
    return RESULT_ALLOCATOR;
  }

  /**
   * Returns the device that runs the pipelines of a connection with this choice, opening it on
   * first use, or null when they run on the CPU. With {@link DeviceChoice#AUTO} and no usable GPU,
   * the first call logs why and later calls return null silently.
   *
   * @throws WarpException with {@link ErrorCode#DEVICE_UNAVAILABLE} when the choice is {@code gpu}
   *     and there is no usable GPU, or {@code ptx-sim} and the interpreter is not on the class path
   */
  public static DeviceRuntime device(DeviceChoice choice) {
    return switch (choice) {
      case CPU -> null;
      case GPU -> gpu();
      case PTX_SIM -> simulated();
      case AUTO -> gpuOrNull();
    };
  }

  private static synchronized DeviceRuntime gpuOrNull() {
    if (gpu == null && gpuUnavailableReason == null) {
      openGpu();
      if (gpu == null) {
        LOG.info(
            "device=auto: no usable GPU ({}); running queries on the CPU", gpuUnavailableReason);
      }
    }
    return gpu;
  }

  private static synchronized DeviceRuntime gpu() {
    if (gpu == null && gpuUnavailableReason == null) {
      openGpu();
    }
    if (gpu == null) {
      throw new WarpException(
          ErrorCode.DEVICE_UNAVAILABLE,
          "device=gpu is not available: "
              + gpuUnavailableReason
              + "; use device=cpu or device=auto");
    }
    return gpu;
  }

  /** Opens GPU 0, or sets the reason why it cannot be used; the outcome holds for the process. */
  private static void openGpu() {
    DeviceProbe probe = JCudaDevice.probe();
    if (!probe.available()) {
      gpuUnavailableReason = probe.detail();
      return;
    }
    try {
      DeviceApi api = JCudaDevice.open(0);
      DeviceRuntime.Config config;
      try {
        config = gpuConfig(api.memoryBytes(), System.getProperty(ResidentMemorySetting.PROPERTY));
      } catch (IllegalArgumentException e) {
        api.close();
        gpuUnavailableReason = e.getMessage();
        return;
      }
      gpu = new DeviceRuntime("gpu", api, config);
      LOG.info(
          "Running pipelines on GPU {}, resident columns up to {} bytes",
          api.description(),
          config.residencyBudgetBytes());
    } catch (DeviceException e) {
      gpuUnavailableReason = "opening the GPU failed: " + e.getMessage();
    }
  }

  /**
   * Returns the sizes of a GPU with {@code memoryBytes}, with the resident column budget of {@code
   * residentSetting} when it is set ({@link ResidentMemorySetting}).
   *
   * @throws IllegalArgumentException when the setting is invalid
   */
  static DeviceRuntime.Config gpuConfig(long memoryBytes, String residentSetting) {
    DeviceRuntime.Config config = DeviceRuntime.Config.forMemory(memoryBytes);
    if (residentSetting == null) {
      return config;
    }
    return config.withResidencyBudget(ResidentMemorySetting.bytes(residentSetting, memoryBytes));
  }

  private static synchronized DeviceRuntime simulated() {
    if (simulated == null) {
      DeviceApiProvider provider = DeviceApiProvider.find(DeviceChoice.PTX_SIM.value());
      if (provider == null) {
        throw new WarpException(
            ErrorCode.DEVICE_UNAVAILABLE,
            "device=ptx-sim is not available: the PTX interpreter is not on the class path. It"
                + " is in the test jar of warpsql-kernels, which only the test suites load; use"
                + " device=cpu or device=auto");
      }
      DeviceApi api = provider.open();
      // Every keyed sort runs on the interpreter, so that the suites check the device sort too.
      DeviceRuntime.Config config = DeviceRuntime.Config.forMemory(api.memoryBytes());
      simulated = new DeviceRuntime(DeviceChoice.PTX_SIM.value(), api, config.withSortMinRows(1));
      LOG.info("Running pipelines on {}", api.description());
    }
    return simulated;
  }
}
