package dev.warpsql.kernels.ptx;

import java.util.List;
import java.util.Objects;

/**
 * A kernel emitted as PTX: the module text, the name of its {@code .entry}, and the entry's
 * parameters in launch order.
 */
public record PtxKernel(String entryName, String ptx, List<PtxParameter> parameters) {
  public PtxKernel {
    Objects.requireNonNull(entryName, "entryName");
    Objects.requireNonNull(ptx, "ptx");
    parameters = List.copyOf(parameters);
  }
}
