package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ModuleCacheTest {
  private final FakeDevice device = new FakeDevice(1 << 20);

  private static KernelProgram scan(String name, DataType type) {
    return new KernelProgram(
        name,
        List.of(new KernelProgram.InputColumn(type, true)),
        List.of(),
        0,
        null,
        new MaterializeSink(List.of(new InputRef(0, type, true))));
  }

  @Test
  void sameShapeLoadsOnce() {
    try (ModuleCache cache = new ModuleCache(device, 8)) {
      try (LoadedKernel first = cache.acquire(scan("pipeline1", DataType.INTEGER));
          LoadedKernel second = cache.acquire(scan("pipeline7", DataType.INTEGER))) {
        assertThat(device.loadedModules).containsExactly("pipeline pipeline1");
        assertThat(second.kernel().entryName()).isEqualTo("warp_pipeline1");
        assertThat(second.function()).isSameAs(first.function());
      }
      assertThat(cache.moduleLoads()).isEqualTo(1);
    }
    assertThat(device.unloadedModules).containsExactly("pipeline pipeline1");
  }

  @Test
  void compileTimesCountNewShapesOnly() {
    try (ModuleCache cache = new ModuleCache(device, 8)) {
      assertThat(cache.slowestCompile()).isNull();
      try (LoadedKernel first = cache.acquire(scan("pipeline1", DataType.INTEGER))) {
        long afterFirst = cache.compileNanos();
        try (LoadedKernel again = cache.acquire(scan("pipeline2", DataType.INTEGER));
            LoadedKernel other = cache.acquire(scan("pipeline3", DataType.BIGINT))) {
          ModuleCache.Compile slowest = cache.slowestCompile();

          assertThat(afterFirst).isPositive();
          assertThat(cache.compileNanos()).isGreaterThan(afterFirst);
          assertThat(slowest.emitNanos()).isPositive();
          assertThat(slowest.nanos()).isLessThanOrEqualTo(cache.compileNanos());
          assertThat(slowest.pipeline()).isIn("pipeline1", "pipeline3");
        }
      }
    }
  }

  /** Makes every module load wait until {@code gate} opens, counting down {@code started} first. */
  private void holdLoads(CountDownLatch started, CountDownLatch gate) {
    device.beforeLoad =
        () -> {
          started.countDown();
          try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
              throw new IllegalStateException("the test never opened the load gate");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        };
  }

  @Test
  void preloadsCompileInParallel() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch gate = new CountDownLatch(1);
    holdLoads(started, gate);
    try (ModuleCache cache = new ModuleCache(device, 8, 2)) {
      cache.preload(scan("pipeline1", DataType.INTEGER));
      cache.preload(scan("pipeline2", DataType.BIGINT));

      boolean both = started.await(10, TimeUnit.SECONDS);
      gate.countDown();

      assertThat(both).as("both loads in progress at once").isTrue();
      try (LoadedKernel first = cache.acquire(scan("pipeline1", DataType.INTEGER));
          LoadedKernel second = cache.acquire(scan("pipeline2", DataType.BIGINT))) {
        assertThat(cache.moduleLoads()).isEqualTo(2);
        assertThat(device.loadedModules)
            .containsExactlyInAnyOrder("pipeline pipeline1", "pipeline pipeline2");
      }
    }
  }

  @Test
  void acquireWaitsForPreload() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    holdLoads(started, gate);
    try (ModuleCache cache = new ModuleCache(device, 8, 1)) {
      cache.preload(scan("pipeline1", DataType.INTEGER));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<LoadedKernel> acquired =
          CompletableFuture.supplyAsync(() -> cache.acquire(scan("pipeline4", DataType.INTEGER)));
      Thread.sleep(100);
      boolean doneBeforeLoad = acquired.isDone();
      gate.countDown();

      assertThat(doneBeforeLoad).as("acquire returned before the module loaded").isFalse();
      try (LoadedKernel kernel = acquired.get(10, TimeUnit.SECONDS)) {
        assertThat(kernel.kernel().entryName()).isEqualTo("warp_pipeline1");
      }
      assertThat(device.loadedModules).containsExactly("pipeline pipeline1");
    }
  }

  @Test
  void closeWaitsForLoadsAndUnloadsThem() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    holdLoads(started, gate);
    ModuleCache cache = new ModuleCache(device, 8, 1);
    cache.preload(scan("pipeline1", DataType.INTEGER));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> closed = CompletableFuture.runAsync(cache::close);
    Thread.sleep(100);
    boolean closedBeforeLoad = closed.isDone();
    gate.countDown();
    closed.get(10, TimeUnit.SECONDS);

    assertThat(closedBeforeLoad).as("close returned during a load").isFalse();
    assertThat(device.unloadedModules).containsExactly("pipeline pipeline1");
  }

  @Test
  void evictedModuleStaysLoadedWhileHeld() {
    try (ModuleCache cache = new ModuleCache(device, 1)) {
      LoadedKernel held = cache.acquire(scan("pipeline1", DataType.INTEGER));
      cache.acquire(scan("pipeline2", DataType.BIGINT)).close();

      assertThat(cache.size()).isEqualTo(1);
      assertThat(device.unloadedModules).isEmpty();
      held.close();
      assertThat(device.unloadedModules).containsExactly("pipeline pipeline1");
    }
  }

  @Test
  void rejectedProgramIsReportedNotLoaded() {
    List<Expr> keys = new ArrayList<>();
    List<KernelProgram.InputColumn> inputs = new ArrayList<>();
    for (int k = 0; k < 33; k++) {
      keys.add(new InputRef(k, DataType.INTEGER, true));
      inputs.add(new KernelProgram.InputColumn(DataType.INTEGER, true));
    }
    AggregateCall count = new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT);
    KernelProgram wide =
        new KernelProgram(
            "pipeline9", inputs, List.of(), 0, null, new AggregateSink(keys, List.of(count)));

    try (ModuleCache cache = new ModuleCache(device, 4)) {
      ModuleCache.Emission emission = cache.emit(wide);

      assertThat(emission.emitted()).isFalse();
      assertThat(emission.rejection()).startsWith("the PTX emitter rejected it");
      assertThatThrownBy(() -> cache.acquire(wide))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("pipeline9 has no PTX");
      assertThat(device.loadedModules).isEmpty();
    }
  }
}
