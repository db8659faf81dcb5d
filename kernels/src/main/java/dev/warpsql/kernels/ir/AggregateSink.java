package dev.warpsql.kernels.ir;

import java.util.List;

/**
 * Sink that groups passing rows by {@code groupKeys} and updates {@code calls} per group.
 *
 * <p>NULL keys form their own group, as GROUP BY requires. With no group keys there is exactly one
 * group, which exists even when no row arrives, so that {@code SELECT COUNT(*)} over an empty input
 * returns one row with 0. The sink's output columns are the keys, then the calls.
 */
public record AggregateSink(List<Expr> groupKeys, List<AggregateCall> calls) implements Sink {
  public AggregateSink {
    groupKeys = List.copyOf(groupKeys);
    calls = List.copyOf(calls);
  }

  @Override
  public void appendCanonical(StringBuilder out) {
    out.append("aggregate(keys=[");
    for (int i = 0; i < groupKeys.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      groupKeys.get(i).appendCanonical(out);
    }
    out.append("], calls=[");
    for (int i = 0; i < calls.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      calls.get(i).appendCanonical(out);
    }
    out.append("])");
  }
}
