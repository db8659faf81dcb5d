package dev.warpsql.planner.rel;

import dev.warpsql.planner.lower.SecondFractions;
import dev.warpsql.planner.lower.UnsupportedLoweringException;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Keeps Calcite's Enumerable engine from computing with TIME and TIMESTAMP values it cannot hold.
 *
 * <p>Kernels keep microseconds, but the Enumerable operators that run what WARP cannot (window
 * functions, some casts) hold times in milliseconds. A microsecond value that such an operator
 * compares, sorts, groups or hands back to kernels would be cut to its millisecond, and a DELETE
 * could then remove rows that differ from its condition's value. This check marks, on each {@link
 * WarpToEnumerableConverter}, the fields whose values an operator above it computes with, so that
 * the converter raises an error for a value with microseconds there. A value that only passes
 * through to the statement's result is read as milliseconds, as every result is. A TIME or
 * TIMESTAMP literal with microseconds in an Enumerable operator fails planning.
 */
public final class EnumerableTimeCheck {
  private EnumerableTimeCheck() {}

  /**
   * Checks a physical plan before it is implemented.
   *
   * @param resultOnly whether the root's rows only become the statement's result, as a query's do.
   *     It is false when they are written to a table or select the rows that a DML statement
   *     changes.
   * @throws UnsupportedLoweringException for a literal with microseconds in an Enumerable operator
   */
  public static void apply(RelNode root, boolean resultOnly) {
    int fields = root.getRowType().getFieldCount();
    visit(root, resultOnly ? ImmutableBitSet.of() : ImmutableBitSet.range(fields));
  }

  /** Visits {@code rel}, whose output fields in {@code computed} a consumer computes with. */
  private static void visit(RelNode rel, ImmutableBitSet computed) {
    if (!(rel.getConvention() instanceof WarpConvention)
        && rel.getConvention() != Convention.NONE
        && !(rel instanceof WarpToEnumerableConverter)) {
      checkLiterals(rel);
    }
    if (rel instanceof WarpToEnumerableConverter converter) {
      converter.setComputedTimeFields(computed);
      visit(converter.getInput(), computed);
    } else if (rel instanceof WarpFromEnumerable from) {
      visit(from.getInput(), computed);
    } else if (rel instanceof Calc calc) {
      RexProgram program = calc.getProgram();
      List<RexNode> projects =
          program.getProjectList().stream().map(program::expandLocalRef).toList();
      RexNode condition =
          program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
      visit(calc.getInput(), projected(projects, condition, computed));
    } else if (rel instanceof Project project) {
      visit(project.getInput(), projected(project.getProjects(), null, computed));
    } else if (rel instanceof Filter filter) {
      visit(filter.getInput(), computed.union(references(filter.getCondition())));
    } else if (rel instanceof Sort sort) {
      ImmutableBitSet.Builder keys = computed.rebuild();
      for (RelFieldCollation key : sort.getCollation().getFieldCollations()) {
        keys.set(key.getFieldIndex());
      }
      visit(sort.getInput(), keys.build());
    } else if (rel instanceof Union union && union.all) {
      union.getInputs().forEach(input -> visit(input, computed));
    } else if (rel instanceof Window window) {
      visit(window.getInput(), windowInputs(window, computed));
    } else if (rel instanceof Aggregate aggregate) {
      visit(aggregate.getInput(), aggregateInputs(aggregate));
    } else if (rel instanceof Join join) {
      int leftFields = join.getLeft().getRowType().getFieldCount();
      int rightFields = join.getRight().getRowType().getFieldCount();
      ImmutableBitSet used = computed.union(references(join.getCondition()));
      visit(join.getLeft(), used.intersect(ImmutableBitSet.range(leftFields)));
      ImmutableBitSet.Builder right = ImmutableBitSet.builder();
      used.forEach(
          field -> {
            if (field >= leftFields && field < leftFields + rightFields) {
              right.set(field - leftFields);
            }
          });
      visit(join.getRight(), right.build());
    } else {
      for (RelNode input : rel.getInputs()) {
        visit(input, ImmutableBitSet.range(input.getRowType().getFieldCount()));
      }
    }
  }

