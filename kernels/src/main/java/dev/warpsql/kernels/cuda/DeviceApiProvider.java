package dev.warpsql.kernels.cuda;

import java.util.ServiceLoader;

/**
 * Supplies a {@link DeviceApi} that is not a GPU, found with {@link ServiceLoader} by its name. The
 * PTX interpreter in the kernels module's test jar registers one called {@code ptx-sim}, so the SQL
 * suites can run every pipeline's PTX without a GPU.
 */
public interface DeviceApiProvider {
  /** Returns the name that selects this provider, such as {@code ptx-sim}. */
  String name();

  /** Opens a new device, owned by the caller, who closes it. */
  DeviceApi open();

  /**
   * Returns the provider called {@code name} on the class path of this class's loader, or null when
   * there is none.
   */
  static DeviceApiProvider find(String name) {
    for (DeviceApiProvider provider :
        ServiceLoader.load(DeviceApiProvider.class, DeviceApiProvider.class.getClassLoader())) {
      if (provider.name().equals(name)) {
        return provider;
      }
    }
    return null;
  }
}
