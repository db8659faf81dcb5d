package dev.warpsql.planner.prepare;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalciteSqlValidator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
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

  private RelDataType withoutLength(RelDataType type) {
    if (!SqlTypeUtil.inCharFamily(type)) {
      return type;
    }
    RelDataType varchar = typeFactory.createSqlType(SqlTypeName.VARCHAR);
    return typeFactory.createTypeWithNullability(varchar, type.isNullable());
  }
}
