package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ptx.PtxEmitter;
import dev.warpsql.kernels.ptx.PtxHashBuild;
import dev.warpsql.kernels.ptx.PtxKernel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kernels emitted as PTX and loaded on one device, cached by {@link KernelProgram#canonicalText()},
 * so that a pipeline shape is emitted and loaded once per device. Hash build and sort kernels share
 * the cache, keyed by the text that names their shape. Programs of the same canonical text share
 * the module and its entry, named after the first of them.
 *
 * <p>The cache keeps at most {@code capacity} programs, least recently used first out. A module
 * leaves the device when it is out of the cache and no {@link LoadedKernel} references it.
 * Thread-safe.
 */
public final class ModuleCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModuleCache.class);

  private final DeviceApi device;
  private final ExecutorService loaders;
  private final Map<String, Entry> entries;
  private final List<Entry> evicted = new ArrayList<>();
  private long moduleLoads;
  private long compileNanos;
  private Compile slowestCompile;
  private boolean closed;

  /** The PTX emitter's result for a program: its kernel, or why the emitter rejected it. */
  public record Emission(PtxKernel kernel, String rejection) {
    /** Returns whether the program has a kernel. */
    public boolean emitted() {
      return kernel != null;
    }
  }

  /**
   * The time from a program to its loaded module: the PTX emitter's time plus the driver's load,
   * which compiles the PTX for the device.
   *
   * @param pipeline the pipeline's name, or the shape of a hash build kernel
   */
  public record Compile(String pipeline, long emitNanos, long loadNanos) {
    public long nanos() {
      return emitNanos + loadNanos;
    }
  }

  /** One program shape: its emission, and its module while loaded. */
  private static final class Entry {
    final Emission emission;
    final long emitNanos;
    final String name;
    final String compileName;
    DeviceModule module;
    DeviceFunction function;
    int users;

    /** The load in progress, null when none is; a failed load clears it so a later one retries. */
    CompletableFuture<Void> loading;

    Entry(Emission emission, long emitNanos, String name, String compileName) {
      this.emission = emission;
      this.emitNanos = emitNanos;
      this.name = name;
      this.compileName = compileName;
    }

    boolean isLoading() {
      return loading != null && !loading.isDone();
    }
  }

  public ModuleCache(DeviceApi device, int capacity) {
    this(device, capacity, defaultLoaders());
  }

  /**
   * @param loaders threads that load modules ahead of their first launch (see {@link #preload})
   */
  public ModuleCache(DeviceApi device, int capacity, int loaders) {
    this.device = Objects.requireNonNull(device, "device");
    if (loaders < 1) {
      throw new IllegalArgumentException("loaders must be positive, got " + loaders);
    }
    AtomicInteger threads = new AtomicInteger();
    this.loaders =
        Executors.newFixedThreadPool(
            loaders,
            task -> {
              Thread thread = new Thread(task, "warp-module-loader-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            if (size() <= capacity) {
              return false;
            }
            evicted.add(eldest.getValue());
            return true;
          }
        };
  }

  /**
   * Returns the number of loader threads by default: half the processors, at least 1 and at most 8,
   * since the driver compiles each module's PTX on the calling thread (an estimate, not measured).
   */
  private static int defaultLoaders() {
    return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors() / 2));
  }

  /**
   * Starts loading the module of {@code program} on a loader thread unless it is loaded or being
   * loaded, so that the pipelines of a query compile in parallel while it is planned and its first
   * steps run. A program that the emitter rejects is skipped. Failures surface from {@link
   * #acquire}, which loads again.
   */
  public synchronized void preload(KernelProgram program) {
    checkOpen();
    startLoad(entry(program));
    unloadEvicted();
  }

  /**
   * Starts loading the hash build kernel for keys of {@code keyTypes}, as {@link #preload} does.
   */
  public synchronized void preloadHashBuild(List<DataType> keyTypes) {
    checkOpen();
    startLoad(hashBuildEntry(keyTypes));
    unloadEvicted();
  }

  private void startLoad(Entry entry) {
    if (entry.emission.emitted() && entry.module == null && entry.loading == null) {
      CompletableFuture<Void> loading = new CompletableFuture<>();
      entry.loading = loading;
      loaders.execute(() -> load(entry, loading));
    }
  }

  /**
   * Returns the PTX of {@code program}, emitting it unless its canonical text is cached. An emitter
   * rejection is cached and returned, not thrown.
   */
  public synchronized Emission emit(KernelProgram program) {
    checkOpen();
    Entry entry = entry(program);
    unloadEvicted();
    return entry.emission;
  }

  /**
   * Returns the loaded kernel of {@code program}, loading its module on first use. The caller
   * closes the result after its last launch.
   *
   * @throws IllegalArgumentException when the PTX emitter rejects the program
   * @throws DeviceException with {@link DeviceException.Kind#MODULE_LOAD_FAILED} when the device
   *     rejects the PTX
   */
  public LoadedKernel acquire(KernelProgram program) {
    Entry entry;
    synchronized (this) {
      checkOpen();
      entry = entry(program);
      unloadEvicted();
    }
    return acquire(entry);
  }

  /**
   * Returns the loaded kernel that builds join hash tables with keys of {@code keyTypes} (see
   * {@link PtxHashBuild}), loading its module on first use. The caller closes the result after its
   * last launch.
   *
   * @throws DeviceException with {@link DeviceException.Kind#MODULE_LOAD_FAILED} when the device
   *     rejects the PTX
   */
  public LoadedKernel acquireHashBuild(List<DataType> keyTypes) {
    Entry entry;
    synchronized (this) {
      checkOpen();
      entry = hashBuildEntry(keyTypes);
      unloadEvicted();
    }
    return acquire(entry);
  }

  /**
   * Returns the loaded kernel of a fixed routine that no program describes, such as one of {@link
   * dev.warpsql.kernels.ptx.PtxRadixSort}'s, cached under {@code shape}, which must name the
   * emitted kernel uniquely. {@code emitter} runs on the first use only. The caller closes the
   * result after its last launch.
   *
   * @throws DeviceException with {@link DeviceException.Kind#MODULE_LOAD_FAILED} when the device
   *     rejects the PTX
   */
  public LoadedKernel acquireRoutine(String shape, Supplier<PtxKernel> emitter) {
    Entry entry;
    synchronized (this) {
      checkOpen();
      entry = routineEntry(shape, emitter);
      unloadEvicted();
    }
    return acquire(entry);
  }

  private Entry hashBuildEntry(List<DataType> keyTypes) {
    return routineEntry(PtxHashBuild.shape(keyTypes), () -> PtxHashBuild.emit(keyTypes));
  }

  private Entry routineEntry(String shape, Supplier<PtxKernel> emitter) {
    Entry entry = entries.get(shape);
    if (entry == null) {
      long start = System.nanoTime();
      Emission emission = new Emission(emitter.get(), null);
      entry = new Entry(emission, System.nanoTime() - start, shape, shape);
      entries.put(shape, entry);
    }
    return entry;
  }

  /**
   * Returns the loaded kernel of {@code entry}: at once when its module is loaded, after a load in
   * progress on a loader thread, or after loading it on this thread. The cache's lock is not held
   * while the driver compiles, so other pipelines keep using the cache meanwhile.
   */
  private LoadedKernel acquire(Entry entry) {
    CompletableFuture<Void> loading;
    boolean loadHere = false;
    synchronized (this) {
      checkOpen();
      if (!entry.emission.emitted()) {
        throw new IllegalArgumentException(
            entry.name + " has no PTX: " + entry.emission.rejection());
      }
      // Held from here, so that an eviction does not unload the module before this caller runs it.
      entry.users++;
      if (entry.module != null) {
        return new LoadedKernel(this, entry.emission.kernel(), entry.function, entry);
      }
      if (entry.loading == null) {
        entry.loading = new CompletableFuture<>();
        loadHere = true;
      }
      loading = entry.loading;
    }
    if (loadHere) {
      load(entry, loading);
    }
    try {
      loading.join();
    } catch (CompletionException e) {
      release(entry);
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
    synchronized (this) {
      return new LoadedKernel(this, entry.emission.kernel(), entry.function, entry);
    }
  }

  /**
   * Loads the module of {@code entry} without holding the cache's lock, publishes it, and completes
   * {@code loading}. A module that finishes loading after the cache closed is unloaded at once.
   */
  private void load(Entry entry, CompletableFuture<Void> loading) {
    PtxKernel kernel = entry.emission.kernel();
    long start = System.nanoTime();
    DeviceModule module;
    DeviceFunction function;
    try {
      module = device.loadModule(kernel.ptx(), entry.name);
      try {
        function = device.function(module, kernel.entryName());
      } catch (RuntimeException e) {
        device.unloadModule(module);
        throw e;
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        entry.loading = null;
      }
      loading.completeExceptionally(e);
      return;
    }
    synchronized (this) {
      Compile compile = new Compile(entry.compileName, entry.emitNanos, System.nanoTime() - start);
      moduleLoads++;
      compileNanos += compile.nanos();
      if (slowestCompile == null || compile.nanos() > slowestCompile.nanos()) {
        slowestCompile = compile;
      }
      if (closed) {
        device.unloadModule(module);
      } else {
        entry.module = module;
        entry.function = function;
      }
      entry.loading = null;
      LOG.debug(
          "Loaded the module of {} on {} in {} ms",
          entry.name,
          device.description(),
          compile.loadNanos() / 1_000_000);
      unloadEvicted();
    }
    loading.complete(null);
  }

  /** Returns how many modules this cache loaded on the device. */
  public synchronized long moduleLoads() {
    return moduleLoads;
  }

  /** Returns the emission and load time of every module this cache loaded, in nanoseconds. */
  public synchronized long compileNanos() {
    return compileNanos;
  }

  /** Returns the module that took longest from program to loaded module, or null before any. */
  public synchronized Compile slowestCompile() {
    return slowestCompile;
  }

  /** Returns the number of program shapes in the cache. */
  public synchronized int size() {
    return entries.size();
  }

  synchronized void release(Object handle) {
    Entry entry = (Entry) handle;
    entry.users--;
    unloadEvicted();
  }

  private Entry entry(KernelProgram program) {
    String key = program.canonicalText();
    Entry entry = entries.get(key);
    if (entry == null) {
      long start = System.nanoTime();
      Emission emission = emission(program);
      entry =
          new Entry(
              emission, System.nanoTime() - start, "pipeline " + program.name(), program.name());
      entries.put(key, entry);
    }
    return entry;
  }

  private static Emission emission(KernelProgram program) {
    try {
      return new Emission(PtxEmitter.emit(program), null);
    } catch (IllegalArgumentException e) {
      return new Emission(null, "the PTX emitter rejected it: " + e.getMessage());
    }
  }

  private void unloadEvicted() {
    for (Iterator<Entry> it = evicted.iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      // A module still loading is unloaded when its load finishes and calls this again.
      if (entry.users == 0 && !entry.isLoading()) {
        it.remove();
        unload(entry);
      }
    }
  }

  private void unload(Entry entry) {
    if (entry.module != null) {
      device.unloadModule(entry.module);
      entry.module = null;
      entry.function = null;
    }
  }

  /**
   * Unloads every module, after waiting for loads in progress; kernels still held must not be
   * launched afterwards.
   */
  @Override
  public void close() {
    List<CompletableFuture<Void>> inProgress = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      for (Entry entry : entries.values()) {
        unload(entry);
        if (entry.loading != null) {
          inProgress.add(entry.loading);
        }
      }
      for (Entry entry : evicted) {
        unload(entry);
        if (entry.loading != null) {
          inProgress.add(entry.loading);
        }
      }
      entries.clear();
      evicted.clear();
    }
    loaders.shutdown();
    for (CompletableFuture<Void> loading : inProgress) {
      // A failed load has nothing to unload, and its callers saw the failure.
      loading.exceptionally(failure -> null).join();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("module cache is closed");
    }
  }
}
