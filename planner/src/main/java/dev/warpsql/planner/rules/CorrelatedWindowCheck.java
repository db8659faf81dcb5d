package dev.warpsql.planner.rules;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * Rejects window functions inside correlated subqueries with SQLSTATE 0A000. Calcite 1.41's
 * decorrelation computes such a window over the rows of every outer row at once, so {@code (SELECT
 * MAX(r) FROM (SELECT RANK() OVER (ORDER BY s2.x) r FROM t s2 WHERE s2.g = s1.g) x)} ranked across
 * all groups: a wrong result. It runs on the logical plan before subqueries are expanded.
 */
public final class CorrelatedWindowCheck extends RelHomogeneousShuttle {
  private CorrelatedWindowCheck() {}

  /** Returns the plan unchanged, or raises 0A000 when a correlated subquery has a window. */
  public static RelNode apply(RelNode plan) {
    return plan.accept(new CorrelatedWindowCheck());
  }

  @Override
  public RelNode visit(RelNode other) {
    if (other instanceof Correlate correlate && hasCorrelatedWindow(correlate.getRight())) {
      throw rejected();
    }
    other.accept(
        new RexShuttle() {
          @Override
          public RexNode visitSubQuery(RexSubQuery subQuery) {
            if (hasCorrelatedWindow(subQuery.rel)) {
              throw rejected();
            }
            subQuery.rel.accept(CorrelatedWindowCheck.this);
            return subQuery;
          }
        });
    return super.visit(other);
  }

  /**
   * Returns whether a window of {@code plan} reads a correlation variable, in its own expressions
   * or below it. A window over rows that do not depend on the outer row is computed correctly.
   */
  private static boolean hasCorrelatedWindow(RelNode plan) {
    boolean[] found = {false};
    new RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, RelNode parent) {
        boolean window =
            node instanceof Window
                || (node instanceof Project project
                    && RexOver.containsOver(project.getProjects(), null));
        if (window && !RelOptUtil.getVariablesUsed(node).isEmpty()) {
          found[0] = true;
          return;
        }
        super.visit(node, ordinal, parent);
      }
    }.go(plan);
    return found[0];
  }

  private static WarpException rejected() {
    return new WarpException(
        ErrorCode.UNSUPPORTED,
        "window functions inside a correlated subquery are not supported: Calcite's"
            + " decorrelation would compute the window over the rows of every outer row at once."
            + " Join the outer query to a derived table that computes the window with PARTITION"
            + " BY the correlated columns instead");
  }
}
