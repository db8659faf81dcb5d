package dev.warpsql.kernels.cuda;

/** A kernel entry of a loaded module, returned by {@link DeviceApi#function}. */
public interface DeviceFunction {
  /** Returns the name of the {@code .entry}. */
  String entryName();
}
