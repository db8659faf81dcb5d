package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InSet;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ProbeStage;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The build columns that a program's expressions read, per probe stage, and the check that each
 * read happens where its stage has a build row.
 */
final class PtxBuildReferences {
  private final KernelProgram program;

  PtxBuildReferences(KernelProgram program) {
    this.program = program;
  }

  /** Returns the columns of stage {@code p} that its residual reads. */
  SortedSet<Integer> residualColumns(int p) {
    return columnsOf(p, optional(program.probes().get(p).residual()));
  }

  /** Returns the columns of stage {@code p} that any expression of the pipeline reads. */
  SortedSet<Integer> readColumns(int p) {
    return columnsOf(p, pipelineExprs());
  }

  /**
   * Rejects build column reads that have no build row: in the filter, in the keys of their own
   * stage or of an earlier one, after a SEMI or ANTI stage (whose columns only its residual reads),
   * of a stage or column that does not exist.
   *
   * @throws IllegalArgumentException naming the first such read and where it is
   */
  void check() {
    checkReadable(optional(program.filter()), "the filter", 0, -1);
    List<ProbeStage> probes = program.probes();
    for (int p = 0; p < probes.size(); p++) {
      ProbeStage probe = probes.get(p);
      checkReadable(probe.keys(), "the keys of probe stage " + p, p, -1);
      checkReadable(optional(probe.residual()), "the residual of probe stage " + p, p, p);
      checkReadable(optional(probe.after()), "the after condition of probe stage " + p, p + 1, -1);
    }
    checkReadable(sinkExprs(), "the sink", probes.size(), -1);
  }

  private void checkReadable(List<Expr> exprs, String where, int stageLimit, int residualOf) {
    List<BuildRef> reads = new ArrayList<>();
    exprs.forEach(expr -> collect(expr, reads));
    List<ProbeStage> probes = program.probes();
    for (BuildRef read : reads) {
      String reason = null;
      if (read.probe() >= probes.size()) {
        reason = "the pipeline has " + probes.size() + " probe stages";
      } else if (read.column() >= probes.get(read.probe()).buildColumns().size()) {
        reason = "that stage has " + probes.get(read.probe()).buildColumns().size() + " columns";
      } else if (read.probe() == residualOf) {
        continue;
      } else if (read.probe() >= stageLimit) {
        reason = "that stage runs later";
      } else if (!emitsBuildColumns(probes.get(read.probe()))) {
        reason = "a " + probes.get(read.probe()).kind() + " join emits no build columns";
      }
      if (reason != null) {
        throw new IllegalArgumentException(
            "build column "
                + read.column()
                + " of probe stage "
                + read.probe()
                + " is read in "
                + where
                + ", but "
                + reason);
      }
    }
  }

  private static boolean emitsBuildColumns(ProbeStage probe) {
    return probe.kind() == JoinKind.INNER || probe.kind() == JoinKind.LEFT;
  }

  private List<Expr> pipelineExprs() {
    List<Expr> exprs = new ArrayList<>(optional(program.filter()));
    for (ProbeStage probe : program.probes()) {
      exprs.addAll(probe.keys());
      exprs.addAll(optional(probe.residual()));
      exprs.addAll(optional(probe.after()));
    }
    exprs.addAll(sinkExprs());
    return exprs;
  }

  private List<Expr> sinkExprs() {
    List<Expr> exprs = new ArrayList<>();
    if (program.sink() instanceof MaterializeSink materialize) {
      exprs.addAll(materialize.outputs());
    } else {
      AggregateSink aggregate = (AggregateSink) program.sink();
      exprs.addAll(aggregate.groupKeys());
      for (AggregateCall call : aggregate.calls()) {
        exprs.addAll(optional(call.argument()));
      }
    }
    return exprs;
  }

  private static SortedSet<Integer> columnsOf(int p, List<Expr> exprs) {
    List<BuildRef> reads = new ArrayList<>();
    exprs.forEach(expr -> collect(expr, reads));
    SortedSet<Integer> columns = new TreeSet<>();
    for (BuildRef read : reads) {
      if (read.probe() == p) {
        columns.add(read.column());
      }
    }
    return columns;
  }

  private static void collect(Expr expr, List<BuildRef> reads) {
    if (expr instanceof BuildRef build) {
      reads.add(build);
    } else if (expr instanceof Call call) {
      call.operands().forEach(operand -> collect(operand, reads));
    } else if (expr instanceof CodeLookup lookup) {
      collect(lookup.code(), reads);
    } else if (expr instanceof CodeMap map) {
      collect(map.code(), reads);
    } else if (expr instanceof InSet set) {
      collect(set.operand(), reads);
    }
  }

  private static List<Expr> optional(Expr expr) {
    return expr == null ? List.of() : List.of(expr);
  }

  /** Returns the canonical text of an expression, for comments in the PTX. */
  static String canonical(Expr expr) {
    StringBuilder text = new StringBuilder();
    expr.appendCanonical(text);
    return text.toString();
  }

  /** Returns the canonical texts of expressions in brackets, for comments in the PTX. */
  static String canonical(List<Expr> exprs) {
    List<String> texts = new ArrayList<>();
    exprs.forEach(expr -> texts.add(canonical(expr)));
    return "[" + String.join(", ", texts) + "]";
  }
}
