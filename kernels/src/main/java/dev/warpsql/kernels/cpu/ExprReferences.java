package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ParamRef;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Input columns, parameters and lookup tables that a set of expressions reads. */
final class ExprReferences {
  final SortedSet<Integer> inputs = new TreeSet<>();
  final SortedSet<Integer> params = new TreeSet<>();
  final SortedSet<Integer> lookups = new TreeSet<>();

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

  private void add(Expr expr) {
    if (expr instanceof InputRef input) {
      inputs.add(input.index());
    } else if (expr instanceof ParamRef param) {
      params.add(param.index());
    } else if (expr instanceof CodeLookup lookup) {
      lookups.add(lookup.table());
      add(lookup.code());
    } else if (expr instanceof Call call) {
      for (Expr operand : call.operands()) {
        add(operand);
      }
    }
  }
}
