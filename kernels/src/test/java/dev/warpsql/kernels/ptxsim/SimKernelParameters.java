package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ProbeStage;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel parameter list that the CUDA backend's documented ABI prescribes for a program, as
 * {@code "name .type"} strings in launch order. It is derived from the program alone, so a test can
 * compare it with the {@code .entry} that the emitter declared.
 */
final class SimKernelParameters {
  private SimKernelParameters() {}

  static List<String> expected(KernelProgram program) {
    List<String> names = new ArrayList<>();
    names.add("chunk_count .u32");
    names.add("chunk_table .u64");
    for (int i = 0; i < program.params().size(); i++) {
      names.add("param" + i + "_value " + registerType(program.params().get(i)));
      names.add("param" + i + "_null .u32");
    }
    for (int i = 0; i < program.lookupTables(); i++) {
      names.add("lookup" + i + "_values .u64");
      names.add("lookup" + i + "_nulls .u64");
      names.add("lookup" + i + "_size .u32");
    }
    for (int p = 0; p < program.probes().size(); p++) {
      ProbeStage stage = program.probes().get(p);
      String prefix = "probe" + p + "_";
      names.add(prefix + "slot_mask .u32");
      names.add(prefix + "partition_shift .u32");
      names.add(prefix + "partition .u32");
      names.add(prefix + "slot_rows .u64");
      names.add(prefix + "slot_keys .u64");
      if (stage.keys().size() >= 2) {
        names.add(prefix + "slot_hashes .u64");
      }
      names.add(prefix + "next .u64");
      for (int c = 0; c < stage.buildColumns().size(); c++) {
        names.add(prefix + "col" + c + "_data .u64");
        names.add(prefix + "col" + c + "_validity .u64");
      }
    }
    names.add("error .u64");
    if (program.sink() instanceof MaterializeSink materialize) {
      names.add("out_count .u64");
      if (hasOutputCapacity(program)) {
        names.add("out_capacity .u32");
      }
      for (int i = 0; i < materialize.outputs().size(); i++) {
        names.add("out" + i + "_data .u64");
        names.add("out" + i + "_validity .u64");
      }
    } else {
      names.add("accumulators .u64");
      if (!((AggregateSink) program.sink()).groupKeys().isEmpty()) {
        names.add("group_capacity .u32");
        names.add("group_limit .u32");
        names.add("group_slots .u64");
        names.add("group_keys .u64");
        names.add("group_nulls .u64");
        names.add("group_count .u64");
      }
    }
    return names;
  }

  /**
   * Returns whether a materializing program has {@code out_capacity}: with INNER or LEFT probes.
   */
  static boolean hasOutputCapacity(KernelProgram program) {
    for (ProbeStage stage : program.probes()) {
      if (stage.kind() == JoinKind.INNER || stage.kind() == JoinKind.LEFT) {
        return true;
      }
    }
    return false;
  }

  /** Returns the PTX type of a parameter value: its register type, BOOLEAN as {@code .u32}. */
  static String registerType(DataType type) {
    return switch (type.kind()) {
      case BOOLEAN -> ".u32";
      case TINYINT, SMALLINT, INTEGER, DATE, VARCHAR -> ".s32";
      case BIGINT, DECIMAL, TIME, TIMESTAMP -> ".s64";
      case REAL -> ".f32";
      case DOUBLE -> ".f64";
    };
  }
}
