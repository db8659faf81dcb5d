package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.ptx.PtxKernel;
import dev.warpsql.kernels.ptx.PtxPrefixSum;
import java.util.function.Supplier;

/**
 * Replaces 32-bit counts in device memory by their exclusive prefix sums, in place, with the three
 * kernels of {@link PtxPrefixSum}: block totals, their scan in one block, then each block's counts.
 */
final class DevicePrefixSum {
  /** A source of loaded kernels, which the caller releases. */
  interface Kernels {
    LoadedKernel kernel(String shape, Supplier<PtxKernel> emitter);
  }

  private DevicePrefixSum() {}

  /** Returns the 32-bit block totals that a sum of {@code count} counts needs. */
  static int blocks(long count) {
    return (int) Math.max(1, (count + PtxPrefixSum.BLOCK_ENTRIES - 1) / PtxPrefixSum.BLOCK_ENTRIES);
  }

  /**
   * Launches the sum of the {@code count} counts at {@code counts}, using {@link #blocks} totals at
   * {@code totals}. The launches are queued on the device's stream, in order.
   */
  static void launch(DeviceApi device, Kernels kernels, long counts, int count, long totals) {
    int blocks = blocks(count);
    LoadedKernel summer = kernels.kernel(PtxPrefixSum.BLOCK_SUMS, PtxPrefixSum::blockSums);
    launchOverBlocks(device, summer, blocks, counts, count, totals);

    LoadedKernel scanner = kernels.kernel(PtxPrefixSum.TOTALS, PtxPrefixSum::totals);
    KernelParameterBuffer scanned = new KernelParameterBuffer(scanner.kernel().parameters());
    scanned.setLong("block_count", blocks);
    scanned.setLong("totals", totals);
    device.launch(scanner.function(), new LaunchShape(1, PtxPrefixSum.BLOCK_SIZE), scanned);

    LoadedKernel writer = kernels.kernel(PtxPrefixSum.POSITIONS, PtxPrefixSum::positions);
    launchOverBlocks(device, writer, blocks, counts, count, totals);
  }

  private static void launchOverBlocks(
      DeviceApi device, LoadedKernel kernel, int blocks, long counts, int count, long totals) {
    KernelParameterBuffer parameters = new KernelParameterBuffer(kernel.kernel().parameters());
    parameters.setLong("count", count);
    parameters.setLong("counts", counts);
    parameters.setLong("totals", totals);
    device.launch(kernel.function(), new LaunchShape(blocks, PtxPrefixSum.BLOCK_SIZE), parameters);
  }
}
