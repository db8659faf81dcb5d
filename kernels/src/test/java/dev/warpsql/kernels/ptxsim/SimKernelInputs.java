package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.cpu.LookupTable;
import dev.warpsql.kernels.ir.DataType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The run-time inputs of one kernel program, shared by the CPU backend and the interpreted PTX:
 * input columns in the layout of {@code ArrowColumns}, parameter values in the physical
 * representation of {@code Literal} (Long, Double, Boolean, or null for NULL), lookup tables, and
 * the build side of each hash table, indexed by {@code ProbeStage.table()}. The caller owns and
 * closes the vectors.
 */
public record SimKernelInputs(
    List<FieldVector> columns,
    Object[] params,
    LookupTable[] lookups,
    BuildSide[] buildSides,
    int rowCount) {
  /** Key and payload columns of one hash table's build side, all with the same row count. */
  public record BuildSide(
      List<FieldVector> keyColumns, List<DataType> keyTypes, List<FieldVector> payload) {}
}
