package dev.warpsql.kernels.cuda;

/** A module that {@link DeviceApi#loadModule} loaded; each implementation has its own handles. */
public interface DeviceModule {}
