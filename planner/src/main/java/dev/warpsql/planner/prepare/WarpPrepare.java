package dev.warpsql.planner.prepare;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.planner.exec.SqlErrors;
import dev.warpsql.planner.exec.TableWrite;
import dev.warpsql.planner.rules.FoldingGuard;
import dev.warpsql.planner.rules.WarpRules;
import dev.warpsql.planner.schema.SchemaSync;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.DataContexts;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * WarpSQL's statement preparation: Calcite's parser, validator and logical rewrites, then a Volcano
 * planner with WarpSQL's rules whose result convention is WARP.
 *
 * <p>Every failure leaves as an exception with an SQLSTATE (see {@link SqlErrors}).
 */
public final class WarpPrepare extends CalcitePrepareImpl {
  private final TableWrite write;

  /** The statement this preparation planned last; each statement gets its own preparation. */
  private WarpPreparingStmt preparing;

  /** Creates a preparation for statements that return their rows or change tables themselves. */
  public WarpPrepare() {
    this(null);
  }

  /**
   * Creates a preparation whose queries write their rows with {@code write}, as CREATE TABLE ... AS
   * does; null for none.
   */
  public WarpPrepare(TableWrite write) {
    this.write = write;
  }

  @Override
  protected RelOptPlanner createPlanner(
      CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.Context externalContext,
      RelOptCostFactory costFactory) {
    org.apache.calcite.plan.Context context =
        externalContext != null ? externalContext : Contexts.of(prepareContext.config());
    VolcanoPlanner planner = new VolcanoPlanner(costFactory, context);
    planner.setExecutor(new FoldingGuard(new RexExecutorImpl(DataContexts.EMPTY)));
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    WarpRules.register(planner);
    return planner;
  }

  @Override
  protected SqlRexConvertletTable createConvertletTable() {
    return new LikeEscapeConvertletTable(
        new CoalesceConvertletTable(
            new DatetimeIntervalConvertletTable(
                new TimeCastConvertletTable(StandardConvertletTable.INSTANCE))));
  }

  @Override
  protected CalcitePreparingStmt getPreparingStmt(
      CalcitePrepare.Context context,
      Type elementType,
      CalciteCatalogReader catalogReader,
      RelOptPlanner planner) {
    RelDataTypeFactory typeFactory = context.getTypeFactory();
    CalciteSchema rootSchema = context.getRootSchema();
    preparing =
        new WarpPreparingStmt(
            write,
            this,
            context,
            catalogReader,
            typeFactory,
            rootSchema,
            createCluster(planner, new RexBuilder(typeFactory)),
            createConvertletTable());
    return preparing;
  }

  /**
   * Prepares a statement, or returns the plan that the connection made for the same query text
   * before while that plan still fits the catalog (see {@link PlanCache}).
   */
  @Override
  public <T> CalciteSignature<T> prepareSql(
      CalcitePrepare.Context context, Query<T> query, Type elementType, long maxRowCount) {
    try {
      if (query.sql == null) {
        return super.prepareSql(context, query, elementType, maxRowCount);
      }
      List<String> path = context.getDefaultSchemaPath();
      String schema = path.isEmpty() ? "main" : path.get(path.size() - 1);
      CopyStatement copy = CopyStatement.parse(query.sql, schema);
      if (copy != null) {
        return super.prepareSql(context, Query.of(copy.toInsert()), elementType, maxRowCount);
      }
      PlanCache cache = write == null ? PlanCache.of(context) : null;
      Catalog catalog = cache == null ? null : SchemaSync.findCatalog(context.getRootSchema());
      if (catalog == null) {
        return super.prepareSql(context, query, elementType, maxRowCount);
      }
      return prepareCached(context, query, elementType, maxRowCount, cache, catalog);
    } catch (RuntimeException | Error e) {
      // Calcite signals broken invariants with AssertionError, which must reach the JDBC caller as
      // an SQLException like any other failure.
      throw SqlErrors.translate(e);
    }
  }

  private <T> CalciteSignature<T> prepareCached(
      CalcitePrepare.Context context,
      Query<T> query,
      Type elementType,
      long maxRowCount,
      PlanCache cache,
      Catalog catalog) {
    PlanCache.Key key =
        new PlanCache.Key(query.sql, context.getDefaultSchemaPath(), elementType, maxRowCount);
    // Read before planning, so that a definition committed while planning discards the plan.
    long definitionVersion = catalog.definitionVersion();
    CalciteSignature<?> cached = cache.find(key, definitionVersion);
    if (cached != null) {
      @SuppressWarnings("unchecked") // the key contains the element type the signature was made for
      CalciteSignature<T> signature = (CalciteSignature<T>) cached;
      return signature;
    }

    CalciteSignature<T> signature = super.prepareSql(context, query, elementType, maxRowCount);
    RelNode plan = preparing == null ? null : preparing.plan();
    if (plan != null && signature.statementType == Meta.StatementType.SELECT) {
      PlanAssumptions assumptions = PlanAssumptions.of(plan, definitionVersion);
      if (assumptions != null) {
        cache.add(key, signature, assumptions);
      }
    }
    return signature;
  }
}
