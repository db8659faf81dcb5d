package dev.warpsql.kernels.cpu;

/**
 * Entry points of a generated kernel class. Public only because generated classes live in their own
 * class loader; callers use {@link CpuKernel}, which checks the arguments first.
 */
public interface GeneratedKernel {
  void materialize(KernelArguments arguments, int rowStart, int rowEnd, MaterializeOutput output);

  void aggregate(KernelArguments arguments, int rowStart, int rowEnd, AggregationTable table);
}
