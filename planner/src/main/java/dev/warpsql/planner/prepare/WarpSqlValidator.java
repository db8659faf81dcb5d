package dev.warpsql.planner.prepare;

import dev.warpsql.planner.lower.UnsupportedLoweringException;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalciteSqlValidator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.type.IntervalSqlType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.SqlValidatorTable;

/**
 * A Calcite validator whose INSERT targets keep the source's strings whole.
 *
 * <p>Calcite types an INSERT's source by the target columns: it casts each value to its column's
 * type and gives each parameter that type, and both a cast and a parameter of type VARCHAR(n) cut a
 * longer string to n characters. The SQL standard's store assignment instead raises "string data,
 * right truncation" unless only spaces are cut. So the target of an INSERT has VARCHAR without a
 * length where the table has a string type, and the table write applies the standard's rule to each
 * value (see {@code TableBuilder.setString}).
 *
 * <p>It also rejects what Calcite (1.41) would compute in milliseconds, where WarpSQL's times have
 * microseconds: interval literals with more than three fractional digits of a second, which Calcite
 * stores in milliseconds, and TIMESTAMPADD or TIMESTAMPDIFF in microseconds or nanoseconds, and
 * TIMESTAMPDIFF in milliseconds, which Calcite computes through whole seconds or milliseconds.
 *
 * <p>It rejects a window that adds a frame to a named window, {@code OVER (w ROWS BETWEEN ...)},
 * because Calcite's validator (1.41) keeps the named window's frame and drops the new one.
 *
 * <p>A TIME or TIMESTAMP plus or minus an interval in seconds has the larger of the two fractional
 * precisions, as the SQL standard types datetime arithmetic. Calcite types it by the datetime
 * alone, so {@code TIMESTAMP '2024-02-29 12:00:00' + INTERVAL '0.5' SECOND} would be a TIMESTAMP(0)
 * and lose its half second. {@link DatetimeIntervalConvertletTable} keeps the type in the plan.
 */
final class WarpSqlValidator extends CalciteSqlValidator {
  WarpSqlValidator(
      SqlOperatorTable operators,
      CalciteCatalogReader catalogReader,
      JavaTypeFactory typeFactory,
      Config config) {
    super(operators, catalogReader, typeFactory, config);
  }

  @Override
  protected RelDataType createTargetRowType(
      SqlValidatorTable table,
      SqlNodeList targetColumnList,
      boolean append,
      SqlIdentifier targetTableAlias) {
    RelDataType target =
        super.createTargetRowType(table, targetColumnList, append, targetTableAlias);
    RelDataTypeFactory.Builder unbounded = typeFactory.builder();
    for (RelDataTypeField field : target.getFieldList()) {
      unbounded.add(field.getName(), withoutLength(field.getType()));
    }
    return unbounded.build();
  }

  @Override
  public void validateLiteral(SqlLiteral literal) {
    super.validateLiteral(literal);
    if (!(literal instanceof SqlIntervalLiteral interval)) {
      return;
    }
    SqlIntervalLiteral.IntervalValue value =
        interval.getValueAs(SqlIntervalLiteral.IntervalValue.class);
    String text = value.getIntervalLiteral();
    int dot = text.lastIndexOf('.');
    if (value.getIntervalQualifier().getEndUnit() == TimeUnit.SECOND
        || value.getIntervalQualifier().getStartUnit() == TimeUnit.SECOND) {
      if (dot >= 0 && text.length() - dot - 1 > 3) {
        throw new UnsupportedLoweringException(
            "the interval literal "
                + literal
                + " has more than three fractional digits of a second, which Calcite's intervals"
                + " do not hold; write it in whole milliseconds");
      }
    }
  }

  @Override
  public void validateCall(SqlCall call, SqlValidatorScope scope) {
    SqlKind kind = call.getKind();
    if ((kind == SqlKind.TIMESTAMP_ADD || kind == SqlKind.TIMESTAMP_DIFF)
        && call.operandCount() > 0
        && call.operand(0) instanceof SqlIntervalQualifier unit) {
      TimeUnit timeUnit = unit.getStartUnit();
      boolean belowMillisecond =
          timeUnit == TimeUnit.MICROSECOND || timeUnit == TimeUnit.NANOSECOND;
      if (belowMillisecond
          || (kind == SqlKind.TIMESTAMP_DIFF && timeUnit == TimeUnit.MILLISECOND)) {
        throw new UnsupportedLoweringException(
            call.getOperator().getName()
                + " in "
                + timeUnit
                + " is computed by Calcite from milliseconds or whole seconds, which would give a"
                + " wrong result; compare or EXTRACT the timestamps instead");
      }
    }
    super.validateCall(call, scope);
  }

  @Override
  public void validateWindow(SqlNode windowOrId, SqlValidatorScope scope, SqlCall call) {
    if (windowOrId instanceof SqlWindow window
        && window.getRefName() != null
        && (window.getLowerBound() != null || window.getUpperBound() != null)) {
      throw new UnsupportedLoweringException(
          "OVER ("
              + window.getRefName()
              + " ROWS/RANGE ...) adds a frame to a named window, which Calcite's validator"
              + " drops, so the frame would be ignored; write the frame in the WINDOW clause"
              + " or the whole window in OVER");
    }
    super.validateWindow(windowOrId, scope, call);
  }

  @Override
  public RelDataType deriveType(SqlValidatorScope scope, SqlNode expression) {
    RelDataType type = super.deriveType(scope, expression);
    if (!(expression instanceof SqlCall call)
        || (call.getKind() != SqlKind.PLUS && call.getKind() != SqlKind.MINUS)
        || call.operandCount() != 2) {
      return type;
    }
    RelDataType widened = type;
    for (SqlNode operand : call.getOperandList()) {
      widened = withIntervalFraction(widened, deriveType(scope, operand));
    }
    if (widened != type) {
      setValidatedNodeType(expression, widened);
    }
    return widened;
  }

  /**
   * Returns a TIME or TIMESTAMP type with at least the fractional digits of an interval that ends
   * in SECOND, or the type itself for other pairs of types.
   */
  private RelDataType withIntervalFraction(RelDataType datetime, RelDataType interval) {
    SqlTypeName name = datetime.getSqlTypeName();
    if ((name != SqlTypeName.TIME && name != SqlTypeName.TIMESTAMP)
        || !(interval instanceof IntervalSqlType intervalType)
        || interval.getSqlTypeName().getEndUnit() != TimeUnit.SECOND) {
      return datetime;
    }
    int fraction =
        Math.min(
            intervalType
                .getIntervalQualifier()
                .getFractionalSecondPrecision(typeFactory.getTypeSystem()),
            typeFactory.getTypeSystem().getMaxPrecision(name));
    if (fraction <= datetime.getPrecision()) {
      return datetime;
    }
    RelDataType wider = typeFactory.createSqlType(name, fraction);
    return typeFactory.createTypeWithNullability(wider, datetime.isNullable());
  }

  private RelDataType withoutLength(RelDataType type) {
    if (!SqlTypeUtil.inCharFamily(type)) {
      return type;
    }
    RelDataType varchar = typeFactory.createSqlType(SqlTypeName.VARCHAR);
    return typeFactory.createTypeWithNullability(varchar, type.isNullable());
  }
}
