package dev.warpsql.planner.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Makes an Enumerable hash join match REAL and DOUBLE keys as SQL compares them. Calcite 1.41's
 * hash join matches boxed keys with {@code equals}, for which -0.0 differs from 0.0, though SQL
 * finds them equal. Both inputs get one extra column per such key, the key as a DOUBLE plus 0.0,
 * which is 0.0 for -0.0 and leaves every other value as it was. The join matches those columns
 * instead, and a projection above it drops them. Every NaN already matches every other NaN under
 * {@code equals}, as the total order of the kernels has it.
 */
final class CanonicalFloatKeys {
  private CanonicalFloatKeys() {}

  /** Returns the join with its REAL and DOUBLE keys canonical, or the join itself without any. */
  static RelNode apply(Join join) {
    if (!(join instanceof EnumerableHashJoin)) {
      return join;
    }
    JoinInfo info = join.analyzeCondition();
    List<Integer> floatKeys = new ArrayList<>();
    for (int k = 0; k < info.leftKeys.size(); k++) {
      if (isApproximate(join.getLeft(), info.leftKeys.get(k))
          || isApproximate(join.getRight(), info.rightKeys.get(k))) {
        floatKeys.add(k);
      }
    }
    if (floatKeys.isEmpty()) {
      return join;
    }

    RexBuilder rexBuilder = join.getCluster().getRexBuilder();
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int rightCount = join.getRight().getRowType().getFieldCount();
    int extra = floatKeys.size();
    RelNode left = withCanonicalKeys(join.getLeft(), info.leftKeys, floatKeys);
    RelNode right = withCanonicalKeys(join.getRight(), info.rightKeys, floatKeys);
    RelDataType leftType = left.getRowType();
    RelDataType rightType = right.getRowType();

    List<RexNode> conditions = new ArrayList<>();
    for (int k = 0; k < info.leftKeys.size(); k++) {
      int slot = floatKeys.indexOf(k);
      int leftField = slot < 0 ? info.leftKeys.get(k) : leftCount + slot;
      int rightField = slot < 0 ? info.rightKeys.get(k) : rightCount + slot;
      conditions.add(
          rexBuilder.makeCall(
              SqlStdOperatorTable.EQUALS,
              rexBuilder.makeInputRef(leftType.getFieldList().get(leftField).getType(), leftField),
              rexBuilder.makeInputRef(
                  rightType.getFieldList().get(rightField).getType(),
                  leftCount + extra + rightField)));
    }
    RexShuttle shiftRight = new ShiftRight(leftCount, extra);
    for (RexNode other : info.nonEquiConditions) {
      conditions.add(other.accept(shiftRight));
    }
    RexNode condition = RexUtil.composeConjunction(rexBuilder, conditions);
    Join joined =
        EnumerableHashJoin.create(
            left, right, condition, join.getVariablesSet(), join.getJoinType());

    List<RexNode> projects = new ArrayList<>();
    List<RelDataTypeField> fields = joined.getRowType().getFieldList();
    for (int field = 0; field < leftCount; field++) {
      projects.add(rexBuilder.makeInputRef(fields.get(field).getType(), field));
    }
    if (join.getJoinType().projectsRight()) {
      for (int field = 0; field < rightCount; field++) {
        int index = leftCount + extra + field;
        projects.add(rexBuilder.makeInputRef(fields.get(index).getType(), index));
      }
    }
    return calc(joined, projects, join.getRowType());
  }

  /**
   * Returns a calc that computes {@code projects}; Calcite 1.41's EnumerableProject has no code of
   * its own, because its rules turn every projection into a calc.
   */
  private static RelNode calc(RelNode input, List<RexNode> projects, RelDataType rowType) {
    RexBuilder rexBuilder = input.getCluster().getRexBuilder();
    RexProgram program = RexProgram.create(input.getRowType(), projects, null, rowType, rexBuilder);
    return EnumerableCalc.create(input, program);
  }

  /** Returns {@code input} with the canonical form of each listed key appended. */
  private static RelNode withCanonicalKeys(RelNode input, List<Integer> keys, List<Integer> slots) {
    RexBuilder rexBuilder = input.getCluster().getRexBuilder();
    RelDataType doubleType = rexBuilder.getTypeFactory().createSqlType(SqlTypeName.DOUBLE);
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<RelDataTypeField> fields = input.getRowType().getFieldList();
    for (RelDataTypeField field : fields) {
      projects.add(rexBuilder.makeInputRef(field.getType(), field.getIndex()));
      names.add(field.getName());
    }
    for (int slot = 0; slot < slots.size(); slot++) {
      RelDataTypeField key = fields.get(keys.get(slots.get(slot)));
      RelDataType type =
          rexBuilder
              .getTypeFactory()
              .createTypeWithNullability(doubleType, key.getType().isNullable());
      RexNode asDouble =
          rexBuilder.makeCast(type, rexBuilder.makeInputRef(key.getType(), key.getIndex()));
      projects.add(
          rexBuilder.makeCall(
              SqlStdOperatorTable.PLUS, asDouble, rexBuilder.makeZeroLiteral(doubleType)));
      names.add("canonical_key" + slot);
    }
    RelDataType rowType =
        rexBuilder
            .getTypeFactory()
            .createStructType(projects.stream().map(RexNode::getType).toList(), uniqueNames(names));
    return calc(input, projects, rowType);
  }

  private static List<String> uniqueNames(List<String> names) {
    List<String> unique = new ArrayList<>();
    for (String name : names) {
      String candidate = name;
      int suffix = 0;
      while (unique.contains(candidate)) {
        suffix++;
        candidate = name + "_" + suffix;
      }
      unique.add(candidate);
    }
    return unique;
  }

  private static boolean isApproximate(RelNode input, int field) {
    SqlTypeName type = input.getRowType().getFieldList().get(field).getType().getSqlTypeName();
    return SqlTypeName.APPROX_TYPES.contains(type);
  }

  /** Moves references to the right input's fields past the left input's extra columns. */
  private static final class ShiftRight extends RexShuttle {
    private final int leftCount;
    private final int extra;

    ShiftRight(int leftCount, int extra) {
      this.leftCount = leftCount;
      this.extra = extra;
    }

    @Override
    public RexNode visitInputRef(RexInputRef ref) {
      if (ref.getIndex() < leftCount) {
        return ref;
      }
      return new RexInputRef(ref.getIndex() + extra, ref.getType());
    }
  }
}
