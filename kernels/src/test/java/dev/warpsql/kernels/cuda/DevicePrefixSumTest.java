package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.ptxsim.SimDevice;
import dev.warpsql.kernels.ptxsim.SimLaunch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The prefix sum across blocks on the PTX interpreter, against a sum on the host. */
class DevicePrefixSumTest {
  private final Random random = new Random(42);

  @Test
  void sumsOfPartialAndWholeBlocks() {
    try (SimDevice device = new SimDevice(SimLaunch.Options.sequential())) {
      for (int count : new int[] {1, 255, 4_096, 4_097, 10_000}) {
        assertPrefixSums(device, counts(count, 1_000));
      }
    }
  }

  @Test
  void moreBlocksThanThreadsInTheTotalsScan() {
    try (SimDevice device = new SimDevice(SimLaunch.Options.sequential())) {
      assertPrefixSums(device, counts(257 * 4_096 + 5, 3));
    }
  }

  @Test
  void interleavedThreadsGiveTheSameSums() {
    try (SimDevice device = new SimDevice(SimLaunch.Options.interleaved(5, 2))) {
      assertPrefixSums(device, counts(9_000, 100));
    }
  }

  private int[] counts(int count, int bound) {
    int[] counts = new int[count];
    for (int i = 0; i < count; i++) {
      counts[i] = random.nextInt(bound);
    }
    return counts;
  }

  /** Returns the first index where the arrays differ, or -1; a full diff of a million is slow. */
  private static String firstDifference(int[] actual, int[] expected) {
    for (int i = 0; i < expected.length; i++) {
      if (actual[i] != expected[i]) {
        return "index " + i + ": " + actual[i] + " instead of " + expected[i];
      }
    }
    return "none";
  }

  private static void assertPrefixSums(SimDevice device, int[] counts) {
    int[] expected = new int[counts.length];
    int running = 0;
    for (int i = 0; i < counts.length; i++) {
      expected[i] = running;
      running += counts[i];
    }

    try (DeviceMemoryPool pool = new DeviceMemoryPool(device, 1 << 20, 64 << 20);
        ModuleCache modules = new ModuleCache(device, 4, 1);
        DeviceMemoryOwner owner = pool.newOwner("prefix sum test")) {
      DeviceBuffer values = owner.allocate("counts", counts.length * 4L);
      DeviceBuffer totals = owner.allocate("totals", DevicePrefixSum.blocks(counts.length) * 4L);
      ByteBuffer bytes = ByteBuffer.allocate(counts.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asIntBuffer().put(counts);
      device.copyToDevice(values.address(), bytes);
      List<LoadedKernel> loaded = new ArrayList<>();

      DevicePrefixSum.launch(
          device,
          (shape, emitter) -> {
            LoadedKernel kernel = modules.acquireRoutine(shape, emitter);
            loaded.add(kernel);
            return kernel;
          },
          values.address(),
          counts.length,
          totals.address());
      device.synchronize();
      bytes.clear();
      device.copyToHost(bytes, values.address());
      bytes.clear();
      int[] actual = new int[counts.length];
      bytes.asIntBuffer().get(actual);

      assertThat(firstDifference(actual, expected))
          .as("%d counts", counts.length)
          .isEqualTo("none");
      loaded.forEach(LoadedKernel::close);
      values.close();
      totals.close();
    }
  }
}
