package dev.warpsql.planner.lower;

import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InSet;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.ProbeStage;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Finds the input columns that kernel expressions read, and renumbers them densely. */
final class InputRemapper {
  private InputRemapper() {}

  /** Adds the input columns that {@code expr} reads to {@code used}. */
  static void collect(Expr expr, BitSet used) {
    if (expr instanceof InputRef ref) {
      used.set(ref.index());
    } else if (expr instanceof Call call) {
      for (Expr operand : call.operands()) {
        collect(operand, used);
      }
    } else if (expr instanceof CodeLookup lookup) {
      collect(lookup.code(), used);
    } else if (expr instanceof CodeMap map) {
      collect(map.code(), used);
    } else if (expr instanceof InSet set) {
      collect(set.operand(), used);
    }
  }

  /** Adds the input columns that a probe stage's keys and conditions read to {@code used}. */
  static void collect(ProbeStage probe, BitSet used) {
    for (Expr key : probe.keys()) {
      collect(key, used);
    }
    if (probe.residual() != null) {
      collect(probe.residual(), used);
    }
    if (probe.after() != null) {
      collect(probe.after(), used);
    }
  }

  /** Returns a probe stage with input column {@code i} renamed to {@code mapping[i]}. */
  static ProbeStage remap(ProbeStage probe, int[] mapping) {
    List<Expr> keys = new ArrayList<>();
    for (Expr key : probe.keys()) {
      keys.add(remap(key, mapping));
    }
    Expr residual = probe.residual() == null ? null : remap(probe.residual(), mapping);
    Expr after = probe.after() == null ? null : remap(probe.after(), mapping);
    return new ProbeStage(probe.table(), keys, probe.kind(), probe.buildColumns(), residual, after);
  }

  /** Returns {@code expr} with input column {@code i} renamed to {@code mapping[i]}. */
  static Expr remap(Expr expr, int[] mapping) {
    if (expr instanceof InputRef ref) {
      return new InputRef(mapping[ref.index()], ref.type(), ref.nullable());
    }
    if (expr instanceof Call call) {
      List<Expr> operands = new ArrayList<>(call.operands().size());
      for (Expr operand : call.operands()) {
        operands.add(remap(operand, mapping));
      }
      return new Call(call.operator(), operands, call.type(), call.nullable());
    }
    if (expr instanceof CodeLookup lookup) {
      return new CodeLookup(remap(lookup.code(), mapping), lookup.table());
    }
    if (expr instanceof CodeMap map) {
      return new CodeMap(remap(map.code(), mapping), map.table(), map.type());
    }
    if (expr instanceof InSet set) {
      return new InSet(remap(set.operand(), mapping), set.values());
    }
    return expr;
  }
}
