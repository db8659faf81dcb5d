package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InSet;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ParamRef;
import dev.warpsql.kernels.ir.ProbeStage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Input columns, parameters, lookup tables and build columns that a set of expressions reads.
 * {@code buildColumns} maps a probe stage index to the payload columns read from its build rows,
 * and {@code lookupTypes} maps a lookup table index to the types it is read as (BOOLEAN for a
 * {@link CodeLookup}, the type of a {@link CodeMap}).
 */
final class ExprReferences {
  final SortedSet<Integer> inputs = new TreeSet<>();
  final SortedSet<Integer> params = new TreeSet<>();
  final SortedSet<Integer> lookups = new TreeSet<>();
  final SortedMap<Integer, Set<DataType>> lookupTypes = new TreeMap<>();
  final SortedMap<Integer, SortedSet<Integer>> buildColumns = new TreeMap<>();

  /** Returns the references of the given expressions; null entries are skipped. */
  static ExprReferences of(List<Expr> exprs) {
    ExprReferences references = new ExprReferences();
    for (Expr expr : exprs) {
      if (expr != null) {
        references.add(expr);
      }
    }
    return references;
  }

  /** Returns the expressions of a program's sink: outputs, or group keys then arguments. */
  static List<Expr> sinkExprs(KernelProgram program) {
    List<Expr> exprs = new ArrayList<>();
    if (program.sink() instanceof MaterializeSink materialize) {
      exprs.addAll(materialize.outputs());
    } else {
      AggregateSink aggregate = (AggregateSink) program.sink();
      exprs.addAll(aggregate.groupKeys());
      for (AggregateCall call : aggregate.calls()) {
        exprs.add(call.argument());
      }
    }
    return exprs;
  }

  /**
   * Returns every expression of a program's pipeline in evaluation order: the filter, each probe
   * stage's keys, residual and after condition, then the sink's. Absent conditions are null
   * entries.
   */
  static List<Expr> pipelineExprs(KernelProgram program) {
    List<Expr> exprs = new ArrayList<>();
    exprs.add(program.filter());
    for (ProbeStage probe : program.probes()) {
      exprs.addAll(probeExprs(probe));
    }
    exprs.addAll(sinkExprs(program));
    return exprs;
  }

  /** Returns a probe stage's keys, residual and after condition, with null for an absent one. */
  private static List<Expr> probeExprs(ProbeStage probe) {
    List<Expr> exprs = new ArrayList<>(probe.keys());
    exprs.add(probe.residual());
    exprs.add(probe.after());
    return exprs;
  }

  /** Returns the build columns of probe stage {@code probe} that the expressions read. */
  SortedSet<Integer> buildColumnsOf(int probe) {
    return buildColumns.getOrDefault(probe, new TreeSet<>());
  }

  /**
   * Returns the kind of table that each read lookup table must be.
   *
   * @throws IllegalArgumentException when expressions read one table as values of different kinds
   */
  SortedMap<Integer, LookupTable.Kind> lookupKinds() {
    SortedMap<Integer, LookupTable.Kind> kinds = new TreeMap<>();
    for (Map.Entry<Integer, Set<DataType>> entry : lookupTypes.entrySet()) {
      DataType first = null;
      LookupTable.Kind firstKind = null;
      for (DataType type : entry.getValue()) {
        LookupTable.Kind kind = LookupTable.kindReadAs(type);
        if (first == null) {
          first = type;
          firstKind = kind;
        } else if (kind != firstKind) {
          throw new IllegalArgumentException(
              "lookup table #"
                  + entry.getKey()
                  + " is read as both "
                  + first
                  + " and "
                  + type
                  + ", but a table contains values of one kind only");
        }
      }
      kinds.put(entry.getKey(), firstKind);
    }
    return kinds;
  }

  private void add(Expr expr) {
    if (expr instanceof InputRef input) {
      inputs.add(input.index());
    } else if (expr instanceof ParamRef param) {
      params.add(param.index());
    } else if (expr instanceof BuildRef build) {
      buildColumns.computeIfAbsent(build.probe(), probe -> new TreeSet<>()).add(build.column());
    } else if (expr instanceof CodeLookup lookup) {
      addLookup(lookup.table(), DataType.BOOLEAN);
      add(lookup.code());
    } else if (expr instanceof CodeMap map) {
      addLookup(map.table(), map.type());
      add(map.code());
    } else if (expr instanceof InSet set) {
      add(set.operand());
    } else if (expr instanceof Call call) {
      for (Expr operand : call.operands()) {
        add(operand);
      }
    }
  }

  private void addLookup(int table, DataType type) {
    lookups.add(table);
    lookupTypes.computeIfAbsent(table, index -> new LinkedHashSet<>()).add(type);
  }
}
