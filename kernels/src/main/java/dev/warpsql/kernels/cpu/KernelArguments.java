package dev.warpsql.kernels.cpu;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * Run-time inputs of one kernel run.
 *
 * @param inputs one Arrow vector per {@code KernelProgram.inputs()} entry, in the same order and in
 *     the layout of {@code ArrowColumns}; the kernel reads them and never closes them
 * @param params one value per {@code ParamRef} index in the physical representation of {@code
 *     Literal} ({@link Long}, {@link Double} or {@link Boolean}), or null for SQL NULL; may be null
 *     when the program has no parameters, and may be longer than the program needs
 * @param lookups one table per {@code CodeLookup} and {@code CodeMap} table index, of the kind that
 *     its readers need (see {@link LookupTable}); may be null when there are none
 * @param buildSides one join build side per {@code ProbeStage.table()} index, whose hash table the
 *     kernel probes and never closes; may be null when the program has no probes
 * @param cancelCheck called from the probe loops of a run, so that a canceled query stops within a
 *     fraction of a morsel; {@link CancelCheck#NONE} when nothing cancels the run
 */
public record KernelArguments(
    List<FieldVector> inputs,
    Object[] params,
    LookupTable[] lookups,
    JoinBuildSide[] buildSides,
    CancelCheck cancelCheck) {
  public KernelArguments {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(cancelCheck, "cancelCheck");
  }

  /** Returns arguments whose runs nothing cancels. */
  public KernelArguments(
      List<FieldVector> inputs,
      Object[] params,
      LookupTable[] lookups,
      JoinBuildSide[] buildSides) {
    this(inputs, params, lookups, buildSides, CancelCheck.NONE);
  }

  /** Returns arguments without build sides, for programs without probes. */
  public KernelArguments(List<FieldVector> inputs, Object[] params, LookupTable[] lookups) {
    this(inputs, params, lookups, null, CancelCheck.NONE);
  }

  /**
   * Raises when a run would read rows at or past the end of an input vector. Kernels read their
   * inputs by address, without Arrow's checks, and call this once per input before the row loop.
   */
  public static void checkRowRange(FieldVector input, int rowEnd) {
    if (rowEnd > input.getValueCount()) {
      throw new IndexOutOfBoundsException(
          "kernel rows end at "
              + rowEnd
              + ", past the "
              + input.getValueCount()
              + " values of "
              + input.getName());
    }
  }
}
