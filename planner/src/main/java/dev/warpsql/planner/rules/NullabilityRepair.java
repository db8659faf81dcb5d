package dev.warpsql.planner.rules;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.plan.Strong;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.sql.SqlKind;

/**
 * Folds each CASE and COALESCE, then gives each strong call, one that is NULL exactly when an
 * operand is NULL, the nullability that its operands imply.
 *
 * <p>RexSimplify in Calcite 1.41 folds a CASE to its one reachable NOT NULL branch, or a COALESCE
 * to its NOT NULL first operand, and keeps the nullable type of the call above it, such as {@code
 * 42 - 1} typed as nullable after {@code 42 - CASE WHEN TRUE THEN 1 ELSE c END}. Simplifying IS
 * NULL over such a call fails {@code RexSimplify.validateStrongPolicy} (see {@link
 * NullabilityGuardedRules}). Folding these first and rebuilding the calls above them leaves later
 * simplifications nothing to narrow. SQL-to-rel conversion already simplifies conditions once, so
 * they can also arrive with such calls.
 */
final class NullabilityRepair extends RexShuttle {
  private static final Set<SqlKind> NARROWING = EnumSet.of(SqlKind.CASE, SqlKind.COALESCE);

  private final RelDataTypeFactory typeFactory;
  private final RexSimplify simplify;

  NullabilityRepair(RelDataTypeFactory typeFactory, RexSimplify simplify) {
    this.typeFactory = typeFactory;
    this.simplify = simplify;
  }

  @Override
  public RexNode visitCall(RexCall call) {
    RexNode visited = super.visitCall(call);
    if (visited instanceof RexCall narrowing && NARROWING.contains(narrowing.getKind())) {
      return NullabilityGuardedRules.simplifiedOrSame(narrowing, simplify::simplify);
    }
    if (!(visited instanceof RexCall strong)
        || strong.getKind() == SqlKind.CAST
        || Strong.policy(strong) != Strong.Policy.ANY) {
      return visited;
    }
    boolean nullable = strong.getOperands().stream().anyMatch(o -> o.getType().isNullable());
    if (nullable == strong.getType().isNullable()) {
      return visited;
    }
    RelDataType type = typeFactory.createTypeWithNullability(strong.getType(), nullable);
    return strong.clone(type, strong.getOperands());
  }
}
