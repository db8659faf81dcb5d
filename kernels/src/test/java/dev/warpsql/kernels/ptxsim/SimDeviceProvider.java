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

  @Override
  public String name() {
    return "ptx-sim";
  }

  @Override
  public DeviceApi open() {
    String seed = System.getProperty(SEED_PROPERTY);
    SimLaunch.Options options =
        seed == null
            ? SimLaunch.Options.sequential()
            : SimLaunch.Options.interleaved(Long.parseLong(seed), QUANTUM);
    return new SimDevice(options);
  }
}
