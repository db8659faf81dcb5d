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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kernels emitted as PTX and loaded on one device, cached by {@link KernelProgram#canonicalText()},
 * so that a pipeline shape is emitted and loaded once per device. Hash build kernels share the
 * cache, keyed by their key types. Programs of the same canonical text share the module and its
 * entry, named after the first of them.
 *
 * <p>The cache keeps at most {@code capacity} programs, least recently used first out. A module
 * leaves the device when it is out of the cache and no {@link LoadedKernel} references it.
 * Thread-safe.
 */
public final class ModuleCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModuleCache.class);

  private final DeviceApi device;
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
    DeviceModule module;
    DeviceFunction function;
    int users;

    Entry(Emission emission, long emitNanos) {
      this.emission = emission;
      this.emitNanos = emitNanos;
    }
  }

  public ModuleCache(DeviceApi device, int capacity) {
    this.device = Objects.requireNonNull(device, "device");
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
  public synchronized LoadedKernel acquire(KernelProgram program) {
    checkOpen();
    return acquire(entry(program), "pipeline " + program.name(), program.name());
  }

  /**
   * Returns the loaded kernel that builds join hash tables with keys of {@code keyTypes} (see
   * {@link PtxHashBuild}), loading its module on first use. The caller closes the result after its
   * last launch.
   *
   * @throws DeviceException with {@link DeviceException.Kind#MODULE_LOAD_FAILED} when the device
   *     rejects the PTX
   */
  public synchronized LoadedKernel acquireHashBuild(List<DataType> keyTypes) {
    checkOpen();
    String shape = PtxHashBuild.shape(keyTypes);
    Entry entry = entries.get(shape);
    if (entry == null) {
      long start = System.nanoTime();
      Emission emission = new Emission(PtxHashBuild.emit(keyTypes), null);
      entry = new Entry(emission, System.nanoTime() - start);
      entries.put(shape, entry);
    }
    return acquire(entry, shape, shape);
  }

  private LoadedKernel acquire(Entry entry, String name, String compileName) {
    try {
      if (!entry.emission.emitted()) {
        throw new IllegalArgumentException(name + " has no PTX: " + entry.emission.rejection());
      }
      if (entry.module == null) {
        PtxKernel kernel = entry.emission.kernel();
        long start = System.nanoTime();
        entry.module = device.loadModule(kernel.ptx(), name);
        entry.function = device.function(entry.module, kernel.entryName());
        Compile compile = new Compile(compileName, entry.emitNanos, System.nanoTime() - start);
        moduleLoads++;
        compileNanos += compile.nanos();
        if (slowestCompile == null || compile.nanos() > slowestCompile.nanos()) {
          slowestCompile = compile;
        }
        LOG.debug(
            "Loaded the module of {} on {} in {} ms",
            name,
            device.description(),
            compile.loadNanos() / 1_000_000);
      }
      entry.users++;
      return new LoadedKernel(this, entry.emission.kernel(), entry.function, entry);
    } finally {
      unloadEvicted();
    }
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
      entry = new Entry(emission, System.nanoTime() - start);
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
      if (entry.users == 0) {
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

  /** Unloads every module; kernels still held must not be launched afterwards. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Entry entry : entries.values()) {
      unload(entry);
    }
    for (Entry entry : evicted) {
      unload(entry);
    }
    entries.clear();
    evicted.clear();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("module cache is closed");
    }
  }
}
