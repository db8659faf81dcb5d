package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.KernelProgram;

/**
 * A kernel program compiled to JVM bytecode.
 *
 * <p>Stateless and thread-safe: many threads may run one kernel at once, each with its own {@link
 * MaterializeOutput} or {@link AggregationTable}. A run raises {@link KernelException} for data
 * errors such as overflow or division by zero, and {@link IllegalArgumentException} when the
 * arguments do not match the program (vector types, row range, parameters, lookups, hash tables).
 * Hash tables are only read, so many runs may probe one {@link JoinBuildSide}'s table at once.
 */
public interface CpuKernel {
  KernelProgram program();

  /** Returns the generated Java source, with comments naming the pipeline, filter and sink. */
  String javaSource();

  /**
   * For a MaterializeSink program: appends to output each row that the pipeline emits for the input
   * rows [rowStart,rowEnd). Without probes these are the passing rows. With probes they are the
   * rows that the last probe stage emits, which may outnumber the range. A run that raises appends
   * no rows.
   */
  void run(KernelArguments arguments, int rowStart, int rowEnd, MaterializeOutput output);

  /**
   * For an AggregateSink program: updates table with each row that the pipeline emits for the input
   * rows [rowStart,rowEnd). A run that raises may leave the table partly updated.
   */
  void run(KernelArguments arguments, int rowStart, int rowEnd, AggregationTable table);

  /**
   * Checks the arguments of a run over the input rows [rowStart,rowEnd) without running: vector
   * types and lengths, parameter values, lookup table kinds and ranges, and hash tables. A GPU host
   * makes the same checks before it launches the program's PTX.
   *
   * @throws IllegalArgumentException where a run would raise it
   */
  void checkArguments(KernelArguments arguments, int rowStart, int rowEnd);
}
