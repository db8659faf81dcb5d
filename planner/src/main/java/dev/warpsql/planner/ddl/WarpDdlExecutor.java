package dev.warpsql.planner.ddl;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.catalog.CatalogTransaction;
import dev.warpsql.executor.catalog.ViewDefinition;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.executor.write.TableVersions;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.planner.prepare.WarpPrepare;
import dev.warpsql.planner.schema.SchemaSync;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.server.DdlExecutor;
import org.apache.calcite.server.DdlExecutorImpl;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateSchema;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlCreateView;
import org.apache.calcite.sql.ddl.SqlDropObject;
import org.apache.calcite.sql.ddl.SqlDropSchema;
import org.apache.calcite.sql.ddl.SqlTruncateTable;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.ddl.SqlDdlParserImpl;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Runs WarpSQL's DDL on the catalog: CREATE and DROP of schemas, tables and views, CREATE TABLE ...
 * AS and TRUNCATE. Each statement is one catalog transaction. Calcite's DDL parser produces the
 * statements, and Calcite calls {@code execute} for the statement's class by reflection.
 */
public final class WarpDdlExecutor extends DdlExecutorImpl {
  public static final WarpDdlExecutor INSTANCE = new WarpDdlExecutor();

  /** Parser of Calcite's DDL grammar whose DDL statements run here. */
  public static final SqlParserImplFactory PARSER_FACTORY =
      new SqlParserImplFactory() {
        @Override
        public SqlAbstractParserImpl getParser(Reader stream) {
          return SqlDdlParserImpl.FACTORY.getParser(stream);
        }

        @Override
        public DdlExecutor getDdlExecutor() {
          return INSTANCE;
        }
      };

  private WarpDdlExecutor() {}

  /** Rejects the DDL statements that WarpSQL does not run, such as CREATE FUNCTION. */
  @Override
  public void execute(SqlNode node, CalcitePrepare.Context context) {
    throw new WarpException(
        ErrorCode.UNSUPPORTED,
        node.getKind().sql.replace('_', ' ') + " is not supported by WarpSQL.");
  }

  public void execute(SqlCreateSchema create, CalcitePrepare.Context context) {
    Catalog catalog = SchemaSync.catalog(context.getMutableRootSchema());
    String name = simpleName(create.name, "schema");
    if (create.getReplace()) {
      throw unsupported("CREATE OR REPLACE SCHEMA");
    }
    try (CatalogTransaction transaction = catalog.begin()) {
      if (create.ifNotExists && catalog.schema(name) != null) {
        return;
      }
      transaction.createSchema(name);
      transaction.commit();
    }
    SchemaSync.sync(context.getMutableRootSchema());
  }

  public void execute(SqlDropSchema drop, CalcitePrepare.Context context) {
    Catalog catalog = SchemaSync.catalog(context.getMutableRootSchema());
    String name = simpleName(drop.name, "schema");
    try (CatalogTransaction transaction = catalog.begin()) {
      if (drop.ifExists && catalog.schema(name) == null) {
        return;
      }
      transaction.dropSchema(name);
      transaction.commit();
    }
    SchemaSync.sync(context.getMutableRootSchema());
  }

  public void execute(SqlCreateTable create, CalcitePrepare.Context context) {
    ObjectName target = ObjectName.resolve(create.name, context);
    if (create.getReplace()) {
      throw unsupported("CREATE OR REPLACE TABLE");
    }
    if (exists(target)) {
      if (create.ifNotExists) {
        return;
      }
      throw alreadyExists(target);
    }
    if (create.query != null) {
      createTableAs(create, target, context);
      return;
    }
    if (create.columnList == null) {
      throw new WarpException(
          ErrorCode.SYNTAX_ERROR,
          "CREATE TABLE " + target + " needs a column list or AS followed by a query.");
    }
    TableSchema schema = declaredColumns(create.columnList, target.name(), context);
    Table table = TableVersions.emptyTable(target.name(), schema);
    try (CatalogTransaction transaction = target.catalog().begin()) {
      try {
        transaction.createTable(target.schemaName(), table);
      } catch (RuntimeException e) {
        table.close();
        throw e;
      }
      transaction.commit();
    }
  }

