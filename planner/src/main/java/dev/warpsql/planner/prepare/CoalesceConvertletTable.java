package dev.warpsql.planner.prepare;

import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlInternalOperators;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;

/**
 * Converts the CASE that Calcite's validator makes of COALESCE without the casts that declare a
 * nullable operand NOT NULL, and delegates every other call to the next table.
 *
 * <p>Calcite 1.41 rewrites {@code COALESCE(a, b)} into {@code CASE WHEN a IS NOT NULL THEN
 * CAST_NOT_NULL(a) ELSE b END}, and the standard convertlet turns {@code CAST_NOT_NULL(a)} into a
 * cast of {@code a} to the same type NOT NULL. That cast is true only under its WHEN guard, but
 * RexSimplify treats it as NOT NULL everywhere: after ReduceExpressionsRule pushes a comparison
 * into the CASE, it drops the guard {@code a IS NOT NULL} and then merges ranges over the cast as
 * if no row could be NULL. {@code COALESCE(c, c) NOT BETWEEN 3.0 AND -5.0} so became TRUE, and a
 * filter lost the rows whose {@code c} is NULL. Here the branch stays {@code a}.
 */
final class CoalesceConvertletTable implements SqlRexConvertletTable {
  private final SqlRexConvertletTable next;

  /** Creates a table that converts every call but COALESCE's CASE with {@code next}. */
  CoalesceConvertletTable(SqlRexConvertletTable next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    if (call.getOperator() == SqlInternalOperators.CAST_NOT_NULL) {
      return (context, castCall) -> context.convertExpression(castCall.operand(0));
    }
    if (call instanceof SqlCase caseCall && hasCastNotNullBranch(caseCall)) {
      SqlRexConvertlet standard = next.get(call);
      return standard == null ? null : (context, c) -> convertCase(standard, context, c);
    }
    return next.get(call);
  }

  private static boolean hasCastNotNullBranch(SqlCase caseCall) {
    for (SqlNode branch : caseCall.getThenOperands()) {
      if (branch instanceof SqlCall branchCall
          && branchCall.getOperator() == SqlInternalOperators.CAST_NOT_NULL) {
        return true;
      }
    }
    return false;
  }

  /**
   * Converts the CASE with its nullable branches, then casts it to the validated type. Without the
   * branch casts Calcite derives a nullable type, but SqlToRelConverter requires the validated one,
   * which is NOT NULL when the last operand is. That cast holds for every row, unlike a branch's,
   * and a CASE typed NOT NULL over nullable branches would break RexSimplify's nullability checks
   * once ReduceExpressionsRule pushes a comparison into the branches.
   */
  private static RexNode convertCase(
      SqlRexConvertlet standard, SqlRexContext context, SqlCall call) {
    RexNode converted = standard.convertCall(context, call);
    RelDataType validated = context.getValidator().getValidatedNodeType(call);
    if (converted.getType().equals(validated)) {
      return converted;
    }
    return context.getRexBuilder().makeCast(call.getParserPosition(), validated, converted);
  }
}
