package dev.warpsql.planner.ddl;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/** Creates validators for the type derivations of DDL statements. */
final class Validators {
  private Validators() {}

  /** Returns a validator over the connection's schemas, with its type system and conformance. */
  static SqlValidator create(CalcitePrepare.Context context) {
    JavaTypeFactory typeFactory = context.getTypeFactory();
    CalciteCatalogReader catalogReader =
        new CalciteCatalogReader(
            context.getRootSchema(), context.getDefaultSchemaPath(), typeFactory, context.config());
    return SqlValidatorUtil.newValidator(
        SqlOperatorTables.chain(SqlStdOperatorTable.instance(), catalogReader),
        catalogReader,
        typeFactory,
        SqlValidator.Config.DEFAULT.withConformance(context.config().conformance()));
  }
}
