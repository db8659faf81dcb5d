package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.KernelProgram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles kernel programs to JVM bytecode: the program becomes Java source (see {@link
 * CpuKernel#javaSource()}), which Janino compiles in memory.
 *
 * <p>Compiled kernels are cached by {@link KernelProgram#canonicalText()} in a least recently used
 * cache of fixed capacity, so pipelines of the same shape compile once. Thread-safe: concurrent
 * requests for the same shape wait for one compilation instead of compiling twice.
 */
public final class CpuBackend {
  private static final Logger LOG = LoggerFactory.getLogger(CpuBackend.class);

  private final Map<String, CompletableFuture<CompiledKernel>> cache;
  private final AtomicLong compilations = new AtomicLong();

  /** Creates a backend whose cache keeps at most {@code cacheCapacity} compiled kernels. */
  public CpuBackend(int cacheCapacity) {
    if (cacheCapacity < 1) {
      throw new IllegalArgumentException("cache capacity must be positive, got " + cacheCapacity);
    }
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(
              Map.Entry<String, CompletableFuture<CompiledKernel>> eldest) {
            return size() > cacheCapacity;
          }
        };
  }

  /**
   * Returns the compiled kernel for {@code program}, compiling it unless a program of the same
   * canonical text is cached. The returned kernel reports {@code program} as its program.
   *
   * @throws IllegalArgumentException when the program uses types or operators that the CPU backend
   *     does not support
   * @throws KernelException with {@link KernelErrorCode#COMPILATION_FAILED} when Janino rejects the
   *     generated source
   */
  public CpuKernel compile(KernelProgram program) {
    String key = program.canonicalText();
    CompletableFuture<CompiledKernel> entry;
    boolean owner = false;
    synchronized (cache) {
      entry = cache.get(key);
      if (entry == null) {
        entry = new CompletableFuture<>();
        cache.put(key, entry);
        owner = true;
      }
    }
    if (owner) {
      try {
        entry.complete(compileUncached(program));
      } catch (RuntimeException | Error e) {
        synchronized (cache) {
          cache.remove(key, entry);
        }
        entry.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return entry.join().forProgram(program);
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Returns the number of kernels in the cache, including ones still compiling. */
  public int cachedKernelCount() {
    synchronized (cache) {
      return cache.size();
    }
  }

  /**
   * Returns a snapshot of the programs whose kernels are in the cache and compiled, least recently
   * used first: one program per canonical text, the one that was compiled. Kernels still compiling
   * or evicted are not included.
   */
  public List<KernelProgram> compiledPrograms() {
    List<KernelProgram> programs = new ArrayList<>();
    synchronized (cache) {
      for (CompletableFuture<CompiledKernel> entry : cache.values()) {
        if (entry.isDone() && !entry.isCompletedExceptionally()) {
          programs.add(entry.join().program());
        }
      }
    }
    return programs;
  }

  /** Returns how many times Janino compiled a kernel since this backend was created. */
  public long compilationCount() {
    return compilations.get();
  }

  private CompiledKernel compileUncached(KernelProgram program) {
    long start = System.nanoTime();
    String source = KernelSourceGenerator.generate(program);
    LOG.trace("Generated source of pipeline {}:\n{}", program.name(), source);
    GeneratedKernel generated = cook(program.name(), source);
    LOG.debug(
        "Compiled CPU kernel of pipeline {} in {} ms",
        program.name(),
        (System.nanoTime() - start) / 1_000_000);
    return new CompiledKernel(program, source, generated);
  }

  /** Compiles generated source with Janino and instantiates its kernel class. */
  GeneratedKernel cook(String pipelineName, String source) {
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(CpuBackend.class.getClassLoader());
    try {
      compilations.incrementAndGet();
      compiler.cook(source);
      Class<?> kernelClass = compiler.getClassLoader().loadClass(KernelSourceGenerator.CLASS_NAME);
      return (GeneratedKernel) kernelClass.getDeclaredConstructor().newInstance();
    } catch (CompileException e) {
      // Debug level, because the source can run to megabytes and the caller receives the error.
      LOG.debug(
          "Generated source of pipeline {} failed to compile: {}\n{}",
          pipelineName,
          e.getMessage(),
          source);
      throw new KernelException(
          KernelErrorCode.COMPILATION_FAILED,
          "failed to compile the CPU kernel of pipeline " + pipelineName + ": " + e.getMessage(),
          e);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new KernelException(
          KernelErrorCode.COMPILATION_FAILED,
          "failed to load the CPU kernel of pipeline " + pipelineName + ": " + e,
          e);
    }
  }
}
