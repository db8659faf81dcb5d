package dev.warpsql.planner.prepare;

import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;

/**
 * Converts a TIME or TIMESTAMP plus or minus an interval with the type that the validator derived,
 * and delegates every other call to the next table.
 *
 * <p>{@link WarpSqlValidator} gives such a sum the larger of the two fractional precisions, as the
 * SQL standard does, but Calcite 1.41's standard convertlet derives the type again from the
 * datetime alone. {@code TIMESTAMP '2024-02-29 12:00:00' + INTERVAL '0.5' SECOND} would then be a
 * TIMESTAMP(0), which folds to the whole second.
 */
final class DatetimeIntervalConvertletTable implements SqlRexConvertletTable {
  private final SqlRexConvertletTable next;

  /** Creates a table that converts datetime sums and every other call with {@code next}. */
  DatetimeIntervalConvertletTable(SqlRexConvertletTable next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    SqlRexConvertlet standard = next.get(call);
    if (standard == null || (call.getKind() != SqlKind.PLUS && call.getKind() != SqlKind.MINUS)) {
      return standard;
    }
    return (context, sum) -> convertSum(standard, context, sum);
  }

  private static RexNode convertSum(
      SqlRexConvertlet standard, SqlRexContext context, SqlCall call) {
    RexNode converted = standard.convertCall(context, call);
    SqlTypeName name = converted.getType().getSqlTypeName();
    if ((name != SqlTypeName.TIME && name != SqlTypeName.TIMESTAMP)
        || !(converted instanceof RexCall sum)) {
      return converted;
    }
    RelDataType validated = context.getValidator().getValidatedNodeType(call);
    if (validated.getSqlTypeName() != name
        || validated.getPrecision() <= converted.getType().getPrecision()) {
      return converted;
    }
    return sum.clone(validated, sum.getOperands());
  }
}
