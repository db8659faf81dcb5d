package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.executor.device.DeviceUsage;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.kernels.cpu.CpuBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;

/**
 * State of one execution of a plan: the bound parameter values, the memory and threads it may use,
 * and its cancellation flag.
 *
 * <p>Parameters are in the physical representation of their kernel types (see the kernel IR's
 * {@code Literal}), or null for SQL NULL. Attributes carry planner-side state, such as the
 * statement's data context, to the steps that the planner built, without this module knowing their
 * types.
 *
 * <p>Steps register what must outlive their own {@code execute}, such as the table versions a scan
 * reads, with {@link #closeWhenDone}; the caller that runs the plan closes the context after the
 * last read of its result.
 *
 * <p>With a device, kernel steps run their pipelines there where they can and record in {@link
 * #deviceUsage()} where each ran; without one, everything runs on the CPU.
 */
public final class ExecutionContext implements AutoCloseable {
  private final Object[] params;
  private final BufferAllocator allocator;
  private final CpuBackend cpuBackend;
  private final MorselScheduler scheduler;
  private final Map<Class<?>, Object> attributes;
  private final AtomicBoolean canceled = new AtomicBoolean();
  private final AtomicBoolean clientCancel;
  private final long deadlineNanos;
  private final long timeoutMillis;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Map<CatalogTable, Table> tableVersions = new HashMap<>();
  private final DeviceRuntime device;
  private final DeviceUsage deviceUsage = new DeviceUsage();

  public ExecutionContext(
      Object[] params,
      BufferAllocator allocator,
      CpuBackend cpuBackend,
      MorselScheduler scheduler,
      Map<Class<?>, Object> attributes) {
    this(params, allocator, cpuBackend, scheduler, attributes, null, 0);
  }

  /** Creates a context that runs everything on the CPU; see the full constructor's parameters. */
  public ExecutionContext(
      Object[] params,
      BufferAllocator allocator,
      CpuBackend cpuBackend,
      MorselScheduler scheduler,
      Map<Class<?>, Object> attributes,
      AtomicBoolean clientCancel,
      long timeoutMillis) {
    this(params, allocator, cpuBackend, scheduler, attributes, clientCancel, timeoutMillis, null);
  }

  /**
   * @param clientCancel a flag that the client sets to cancel, such as JDBC's {@code
   *     Statement.cancel()}; null for none
   * @param timeoutMillis the longest the execution may run, counted from now; 0 for no limit
   * @param device the device that runs pipelines, or null to run everything on the CPU
   */
  public ExecutionContext(
      Object[] params,
      BufferAllocator allocator,
      CpuBackend cpuBackend,
      MorselScheduler scheduler,
      Map<Class<?>, Object> attributes,
      AtomicBoolean clientCancel,
      long timeoutMillis,
      DeviceRuntime device) {
    this.device = device;
    this.clientCancel = clientCancel;
    this.timeoutMillis = timeoutMillis;
    this.deadlineNanos =
        timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : Long.MAX_VALUE;
    this.params = params.clone();
    this.allocator = Objects.requireNonNull(allocator, "allocator");
    this.cpuBackend = Objects.requireNonNull(cpuBackend, "cpuBackend");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.attributes = Map.copyOf(attributes);
  }

  /** Returns the bound parameter values, indexed like the kernels' parameter references. */
  public Object[] params() {
    return params.clone();
  }

  public BufferAllocator allocator() {
    return allocator;
  }

  public CpuBackend cpuBackend() {
    return cpuBackend;
  }

  public MorselScheduler scheduler() {
    return scheduler;
  }

  /** Returns the device that runs pipelines, or null when everything runs on the CPU. */
  public DeviceRuntime device() {
    return device;
  }

  /** Returns where this execution's pipelines ran so far. */
  public DeviceUsage deviceUsage() {
    return deviceUsage;
  }

  /** Returns the attribute of the given type, or throws when the planner did not supply it. */
  public <T> T attribute(Class<T> type) {
    Object value = attributes.get(type);
    if (value == null) {
      throw new IllegalStateException("execution context has no " + type.getName());
    }
    return type.cast(value);
  }

  /**
   * Returns the version of a catalog table that this execution reads. The first call acquires the
   * version committed at that moment and later calls return the same one, so every scan of the
   * table in one statement reads the same rows. The version is released when the context closes.
   */
  public synchronized Table tableVersion(CatalogTable table) {
    Table version = tableVersions.get(table);
    if (version == null) {
      version = table.acquire();
      tableVersions.put(table, version);
      closeWhenDone(version);
    }
    return version;
  }

  /** Registers a resource to close, in reverse order of registration, when the context closes. */
  public synchronized void closeWhenDone(AutoCloseable resource) {
    resources.add(Objects.requireNonNull(resource, "resource"));
  }

  /** Closes every registered resource; the first failure passes on after all were closed. */
  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        RuntimeException wrapped =
            e instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException("failed to release " + resources.get(i), e);
        if (failure == null) {
          failure = wrapped;
        } else {
          failure.addSuppressed(wrapped);
        }
      }
    }
    resources.clear();
    if (failure != null) {
      throw failure;
    }
  }

  /** Requests that the execution stop at the next chunk boundary. */
  public void cancel() {
    canceled.set(true);
  }

  public boolean isCanceled() {
    return canceled.get() || (clientCancel != null && clientCancel.get());
  }

  /**
   * Throws {@link ErrorCode#QUERY_CANCELED} when the execution was canceled, by the engine or the
   * client, or ran past its timeout. Steps call it between chunks, so a query stops within one
   * morsel of the request.
   */
  public void checkCanceled() {
    if (isCanceled()) {
      throw new WarpException(ErrorCode.QUERY_CANCELED, "query canceled");
    }
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() > deadlineNanos) {
      canceled.set(true);
      throw new WarpException(
          ErrorCode.QUERY_CANCELED,
          "query timed out after " + timeoutMillis + " ms; raise the statement's query timeout");
    }
  }
}
