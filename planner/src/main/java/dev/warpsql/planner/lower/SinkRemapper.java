package dev.warpsql.planner.lower;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Sink;
import java.util.ArrayList;
import java.util.List;

/** Lists and renumbers the input columns that a kernel sink's expressions read. */
final class SinkRemapper {
  private SinkRemapper() {}

  static List<Expr> expressions(Sink sink) {
    if (sink instanceof MaterializeSink materialize) {
      return materialize.outputs();
    }
    AggregateSink aggregate = (AggregateSink) sink;
    List<Expr> expressions = new ArrayList<>(aggregate.groupKeys());
    for (AggregateCall call : aggregate.calls()) {
      if (call.argument() != null) {
        expressions.add(call.argument());
      }
    }
    return expressions;
  }

  static Sink remap(Sink sink, int[] mapping) {
    if (sink instanceof MaterializeSink materialize) {
      return new MaterializeSink(remapAll(materialize.outputs(), mapping));
    }
    AggregateSink aggregate = (AggregateSink) sink;
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall call : aggregate.calls()) {
      Expr argument =
          call.argument() == null ? null : InputRemapper.remap(call.argument(), mapping);
      calls.add(new AggregateCall(call.function(), argument, call.resultType()));
    }
    return new AggregateSink(remapAll(aggregate.groupKeys(), mapping), calls);
  }

  private static List<Expr> remapAll(List<Expr> expressions, int[] mapping) {
    List<Expr> remapped = new ArrayList<>(expressions.size());
    for (Expr expr : expressions) {
      remapped.add(InputRemapper.remap(expr, mapping));
    }
    return remapped;
  }
}