  public void execute(SqlCreateView create, CalcitePrepare.Context context) {
    ObjectName target = ObjectName.resolve(create.name, context);
    String sql = create.query.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    SqlValidator validator = Validators.create(context);
    RelDataType rowType = validator.getValidatedNodeType(validator.validate(create.query));
    List<String> names = columnNames(create.columnList);
    TableSchema columns = TableColumns.fromRowType(rowType, names, target.name());
    if (names != null) {
      sql = ViewQueries.renameColumns(sql, names);
    }
    List<ColumnSchema> viewColumns = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      RelDataType type = rowType.getFieldList().get(i).getType();
      viewColumns.add(
          new ColumnSchema(columns.column(i).name(), columns.type(i), type.isNullable()));
    }
    ViewDefinition view =
        new ViewDefinition(target.name(), sql, context.getDefaultSchemaPath(), viewColumns);

    try (CatalogTransaction transaction = target.catalog().begin()) {
      CatalogSchema schema = target.schema();
      if (schema.view(target.name()) != null && create.getReplace()) {
        transaction.dropView(target.schemaName(), target.name());
      } else if (exists(target)) {
        throw alreadyExists(target);
      }
      transaction.createView(target.schemaName(), view);
      transaction.commit();
    }
  }

  public void execute(SqlDropObject drop, CalcitePrepare.Context context) {
    SqlKind kind = drop.getKind();
    if (kind != SqlKind.DROP_TABLE && kind != SqlKind.DROP_VIEW) {
      execute((SqlNode) drop, context);
      return;
    }
    ObjectName target = ObjectName.resolve(drop.name, context);
    try (CatalogTransaction transaction = target.catalog().begin()) {
      CatalogSchema schema = target.schema();
      if (kind == SqlKind.DROP_TABLE) {
        CatalogTable table = schema.catalogTable(target.name());
        if (table == null) {
          checkDropMissing(drop, target, schema.view(target.name()) != null, "TABLE", "VIEW");
          return;
        }
        transaction.dropTable(table);
      } else {
        if (schema.view(target.name()) == null) {
          checkDropMissing(
              drop, target, schema.catalogTable(target.name()) != null, "VIEW", "TABLE");
          return;
        }
        transaction.dropView(target.schemaName(), target.name());
      }
      transaction.commit();
    }
  }

  public void execute(SqlTruncateTable truncate, CalcitePrepare.Context context) {
    ObjectName target = ObjectName.resolve(truncate.name, context);
    try (CatalogTransaction transaction = target.catalog().begin()) {
      CatalogTable table = target.schema().catalogTable(target.name());
      if (table == null) {
        throw new WarpException(ErrorCode.UNKNOWN_TABLE, "table " + target + " does not exist.");
      }
      Table empty = TableVersions.empty(table.currentForWrite());
      try {
        transaction.replaceTable(table, empty);
      } catch (RuntimeException e) {
        empty.close();
        throw e;
      }
      transaction.commit();
    }
  }

  private static void createTableAs(
      SqlCreateTable create, ObjectName target, CalcitePrepare.Context context) {
    if (create.columnList != null) {
      for (SqlNode column : create.columnList) {
        if (!(column instanceof SqlIdentifier)) {
          throw new WarpException(
              ErrorCode.SYNTAX_ERROR,
              "CREATE TABLE " + target + " AS takes column names without types.");
        }
      }
    }
    String sql = create.query.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    CreateTableAs write =
        new CreateTableAs(
            target.catalog(), target.schemaName(), target.name(), columnNames(create.columnList));
    CalcitePrepare.CalciteSignature<Object> signature =
        new WarpPrepare(write)
            .prepareSql(context, CalcitePrepare.Query.of(sql), Object[].class, -1);
    Enumerator<Object> rows = signature.enumerable(context.getDataContext()).enumerator();
    try {
      while (rows.moveNext()) {
        rows.current();
      }
    } finally {
      rows.close();
    }
  }

  private static TableSchema declaredColumns(
      SqlNodeList columnList, String tableName, CalcitePrepare.Context context) {
    SqlValidator validator = Validators.create(context);
    List<ColumnSchema> columns = new ArrayList<>();
    for (SqlNode node : columnList) {
      if (!(node instanceof SqlColumnDeclaration declaration)) {
        // TODO: PRIMARY KEY, UNIQUE and CHECK constraints are rejected until they are enforced.
        throw unsupported("table constraint " + node);
      }
      if (declaration.expression != null) {
        // TODO: column defaults and generated columns are rejected until INSERT fills them in.
        throw unsupported("DEFAULT or a generated value for column " + declaration.name);
      }
      checkDecimalPrecision(declaration);
      RelDataType type = declaration.dataType.deriveType(validator);
      boolean nullable =
          declaration.dataType.getNullable() == null || declaration.dataType.getNullable();
      String name = simpleName(declaration.name, "column");
      ColumnSchema column = TableColumns.column(name, type, tableName);
      columns.add(new ColumnSchema(name, column.type(), nullable));
    }
    return TableColumns.schema(columns, tableName);
  }

  /**
   * Rejects a declared DECIMAL precision above 18. The validator would silently lower it to the
   * type system's maximum, and a stored DECIMAL keeps its unscaled value in 64 bits, which fit
   * every 18-digit number but not every 19-digit one.
   */
  private static void checkDecimalPrecision(SqlColumnDeclaration declaration) {
    if (declaration.dataType.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic
        && basic.getTypeName().getSimple().equalsIgnoreCase("DECIMAL")
        && basic.getPrecision() > DataType.MAX_STORED_DECIMAL_PRECISION) {
      throw new WarpException(
          ErrorCode.UNSUPPORTED,
          "DECIMAL("
              + basic.getPrecision()
              + ") for column "
              + declaration.name
              + " is not supported by WarpSQL; declare a precision of at most "
              + DataType.MAX_STORED_DECIMAL_PRECISION
              + ".");
    }
  }

  private static List<String> columnNames(SqlNodeList columnList) {
    if (columnList == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (SqlNode node : columnList) {
      names.add(simpleName((SqlIdentifier) node, "column"));
    }
    return names;
  }

  private static boolean exists(ObjectName target) {
    CatalogSchema schema = target.schema();
    return schema.catalogTable(target.name()) != null || schema.view(target.name()) != null;
  }

  private static WarpException alreadyExists(ObjectName target) {
    String kind = target.schema().view(target.name()) != null ? "view" : "table";
    return new WarpException(
        ErrorCode.DUPLICATE_TABLE,
        kind + " " + target + " already exists. Drop it first or choose another name.");
  }

  private static void checkDropMissing(
      SqlDropObject drop, ObjectName target, boolean otherKind, String kind, String other) {
    if (otherKind) {
      throw new WarpException(
          ErrorCode.VALIDATION_ERROR,
          target
              + " is a "
              + other.toLowerCase(java.util.Locale.ROOT)
              + ". Use DROP "
              + other
              + ".");
    }
    if (!drop.ifExists) {
      throw new WarpException(
          ErrorCode.UNKNOWN_TABLE,
          kind.toLowerCase(java.util.Locale.ROOT)
              + " "
              + target
              + " does not exist. Use DROP "
              + kind
              + " IF EXISTS"
              + " to ignore a missing one.");
    }
  }

  static String simpleName(SqlIdentifier identifier, String kind) {
    if (!identifier.isSimple()) {
      throw new WarpException(
          ErrorCode.SYNTAX_ERROR, "a " + kind + " name has one part, got " + identifier + ".");
    }
    return identifier.getSimple();
  }

  private static WarpException unsupported(String construct) {
    return new WarpException(ErrorCode.UNSUPPORTED, construct + " is not supported by WarpSQL.");
  }
}
