package dev.warpsql.planner.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;

/**
 * Moves the EXTRACT calls of an Enumerable calc into a calc below it, where no CASE branch contains
 * them, when the calc has two EXTRACT calls of one unit.
 *
 * <p>Calcite 1.41's code generator translates a literal once per calc and reuses the result, but a
 * CASE branch gets a copy of the results without the table that EXTRACT reads its unit from. So an
 * EXTRACT in a branch fails with NullPointerException "timeUnitRange" after another EXTRACT of the
 * same unit outside the branch. Only calls over a column or a literal move: Calcite computes
 * EXTRACT of a stored value without raising errors, so computing it for rows that the branch skips
 * changes no result.
 */
final class EnumerableExtractSplit {
  private EnumerableExtractSplit() {}

  /**
   * Returns the calc over a calc that adds its movable EXTRACT calls as columns, or the calc itself
   * when no unit has two of them.
   */
  static EnumerableCalc apply(EnumerableCalc calc, List<RexNode> projects, RexNode condition) {
    Set<RexCall> extracts = new LinkedHashSet<>();
    RexVisitorImpl<Void> collector =
        new RexVisitorImpl<>(true) {
          @Override
          public Void visitCall(RexCall call) {
            if (isMovable(call)) {
              extracts.add(call);
            }
            return super.visitCall(call);
          }
        };
    projects.forEach(project -> project.accept(collector));
    if (condition != null) {
      condition.accept(collector);
    }
    if (!hasRepeatedUnit(extracts)) {
      return calc;
    }

    RexBuilder rexBuilder = calc.getCluster().getRexBuilder();
    RexProgramBuilder lower = new RexProgramBuilder(calc.getInput().getRowType(), rexBuilder);
    for (RelDataTypeField field : calc.getInput().getRowType().getFieldList()) {
      lower.addProject(new RexInputRef(field.getIndex(), field.getType()), field.getName());
    }
    Map<RexCall, RexInputRef> columns = new HashMap<>();
    int next = calc.getInput().getRowType().getFieldCount();
    for (RexCall extract : extracts) {
      lower.addProject(extract, "extract" + next);
      columns.put(extract, new RexInputRef(next, extract.getType()));
      next++;
    }
    EnumerableCalc below = EnumerableCalc.create(calc.getInput(), lower.getProgram());

    RexShuttle toColumns =
        new RexShuttle() {
          @Override
          public RexNode visitCall(RexCall call) {
            RexInputRef column = columns.get(call);
            return column != null ? column : super.visitCall(call);
          }
        };
    RexProgram upper =
        RexProgram.create(
            below.getRowType(),
            toColumns.apply(projects),
            condition == null ? null : condition.accept(toColumns),
            calc.getRowType(),
            rexBuilder);
    return EnumerableCalc.create(below, upper);
  }

  private static boolean isMovable(RexCall call) {
    if (call.getKind() != SqlKind.EXTRACT) {
      return false;
    }
    RexNode operand = call.getOperands().get(1);
    return operand instanceof RexInputRef || operand instanceof RexLiteral;
  }

  private static boolean hasRepeatedUnit(Set<RexCall> extracts) {
    List<RexNode> units = new ArrayList<>();
    for (RexCall extract : extracts) {
      units.add(extract.getOperands().get(0));
    }
    return new LinkedHashSet<>(units).size() < units.size();
  }
}
