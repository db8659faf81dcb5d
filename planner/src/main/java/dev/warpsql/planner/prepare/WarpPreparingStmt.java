package dev.warpsql.planner.prepare;

import dev.warpsql.planner.exec.TableWrite;
import dev.warpsql.planner.exec.WarpBindable;
import dev.warpsql.planner.exec.WarpPlans;
import dev.warpsql.planner.rel.EnumerableTimeCheck;
import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpRel;
import dev.warpsql.planner.rules.ApproximateValuesLiterals;
import dev.warpsql.planner.rules.BooleanComparisonRewrite;
import dev.warpsql.planner.rules.ConstantRowValues;
import dev.warpsql.planner.rules.NullComparisonFolding;
import dev.warpsql.planner.rules.WarpPrograms;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.tools.Program;
import org.apache.calcite.util.Pair;

/**
 * Prepares one statement with the WARP convention as its result convention, and implements the
 * optimized plan as a {@link WarpBindable} instead of generated Enumerable code.
 */
final class WarpPreparingStmt extends CalcitePrepareImpl.CalcitePreparingStmt {
  /** Destination of the prepared query's rows, or null when the statement returns them. */
  private TableWrite write;

  /** The parameters of a rewritten DELETE or UPDATE in the statement's order, or null. */
  private RelDataType writeParameters;

  /** The physical plan of a statement that returns rows, once implemented; null before. */
  private RelNode plan;

  /**
   * @param write where the rows of the prepared query go, as for CREATE TABLE ... AS; null when the
   *     statement returns them or is a DELETE or UPDATE, which set their own
   */
  WarpPreparingStmt(
      TableWrite write,
      CalcitePrepareImpl prepare,
      CalcitePrepare.Context context,
      Prepare.CatalogReader catalogReader,
      RelDataTypeFactory typeFactory,
      CalciteSchema schema,
      RelOptCluster cluster,
      SqlRexConvertletTable convertletTable) {
    super(
        prepare,
        context,
        catalogReader,
        typeFactory,
        schema,
        EnumerableRel.Prefer.ARRAY,
        cluster,
        WarpConvention.INSTANCE,
        convertletTable);
    this.write = write;
  }

  /**
   * Prepares a statement. DELETE and UPDATE, also under EXPLAIN, are first rewritten into a query
   * whose rows replace the table's contents (see {@link DmlRewrite}).
   */
  @Override
  public PreparedResult prepareSql(
      SqlNode sqlQuery,
      Class runtimeContextClass,
      SqlValidator validator,
      boolean needsValidation) {
    SqlNode statement = sqlQuery;
    SqlExplain explain = null;
    if (sqlQuery instanceof SqlExplain wrapper) {
      explain = wrapper;
      statement = wrapper.getExplicandum();
    }
    DmlRewrite.Rewritten rewritten;
    if (statement instanceof SqlDelete delete) {
      rewritten = DmlRewrite.delete(delete, catalogReader);
    } else if (statement instanceof SqlUpdate update) {
      rewritten = DmlRewrite.update(update, catalogReader);
    } else if (statement instanceof SqlInsert insert && explain == null) {
      DmlRewrite.checkStoredTarget(insert.getTargetTable(), catalogReader, "INSERT INTO");
      return super.prepareSql(sqlQuery, runtimeContextClass, validator, needsValidation);
    } else {
      return super.prepareSql(sqlQuery, runtimeContextClass, validator, needsValidation);
    }

    validator.validate(rewritten.query());
    if (statement instanceof SqlUpdate update) {
      DmlRewrite.checkAssignments(rewritten.query(), validator, update);
    }
    write = rewritten.write();
    SqlNode query = rewritten.query();
    RelDataType parameterTypes = DmlRewrite.parameterRowType(query, validator, typeFactory);
    if (explain != null) {
      explain.setOperand(0, query);
      query = explain;
    }
    writeParameters = parameterTypes;
    return super.prepareSql(query, statement, runtimeContextClass, validator, false);
  }

  /**
   * Creates a {@link WarpSqlValidator} with the operators and settings that Calcite's own
   * preparation gives its validator.
   */
  @Override
  protected SqlValidator createSqlValidator(
      Prepare.CatalogReader catalogReader, UnaryOperator<SqlValidator.Config> configTransform) {
    CalciteConnectionConfig connectionConfig = context.config();
    SqlOperatorTable operators =
        SqlOperatorTables.chain(
            connectionConfig.fun(SqlOperatorTable.class, SqlStdOperatorTable.instance()),
            catalogReader);
    SqlValidator.Config config =
        configTransform.apply(
            SqlValidator.Config.DEFAULT
                .withLenientOperatorLookup(connectionConfig.lenientOperatorLookup())
                .withConformance(connectionConfig.conformance())
                .withDefaultNullCollation(connectionConfig.defaultNullCollation())
                .withIdentifierExpansion(true));
    return new WarpSqlValidator(
        operators, (CalciteCatalogReader) catalogReader, context.getTypeFactory(), config);
  }

