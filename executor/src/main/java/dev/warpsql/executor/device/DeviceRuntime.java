package dev.warpsql.executor.device;

import dev.warpsql.kernels.cuda.DeviceApi;
import dev.warpsql.kernels.cuda.DeviceMemoryPool;
import dev.warpsql.kernels.cuda.ModuleCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A device that runs pipelines, with what it keeps between queries: the driver API, the memory
 * pool, the loaded modules and the resident column chunks. One runtime serves every connection that
 * chose the device. Thread-safe.
 */
public final class DeviceRuntime implements AutoCloseable {
  /** Fallback reasons kept for {@link #recentFallbacks()}. */
  private static final int RECENT_FALLBACKS = 64;

  private final String name;
  private final DeviceApi api;
  private final DeviceMemoryPool pool;
  private final ModuleCache modules;
  private final ResidencyManager residency;
  private final int sortMinRows;
  private final AtomicLong devicePipelines = new AtomicLong();
  private final AtomicLong cpuFallbacks = new AtomicLong();
  private final AtomicLong deviceSorts = new AtomicLong();
  private final List<String> recentFallbacks = new ArrayList<>();

  /**
   * Sizes of a runtime's memory, and from how many rows it sorts.
   *
   * @param poolLimitBytes the most device memory that the pool may take
   * @param blockBytes the size of the pool's ordinary blocks
   * @param residencyBudgetBytes the resident column bytes beyond which unused chunks are evicted
   * @param moduleCapacity the most program shapes whose modules stay loaded
   * @param sortMinRows the fewest rows that an ORDER BY sorts on the device instead of the CPU
   */
  public record Config(
      long poolLimitBytes,
      long blockBytes,
      long residencyBudgetBytes,
      int moduleCapacity,
      int sortMinRows) {
    /**
     * Rows from which a GPU sorts. NOTE: an estimate, not measured on a GPU. A device sort by one
     * key takes 5 to 17 launches and one synchronized copy, against about 1 ms for the CPU's merge
     * sort of 4,096 rows on a 2-core machine.
     */
    public static final int GPU_SORT_MIN_ROWS = 4_096;

    public Config {
      if (sortMinRows < 1) {
        throw new IllegalArgumentException("sortMinRows must be positive, got " + sortMinRows);
      }
    }

    /** Returns sizes that sort on the device from {@link #GPU_SORT_MIN_ROWS} rows. */
    public Config(
        long poolLimitBytes, long blockBytes, long residencyBudgetBytes, int moduleCapacity) {
      this(poolLimitBytes, blockBytes, residencyBudgetBytes, moduleCapacity, GPU_SORT_MIN_ROWS);
    }

    /**
     * Returns sizes for a device: the pool may take 90% of its memory in blocks of 64 MiB (less on
     * a small device), and resident columns half of it. Estimates that leave room for the driver's
     * own use, not measured optima.
     */
    public static Config forMemory(long memoryBytes) {
      long block = Math.max(1 << 20, Math.min(64L << 20, memoryBytes / 16));
      return new Config(memoryBytes / 10 * 9, block, memoryBytes / 2, 1024);
    }

    /** Returns these sizes with another budget for resident column chunks. */
    public Config withResidencyBudget(long bytes) {
      return new Config(poolLimitBytes, blockBytes, bytes, moduleCapacity, sortMinRows);
    }

    /** Returns these sizes with another row count from which sorts run on the device. */
    public Config withSortMinRows(int rows) {
      return new Config(poolLimitBytes, blockBytes, residencyBudgetBytes, moduleCapacity, rows);
    }
  }

  /**
   * Creates a runtime that owns {@code api} and closes it.
   *
   * @param name the device choice that selects the runtime, such as {@code gpu} or {@code ptx-sim},
   *     which plans and messages show
   */
  public DeviceRuntime(String name, DeviceApi api, Config config) {
    this.name = Objects.requireNonNull(name, "name");
    this.api = Objects.requireNonNull(api, "api");
    this.pool = new DeviceMemoryPool(api, config.blockBytes(), config.poolLimitBytes());
    this.modules = new ModuleCache(api, config.moduleCapacity());
    this.residency = new ResidencyManager(api, pool, config.residencyBudgetBytes());
    this.sortMinRows = config.sortMinRows();
    pool.setPressureHandler(residency::evict);
  }

  public String name() {
    return name;
  }

  public DeviceApi api() {
    return api;
  }

  public DeviceMemoryPool pool() {
    return pool;
  }

  public ModuleCache modules() {
    return modules;
  }

  public ResidencyManager residency() {
    return residency;
  }

  /** Returns the fewest rows that an ORDER BY sorts on this device. */
  public int sortMinRows() {
    return sortMinRows;
  }

  /** Counts a pipeline execution that ran on this device. */
  public void recordDeviceRun() {
    devicePipelines.incrementAndGet();
  }

  /** Counts an ORDER BY sorted on this device. */
  public void recordDeviceSort() {
    deviceSorts.incrementAndGet();
  }

  /** Returns how many ORDER BY sorts ran on this device. */
  public long deviceSorts() {
    return deviceSorts.get();
  }

  /** Counts a pipeline execution that fell back to the CPU, and keeps its reason. */
  public void recordFallback(String pipeline, String reason) {
    cpuFallbacks.incrementAndGet();
    synchronized (recentFallbacks) {
      if (recentFallbacks.size() == RECENT_FALLBACKS) {
        recentFallbacks.remove(0);
      }
      recentFallbacks.add(pipeline + ": " + reason);
    }
  }

  /** Returns how many pipeline executions ran on this device. */
  public long devicePipelines() {
    return devicePipelines.get();
  }

  /** Returns how many pipeline executions fell back to the CPU. */
  public long cpuFallbacks() {
    return cpuFallbacks.get();
  }

  /** Returns the latest fallbacks, oldest first, each as {@code pipeline: reason}. */
  public List<String> recentFallbacks() {
    synchronized (recentFallbacks) {
      return List.copyOf(recentFallbacks);
    }
  }

  /**
   * Frees the resident chunks, unloads the modules, closes the pool and the device.
   *
   * @throws IllegalStateException when pipelines still hold device memory, listing it
   */
  @Override
  public void close() {
    try (DeviceApi device = api;
        DeviceMemoryPool memory = pool;
        ModuleCache loaded = modules;
        ResidencyManager resident = residency) {
      // try-with-resources closes the residency manager, modules, pool, then the device.
    }
  }
}
