package dev.warpsql.planner.prepare;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Rejects an INSERT ... VALUES whose string literal is longer than its VARCHAR(n) or CHAR(n)
 * column. The SQL standard's store assignment raises "string data, right truncation" there, but
 * Calcite's validator casts the literal to the column type, and a cast truncates.
 *
 * <p>TODO: a string from a query (INSERT ... SELECT) or an expression is still cut to the column's
 * length by that cast instead of raising.
 */
final class InsertLiteralCheck {
  private InsertLiteralCheck() {}

  static void check(SqlInsert insert, Prepare.CatalogReader catalogReader) {
    if (!(insert.getSource() instanceof SqlBasicCall values)
        || values.getKind() != SqlKind.VALUES
        || !(insert.getTargetTable() instanceof SqlIdentifier table)) {
      return;
    }
    RelOptTable target = catalogReader.getTable(table.names);
    if (target == null) {
      return;
    }
    List<RelDataTypeField> columns = targetColumns(insert, target.getRowType());
    for (SqlNode row : values.getOperandList()) {
      if (!(row instanceof SqlCall rowCall)) {
        continue;
      }
      List<SqlNode> operands = rowCall.getOperandList();
      for (int i = 0; i < operands.size() && i < columns.size(); i++) {
        checkLength(operands.get(i), columns.get(i));
      }
    }
  }

  private static List<RelDataTypeField> targetColumns(SqlInsert insert, RelDataType tableType) {
    if (insert.getTargetColumnList() == null) {
      return tableType.getFieldList();
    }
    return insert.getTargetColumnList().stream()
        .map(node -> tableType.getField(((SqlIdentifier) node).getSimple(), true, false))
        .toList();
  }

  private static void checkLength(SqlNode value, RelDataTypeField column) {
    if (column == null) {
      return;
    }
    RelDataType type = column.getType();
    if (type.getSqlTypeName().getFamily() != SqlTypeFamily.CHARACTER
        || type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED) {
      return;
    }
    SqlNode literal = value;
    if (literal instanceof SqlCall cast && cast.getKind() == SqlKind.CAST) {
      literal = cast.operand(0);
    }
    if (!(literal instanceof SqlCharStringLiteral string)) {
      return;
    }
    String text = string.getValueAs(String.class);
    String significant = text.stripTrailing();
    int length = significant.codePointCount(0, significant.length());
    if (length > type.getPrecision()) {
      throw new WarpException(
          ErrorCode.STRING_DATA_RIGHT_TRUNCATION,
          "value '"
              + (text.length() > 60 ? text.substring(0, 57) + "..." : text)
              + "' of "
              + length
              + " characters is too long for column \""
              + column.getName()
              + "\" of type "
              + type.getFullTypeString()
              + ". Shorten the value or declare a longer type.");
    }
  }
}