  @Override
  protected PreparedResult createPreparedExplanation(
      RelDataType resultType,
      RelDataType parameterRowType,
      RelRoot root,
      SqlExplainFormat format,
      SqlExplainLevel detailLevel) {
    return new WarpPreparedExplain(resultType, parameterRowType, root, format, detailLevel);
  }

  /**
   * Rewrites comparisons of BOOLEAN values before anything simplifies them (see {@link
   * BooleanComparisonRewrite}), then folds comparisons with NULL and makes the approximate literals
   * of VALUES Doubles, because Calcite's field trimming fails on either (see {@link
   * NullComparisonFolding} and {@link ApproximateValuesLiterals}). A projection of literals over
   * one row of VALUES becomes VALUES, which kernels run (see {@link ConstantRowValues}).
   */
  @Override
  protected RelRoot trimUnusedFields(RelRoot root) {
    RelNode rewritten = BooleanComparisonRewrite.apply(root.rel);
    RelNode prepared =
        ConstantRowValues.apply(
            ApproximateValuesLiterals.apply(NullComparisonFolding.apply(rewritten)));
    return super.trimUnusedFields(root.withRel(prepared));
  }

  @Override
  protected Program getProgram() {
    return WarpPrograms.standard();
  }

  /**
   * Returns the physical plan of a query or DML statement whose result is its own rows or count, or
   * null for DDL, EXPLAIN and statements whose rows go to {@link #write}.
   */
  RelNode plan() {
    return plan;
  }

  @Override
  protected PreparedResult implement(RelRoot root) {
    WarpRel warpRoot = (WarpRel) root.rel;
    List<Integer> fields = Pair.left(root.fields);
    EnumerableTimeCheck.apply(warpRoot, write == null && !root.kind.belongsTo(SqlKind.DML));
    if (write != null) {
      return implementWrite(root, warpRoot, fields);
    }
    boolean isDml = root.kind.belongsTo(SqlKind.DML);
    if (isDml) {
      // A DML root's validated row type is the target table's, but the plan returns one count.
      fields = List.of(0);
    }
    RelDataType resultType = isDml ? warpRoot.getRowType() : root.validatedRowType;
    WarpBindable bindable = WarpPlans.bindable(warpRoot, fields, resultType);
    plan = root.rel;
    RelDataType parameters = Objects.requireNonNull(parameterRowType, "parameterRowType");
    return preparedResult(
        root.validatedRowType,
        parameters,
        Objects.requireNonNull(fieldOrigins, "fieldOrigins"),
        root.collation.getFieldCollations().isEmpty() ? List.of() : List.of(root.collation),
        root.rel,
        mapTableModOp(isDml, root.kind),
        isDml,
        bindable);
  }

  /** Implements a query whose rows go to {@link #write}; its result is one row count. */
  private PreparedResult implementWrite(RelRoot root, WarpRel warpRoot, List<Integer> fields) {
    WarpBindable bindable = WarpPlans.writeBindable(warpRoot, fields, root.validatedRowType, write);
    boolean isDml = root.kind.belongsTo(SqlKind.DML);
    SqlKind kind = isDml ? root.kind : SqlKind.INSERT;
    RelDataType rowType = RelOptUtil.createDmlRowType(kind, typeFactory);
    // Calcite describes a DML statement by its row count, and any other by the query's columns.
    List<List<String>> origins =
        isDml
            ? Collections.nCopies(rowType.getFieldCount(), null)
            : Objects.requireNonNull(fieldOrigins, "fieldOrigins");
    RelDataType parameters =
        writeParameters != null
            ? writeParameters
            : Objects.requireNonNull(parameterRowType, "parameterRowType");
    return preparedResult(
        rowType,
        parameters,
        origins,
        List.of(),
        root.rel,
        isDml ? mapTableModOp(true, root.kind) : null,
        isDml,
        bindable);
  }

  /** Returns a prepared result that runs the bindable and shows the plan as its code. */
  private PreparedResult preparedResult(
      RelDataType rowType,
      RelDataType parameters,
      List<? extends List<String>> origins,
      List<org.apache.calcite.rel.RelCollation> collations,
      org.apache.calcite.rel.RelNode rel,
      org.apache.calcite.rel.core.TableModify.Operation operation,
      boolean isDml,
      WarpBindable bindable) {
    return new PreparedResultImpl(rowType, parameters, origins, collations, rel, operation, isDml) {
      @Override
      public String getCode() {
        return rel.explain();
      }

      @Override
      public Bindable<?> getBindable(org.apache.calcite.avatica.Meta.CursorFactory factory) {
        return bindable;
      }

      @Override
      public Type getElementType() {
        return Object[].class;
      }
    };
  }
}
