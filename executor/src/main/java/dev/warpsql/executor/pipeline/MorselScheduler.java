package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs the morsels of a pipeline on a fixed set of worker threads, one per core by default.
 *
 * <p>Each worker pulls the next morsel index from a shared counter, so fast workers take more
 * morsels and a slow chunk does not hold up the others. A failure in any worker stops the others at
 * their next morsel and is rethrown to the caller.
 */
public final class MorselScheduler implements AutoCloseable {
  private final int parallelism;
  private final ExecutorService workers;

  public MorselScheduler(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
    AtomicInteger threadNumber = new AtomicInteger();
    ThreadFactory threads =
        runnable -> {
          Thread thread = new Thread(runnable, "warp-worker-" + threadNumber.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    this.workers = Executors.newFixedThreadPool(parallelism, threads);
  }

  public int parallelism() {
    return parallelism;
  }

  /**
   * Runs {@code morselCount} morsels over at most {@link #parallelism()} workers and returns one
   * result per worker that ran.
   *
   * @param workerFactory creates the state of one worker, given its number
   */
  public <W extends MorselWorker> List<W> run(
      int morselCount, ExecutionContext context, IntFunction<W> workerFactory) {
    int workerCount = Math.max(1, Math.min(parallelism, morselCount));
    AtomicInteger nextMorsel = new AtomicInteger();
    List<W> states = new ArrayList<>();
    for (int i = 0; i < workerCount; i++) {
      states.add(workerFactory.apply(i));
    }
    if (workerCount == 1) {
      drain(states.get(0), morselCount, nextMorsel, context);
      return states;
    }

    List<Future<?>> futures = new ArrayList<>();
    for (W state : states) {
      futures.add(workers.submit(() -> drain(state, morselCount, nextMorsel, context)));
    }
    RuntimeException failure = null;
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        context.cancel();
        if (failure == null) {
          failure = asRuntime(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        context.cancel();
        failure = new WarpException(ErrorCode.QUERY_CANCELED, "query interrupted", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return states;
  }

  private static void drain(
      MorselWorker worker, int morselCount, AtomicInteger nextMorsel, ExecutionContext context) {
    for (int morsel = nextMorsel.getAndIncrement();
        morsel < morselCount;
        morsel = nextMorsel.getAndIncrement()) {
      context.checkCanceled();
      worker.process(morsel);
    }
  }

  private static RuntimeException asRuntime(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new WarpException(ErrorCode.INTERNAL_ERROR, "worker failed: " + cause, cause);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  /** State of one worker thread; it processes the morsels it pulls, one at a time. */
  public interface MorselWorker {
    void process(int morsel);
  }
}
