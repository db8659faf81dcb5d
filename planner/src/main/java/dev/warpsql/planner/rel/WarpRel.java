package dev.warpsql.planner.rel;

import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.lower.Stream;
import org.apache.calcite.rel.RelNode;

/** Relational operator in the {@link WarpConvention}: a part of a fused kernel pipeline. */
public interface WarpRel extends RelNode {
  /**
   * Lowers this operator onto its input's open pipeline, or closes that pipeline and opens a new
   * one when this operator is a pipeline breaker.
   */
  Stream lower(PlanLowering lowering);
}
