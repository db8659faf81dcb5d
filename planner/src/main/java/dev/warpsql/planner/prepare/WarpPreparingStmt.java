package dev.warpsql.planner.prepare;

import dev.warpsql.planner.exec.WarpBindable;
import dev.warpsql.planner.exec.WarpPlans;
import dev.warpsql.planner.rel.WarpConvention;
import dev.warpsql.planner.rel.WarpRel;
import dev.warpsql.planner.rules.WarpPrograms;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.tools.Program;
import org.apache.calcite.util.Pair;

/**
 * Prepares one statement with the WARP convention as its result convention, and implements the
 * optimized plan as a {@link WarpBindable} instead of generated Enumerable code.
 */
final class WarpPreparingStmt extends CalcitePrepareImpl.CalcitePreparingStmt {
  WarpPreparingStmt(
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

  @Override
  protected Program getProgram() {
    return WarpPrograms.standard();
  }

  @Override
  protected PreparedResult implement(RelRoot root) {
    WarpRel warpRoot = (WarpRel) root.rel;
    List<Integer> fields = Pair.left(root.fields);
    WarpBindable bindable = WarpPlans.bindable(warpRoot, fields, root.validatedRowType);
    boolean isDml = root.kind.belongsTo(SqlKind.DML);
    RelDataType parameters = Objects.requireNonNull(parameterRowType, "parameterRowType");
    return new PreparedResultImpl(
        root.validatedRowType,
        parameters,
        Objects.requireNonNull(fieldOrigins, "fieldOrigins"),
        root.collation.getFieldCollations().isEmpty() ? List.of() : List.of(root.collation),
        root.rel,
        mapTableModOp(isDml, root.kind),
        isDml) {
      @Override
      public String getCode() {
        return root.rel.explain();
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
