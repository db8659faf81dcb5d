package dev.warpsql.planner.prepare;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.planner.exec.WarpPlans;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.rel.WarpRel;
import java.util.List;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;

/**
 * {@code EXPLAIN PLAN FOR}: Calcite's operator tree, then one line per pipeline naming the
 * operators fused into its kernel and the kernel's sink, so that a reader sees where pipelines
 * break and which operators share a kernel. Explaining compiles the kernels, as executing would.
 */
final class WarpPreparedExplain extends Prepare.PreparedExplain {
  private final RelRoot root;
  private final SqlExplainFormat format;

  WarpPreparedExplain(
      RelDataType rowType,
      RelDataType parameterRowType,
      RelRoot root,
      SqlExplainFormat format,
      SqlExplainLevel detailLevel) {
    super(rowType, parameterRowType, root, format, detailLevel);
    this.root = root;
    this.format = format;
  }

  @Override
  public String getCode() {
    String plan = super.getCode();
    if (root == null || format != SqlExplainFormat.TEXT || !(root.rel instanceof WarpRel warp)) {
      return plan;
    }
    List<DataType> paramTypes = WarpPlans.parameterTypes(warp);
    PlanLowering lowering =
        new PlanLowering(
            dev.warpsql.planner.exec.WarpRuntime.cpuBackend(),
            warp.getCluster().getRexBuilder(),
            paramTypes);
    lowering.lowerRoot(warp);
    StringBuilder text = new StringBuilder(plan);
    if (!plan.endsWith("\n")) {
      text.append('\n');
    }
    text.append("Pipelines (fused operators -> sink) and sorts:\n");
    for (String pipeline : lowering.pipelineDescriptions()) {
      text.append("  ").append(pipeline).append('\n');
    }
    return text.toString();
  }

  @Override
  public Bindable<?> getBindable(Meta.CursorFactory cursorFactory) {
    String explanation = getCode();
    return dataContext ->
        cursorFactory.style == Meta.Style.ARRAY
            ? Linq4j.singletonEnumerable(new String[] {explanation})
            : Linq4j.singletonEnumerable(explanation);
  }
}
