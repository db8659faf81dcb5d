package dev.warpsql.planner.prepare;

import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.write.ReplaceStep;
import dev.warpsql.planner.exec.TableWrite;
import dev.warpsql.planner.schema.WarpTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Rewrites DELETE and UPDATE into a query over the whole target table that marks the matched rows
 * and computes the new values, plus a {@link TableWrite} that replaces the table's contents with
 * the result. Stored tables have no row identifiers, so the statement rewrites the table instead of
 * addressing rows.
 *
 * <p>DELETE FROM t WHERE c becomes {@code SELECT *, (c) IS TRUE FROM t}. UPDATE t SET a = e WHERE c
 * becomes {@code SELECT CASE WHEN (c) IS TRUE THEN CAST(e AS type of a) END, (c) IS TRUE, * FROM
 * t}, so that e is evaluated only for matched rows, as in the statement. The validator lists the
 * query's dynamic parameters in the order it meets them, which is not their order in the statement,
 * so {@link #parameterRowType} orders them again.
 */
final class DmlRewrite {
  /** A statement's query and the write that its rows go to. */
  record Rewritten(SqlSelect query, TableWrite write) {}

  private DmlRewrite() {}

  static Rewritten delete(SqlDelete delete, Prepare.CatalogReader catalogReader) {
    CatalogTable target = target(delete.getTargetTable(), catalogReader, "DELETE FROM");
    SqlParserPos pos = delete.getParserPosition();
    SqlNodeList selectList = new SqlNodeList(pos);
    selectList.add(SqlIdentifier.star(pos));
    selectList.add(matched(delete.getCondition(), pos));
    SqlSelect query = select(selectList, from(delete.getTargetTable(), delete.getAlias(), pos));

    int columns = target.schema().size();
    TableWrite write =
        (step, fields, rowType) ->
            new ReplaceStep(target, step, slice(fields, 0, columns), null, fields[columns]);
    return new Rewritten(query, write);
  }

  static Rewritten update(SqlUpdate update, Prepare.CatalogReader catalogReader) {
    CatalogTable target = target(update.getTargetTable(), catalogReader, "UPDATE");
    RelDataType tableType = rowType(update.getTargetTable(), catalogReader);
    SqlParserPos pos = update.getParserPosition();
    List<Integer> assigned = assignedColumns(update, tableType, target.name());

    SqlNodeList selectList = new SqlNodeList(pos);
    List<SqlNode> sources = update.getSourceExpressionList();
    for (int i = 0; i < sources.size(); i++) {
      RelDataType columnType = tableType.getFieldList().get(assigned.get(i)).getType();
      SqlNode cast =
          SqlStdOperatorTable.CAST.createCall(pos, sources.get(i), assignedType(columnType, pos));
      selectList.add(onlyWhenMatched(update.getCondition(), cast, pos));
    }
    selectList.add(matched(update.getCondition(), pos));
    selectList.add(SqlIdentifier.star(pos));
    SqlSelect query = select(selectList, from(update.getTargetTable(), update.getAlias(), pos));

    int setCount = sources.size();
    int columns = target.schema().size();
    TableWrite write =
        (step, fields, rowType) -> {
          int[] oldFields = slice(fields, setCount + 1, columns);
          int[] newFields = oldFields.clone();
          for (int i = 0; i < setCount; i++) {
            newFields[assigned.get(i)] = fields[i];
          }
          return new ReplaceStep(target, step, oldFields, newFields, fields[setCount]);
        };
    return new Rewritten(query, write);
  }

  /**
   * Returns the type that a SET value is cast to: the column's, except VARCHAR without a length for
   * a string column. A cast to VARCHAR(n) would cut a longer value, where the table write raises
   * "string data, right truncation" as the SQL standard's store assignment does.
   */
  private static SqlDataTypeSpec assignedType(RelDataType columnType, SqlParserPos pos) {
    if (SqlTypeUtil.inCharFamily(columnType)) {
      return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos);
    }
    return SqlTypeUtil.convertTypeToSpec(columnType);
  }

  /**
   * Checks, after the query was validated, that each SET expression's type can be assigned to its
   * column, as the SQL standard requires of an UPDATE; the rewrite's CAST would accept more.
   */
  static void checkAssignments(SqlSelect query, SqlValidator validator, SqlUpdate update) {
    List<SqlNode> targets = update.getTargetColumnList();
    for (int i = 0; i < targets.size(); i++) {
      SqlNode cast = castOf(query.getSelectList().get(i));
      SqlNode source = ((SqlCall) cast).operand(0);
      RelDataType sourceType = validator.getValidatedNodeType(source);
      RelDataType targetType = validator.getValidatedNodeType(cast);
      if (!SqlTypeUtil.canAssignFrom(targetType, sourceType)) {
        throw new WarpException(
            ErrorCode.VALIDATION_ERROR,
            "cannot assign a value of type "
                + sourceType.getFullTypeString()
                + " to column "
                + targets.get(i)
                + " of type "
                + targetType.getFullTypeString()
                + ". Cast the value to the column's type.");
      }
    }
  }

  /**
   * Returns the types of a rewritten query's dynamic parameters, ordered by their index in the
   * statement's text.
   */
  static RelDataType parameterRowType(
      SqlNode query, SqlValidator validator, RelDataTypeFactory typeFactory) {
    java.util.TreeMap<Integer, RelDataType> types = new java.util.TreeMap<>();
    query.accept(
        new SqlShuttle() {
          @Override
          public SqlNode visit(SqlDynamicParam param) {
            types.put(param.getIndex(), validator.getValidatedNodeType(param));
            return param;
          }
        });
    List<String> names = new ArrayList<>();
    for (Integer index : types.keySet()) {
      names.add("?" + index);
    }
    return typeFactory.createStructType(new ArrayList<>(types.values()), names);
  }

  /** Returns the CAST of a SET value, which may sit in the THEN branch of a CASE. */
  private static SqlNode castOf(SqlNode item) {
    if (item instanceof org.apache.calcite.sql.fun.SqlCase caseCall) {
      return caseCall.getThenOperands().get(0);
    }
    return item;
  }

  /** Returns {@code CASE WHEN (condition) IS TRUE THEN value END}, or value without condition. */
  private static SqlNode onlyWhenMatched(SqlNode condition, SqlNode value, SqlParserPos pos) {
    if (condition == null) {
      return value;
    }
    SqlNodeList whens = new SqlNodeList(List.of(matched(deepCopy(condition), pos)), pos);
    SqlNodeList thens = new SqlNodeList(List.of(value), pos);
    return SqlStdOperatorTable.CASE.createCall(
        null, pos, null, whens, thens, SqlLiteral.createNull(pos));
  }

  /**
   * Copies an expression tree, so the validator, which rewrites nodes in place, never meets one
   * node twice. Dynamic parameters stay shared, so each still counts once.
   */
  private static SqlNode deepCopy(SqlNode node) {
    return node.accept(
        new SqlShuttle() {
          @Override
          public SqlNode visit(SqlIdentifier identifier) {
            return identifier.clone(identifier.getParserPosition());
          }

          @Override
          public SqlNode visit(SqlCall call) {
            CallCopyingArgHandler handler = new CallCopyingArgHandler(call, true);
            call.getOperator().acceptCall(this, call, false, handler);
            return handler.result();
          }
        });
  }

  private static List<Integer> assignedColumns(
      SqlUpdate update, RelDataType tableType, String tableName) {
    List<Integer> assigned = new ArrayList<>();
    for (SqlNode node : update.getTargetColumnList()) {
      String name = ((SqlIdentifier) node).getSimple();
      RelDataTypeField field = tableType.getField(name, true, false);
      if (field == null) {
        throw new WarpException(
            ErrorCode.UNKNOWN_COLUMN,
            "column \"" + name + "\" of table \"" + tableName + "\" does not exist.");
      }
      if (assigned.contains(field.getIndex())) {
        throw new WarpException(
            ErrorCode.VALIDATION_ERROR,
            "column \"" + name + "\" is assigned more than once in the UPDATE.");
      }
      assigned.add(field.getIndex());
    }
    return assigned;
  }

  /** Raises unless the statement's target is a stored table, such as when it is a view. */
  static void checkStoredTarget(
      SqlNode table, Prepare.CatalogReader catalogReader, String statement) {
    if (table instanceof SqlIdentifier identifier
        && catalogReader.getTable(identifier.names) != null) {
      target(table, catalogReader, statement);
    }
  }

  private static CatalogTable target(
      SqlNode table, Prepare.CatalogReader catalogReader, String statement) {
    RelOptTable relOptTable = relOptTable(table, catalogReader);
    WarpTable warpTable = relOptTable.unwrap(WarpTable.class);
    if (warpTable == null) {
      throw new WarpException(
          ErrorCode.VALIDATION_ERROR,
          statement + " " + table + " is not possible: it is not a stored table, such as a view.");
    }
    return warpTable.catalogTable();
  }

  private static RelDataType rowType(SqlNode table, Prepare.CatalogReader catalogReader) {
    return relOptTable(table, catalogReader).getRowType();
  }

  private static RelOptTable relOptTable(SqlNode table, Prepare.CatalogReader catalogReader) {
    List<String> names = ((SqlIdentifier) table).names;
    RelOptTable relOptTable = catalogReader.getTable(names);
    if (relOptTable == null) {
      throw new WarpException(
          ErrorCode.UNKNOWN_TABLE, "table " + String.join(".", names) + " does not exist.");
    }
    return relOptTable;
  }

  private static SqlNode matched(SqlNode condition, SqlParserPos pos) {
    return condition == null
        ? SqlLiteral.createBoolean(true, pos)
        : SqlStdOperatorTable.IS_TRUE.createCall(pos, condition);
  }

  private static SqlNode from(SqlNode table, SqlIdentifier alias, SqlParserPos pos) {
    return alias == null ? table : SqlStdOperatorTable.AS.createCall(pos, table, alias);
  }

  private static SqlSelect select(SqlNodeList selectList, SqlNode from) {
    return new SqlSelect(
        selectList.getParserPosition(),
        null,
        selectList,
        from,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static int[] slice(int[] fields, int from, int count) {
    int[] slice = new int[count];
    System.arraycopy(fields, from, slice, 0, count);
    return slice;
  }
}
