package dev.warpsql.planner.exec;

import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.planner.lower.PlanLowering;
import dev.warpsql.planner.rel.WarpRel;
import dev.warpsql.planner.schema.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/** Turns a WARP plan into a {@link WarpBindable}: lowering, kernel compilation, result layout. */
public final class WarpPlans {
  private WarpPlans() {}

  /**
   * Lowers and compiles a plan.
   *
   * @param fields the root's output column for each result column
   * @param resultType the statement's result row type, whose DECIMAL scales results follow
   */
  public static WarpBindable bindable(WarpRel root, List<Integer> fields, RelDataType resultType) {
    List<DataType> paramTypes = parameterTypes(root);
    PlanLowering lowering =
        new PlanLowering(WarpRuntime.cpuBackend(), root.getCluster().getRexBuilder(), paramTypes);
    ExecutionStep step = lowering.lowerRoot(root);

    int[] resultFields = new int[fields.size()];
    int[] scales = new int[fields.size()];
    for (int i = 0; i < resultFields.length; i++) {
      resultFields[i] = fields.get(i);
      scales[i] = Math.max(resultType.getFieldList().get(i).getType().getScale(), 0);
    }
    return new WarpBindable(step, resultFields, scales, paramTypes, lowering.device());
  }

  /**
   * Lowers and compiles a plan whose rows go to a table write; the bindable returns the write's row
   * count as its only row.
   */
  public static WarpBindable writeBindable(
      WarpRel root, List<Integer> fields, RelDataType resultType, TableWrite write) {
    List<DataType> paramTypes = parameterTypes(root);
    PlanLowering lowering =
        new PlanLowering(WarpRuntime.cpuBackend(), root.getCluster().getRexBuilder(), paramTypes);
    ExecutionStep query = lowering.lowerRoot(root);
    int[] queryFields = fields.stream().mapToInt(Integer::intValue).toArray();
    ExecutionStep step = write.wrap(query, queryFields, resultType);
    return new WarpBindable(step, new int[] {0}, new int[] {0}, paramTypes, lowering.device());
  }

  /**
   * Returns the kernel type of each dynamic parameter that the plan reads, by index. Indices the
   * plan does not read, and parameters without a kernel type, are typed VARCHAR, which kernels
   * never read (see {@link ParameterValues}).
   */
  public static List<DataType> parameterTypes(RelNode root) {
    TreeMap<Integer, RelDataType> found = new TreeMap<>();
    RexShuttle collector =
        new RexShuttle() {
          @Override
          public RexNode visitDynamicParam(RexDynamicParam param) {
            found.put(param.getIndex(), param.getType());
            return param;
          }
        };
    root.accept(
        new RelShuttleImpl() {
          @Override
          public RelNode visit(RelNode other) {
            other.accept(collector);
            return super.visit(other);
          }
        });
    List<DataType> types = new ArrayList<>();
    int count = found.isEmpty() ? 0 : found.lastKey() + 1;
    for (int i = 0; i < count; i++) {
      RelDataType type = found.get(i);
      types.add(
          type == null ? DataType.VARCHAR : TypeMapping.toDataType(type).orElse(DataType.VARCHAR));
    }
    return types;
  }
}
