package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.cuda.DeviceApi;
import dev.warpsql.kernels.cuda.DeviceApiProvider;

/**
 * Registers {@link SimDevice} as the device called {@code ptx-sim}, for the connection property
 * {@code device=ptx-sim}. Threads run sequentially unless the system property {@value
 * #SEED_PROPERTY} sets a seed, which interleaves them in a random order drawn from it.
 */
public final class SimDeviceProvider implements DeviceApiProvider {
  /** System property with the seed of an interleaved schedule. */
  public static final String SEED_PROPERTY = "warp.ptxsim.seed";

  /** Most instructions a thread runs per turn in an interleaved schedule. */
  private static final int QUANTUM = 40;

  /**
   * Most instructions one block may run, ten times the harness's default: a block of a join
   * pipeline with long candidate chains, such as TPC-H Q5 at SF 0.1, runs over 200 million.
   */
  private static final long INSTRUCTION_LIMIT = 2_000_000_000L;

  @Override
  public String name() {
    return "ptx-sim";
  }

  @Override
  public DeviceApi open() {
    String seed = System.getProperty(SEED_PROPERTY);
    SimLaunch.Options schedule =
        seed == null
            ? SimLaunch.Options.sequential()
            : SimLaunch.Options.interleaved(Long.parseLong(seed), QUANTUM);
    SimLaunch.Options options =
        new SimLaunch.Options(schedule.quantum(), schedule.seed(), INSTRUCTION_LIMIT);
    return new SimDevice(options);
  }
}