  /**
   * Returns the input fields that a projection computes with: those in {@code condition}, in an
   * expression other than a bare reference, or referenced by an output field in {@code computed}.
   */
  private static ImmutableBitSet projected(
      List<RexNode> projects, RexNode condition, ImmutableBitSet computed) {
    ImmutableBitSet.Builder inputs = ImmutableBitSet.builder();
    for (int i = 0; i < projects.size(); i++) {
      RexNode project = projects.get(i);
      if (!(project instanceof RexInputRef) || computed.get(i)) {
        inputs.addAll(references(project));
      }
    }
    if (condition != null) {
      inputs.addAll(references(condition));
    }
    return inputs.build();
  }

  /**
   * Returns the input fields of a window: its keys, its functions' arguments, and computed ones.
   */
  private static ImmutableBitSet windowInputs(Window window, ImmutableBitSet computed) {
    int inputFields = window.getInput().getRowType().getFieldCount();
    ImmutableBitSet.Builder inputs = ImmutableBitSet.builder();
    computed.forEach(
        field -> {
          if (field < inputFields) {
            inputs.set(field);
          }
        });
    for (Window.Group group : window.groups) {
      inputs.addAll(group.keys);
      group.orderKeys.getFieldCollations().forEach(key -> inputs.set(key.getFieldIndex()));
      for (Window.RexWinAggCall call : group.aggCalls) {
        call.getOperands().forEach(operand -> inputs.addAll(references(operand)));
      }
    }
    return inputs.build().intersect(ImmutableBitSet.range(inputFields));
  }

  /**
   * Returns the input fields of an aggregate: its group keys, which it compares, and its functions'
   * arguments, filters and orderings. Other input fields are unused.
   */
  private static ImmutableBitSet aggregateInputs(Aggregate aggregate) {
    ImmutableBitSet.Builder inputs = aggregate.getGroupSet().rebuild();
    for (AggregateCall call : aggregate.getAggCallList()) {
      inputs.addAll(call.getArgList());
      if (call.filterArg >= 0) {
        inputs.set(call.filterArg);
      }
      call.collation.getFieldCollations().forEach(key -> inputs.set(key.getFieldIndex()));
    }
    return inputs.build();
  }

  private static ImmutableBitSet references(RexNode node) {
    ImmutableBitSet.Builder fields = ImmutableBitSet.builder();
    node.accept(
        new RexVisitorImpl<Void>(true) {
          @Override
          public Void visitInputRef(RexInputRef ref) {
            fields.set(ref.getIndex());
            return null;
          }
        });
    return fields.build();
  }

  /** Raises for a TIME or TIMESTAMP literal with microseconds among an operator's expressions. */
  private static void checkLiterals(RelNode rel) {
    RexShuttle literals =
        new RexShuttle() {
          @Override
          public RexNode visitLiteral(RexLiteral literal) {
            check(literal, rel);
            return literal;
          }
        };
    rel.accept(literals);
    if (rel instanceof Values values) {
      values.getTuples().forEach(tuple -> tuple.forEach(literal -> check(literal, rel)));
    }
  }

  private static void check(RexLiteral literal, RelNode rel) {
    if (SecondFractions.literalMicros(literal) % 1000 != 0) {
      throw new UnsupportedLoweringException(
          "the literal "
              + literal.getType().getSqlTypeName()
              + " '"
              + literal.getValue()
              + "'"
              + " has microseconds, but "
              + rel.getRelTypeName()
              + " runs in Calcite's Enumerable engine, which keeps milliseconds; write the"
              + " statement so that it runs as kernels (EXPLAIN PLAN FOR names the operator) or"
              + " round the literal to milliseconds");
    }
  }
}
