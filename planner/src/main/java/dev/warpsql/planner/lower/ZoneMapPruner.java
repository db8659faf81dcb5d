package dev.warpsql.planner.lower;

import dev.warpsql.executor.pipeline.ChunkPruner;
import dev.warpsql.executor.pipeline.ExecutionContext;
import dev.warpsql.executor.storage.ZoneMap;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ParamRef;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Skips the chunks that a filter excludes, using each chunk's per-column minimum and maximum.
 *
 * <p>It understands the conjuncts of a filter that compare a column with a constant or a parameter
 * of the same type, for kinds ordered as 64-bit integers (integers, DECIMAL of one scale, DATE,
 * TIME, TIMESTAMP). A chunk is skipped when one such conjunct is false or NULL for every row: its
 * range excludes the constant, or the column has only NULLs in that chunk. Other conjuncts are
 * ignored, which is always safe because the kernel still applies the whole filter.
 */
final class ZoneMapPruner implements ChunkPruner {
  private final List<Bound> bounds;

  private ZoneMapPruner(List<Bound> bounds) {
    this.bounds = List.copyOf(bounds);
  }

  /**
   * Returns a pruner for a filter over a table's columns, or null when no conjunct of the filter
   * can skip a chunk.
   */
  static ZoneMapPruner forFilter(Expr filter) {
    List<Bound> bounds = new ArrayList<>();
    collect(filter, bounds);
    return bounds.isEmpty() ? null : new ZoneMapPruner(bounds);
  }

  /** One conjunct {@code column op value}, with the value a constant or a parameter. */
  record Bound(int column, Operator operator, long constant, int parameter) {
    /** Returns the value for one execution, or null when a parameter is NULL. */
    Long value(ExecutionContext context) {
      if (parameter < 0) {
        return constant;
      }
      Object bound = context.params()[parameter];
      return bound instanceof Long value ? value : null;
    }
  }

  @Override
  public boolean mayMatch(List<ZoneMap> zoneMaps, ExecutionContext context) {
    for (Bound bound : bounds) {
      ZoneMap zoneMap = zoneMaps.get(bound.column());
      if (!zoneMap.hasValues()) {
        return false;
      }
      Long value = bound.value(context);
      if (value == null) {
        return false;
      }
      if (!rangeMayMatch(bound.operator(), zoneMap.minLong(), zoneMap.maxLong(), value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean rangeMayMatch(Operator operator, long min, long max, long value) {
    return switch (operator) {
      case EQUALS -> min <= value && value <= max;
      case NOT_EQUALS -> !(min == value && max == value);
      case LESS_THAN -> min < value;
      case LESS_THAN_OR_EQUAL -> min <= value;
      case GREATER_THAN -> max > value;
      case GREATER_THAN_OR_EQUAL -> max >= value;
      default -> true;
    };
  }

  private static void collect(Expr filter, List<Bound> bounds) {
    if (!(filter instanceof Call call)) {
      return;
    }
    Operator operator = call.operator();
    if (operator == Operator.AND) {
      call.operands().forEach(operand -> collect(operand, bounds));
    } else if (isGuardedConjunction(call)) {
      collect(call.operands().get(0), bounds);
      collect(call.operands().get(1), bounds);
    } else if (call.operands().size() == 2) {
      Bound bound = bound(operator, call.operands().get(0), call.operands().get(1));
      if (bound == null) {
        bound = bound(mirror(operator), call.operands().get(1), call.operands().get(0));
      }
      if (bound != null) {
        bounds.add(bound);
      }
    }
  }

  /** Returns whether a call is {@code CASE WHEN a THEN b ELSE FALSE END}, which means a AND b. */
  private static boolean isGuardedConjunction(Call call) {
    return call.operator() == Operator.CASE
        && call.operands().size() == 3
        && call.operands().get(2) instanceof Literal otherwise
        && Boolean.FALSE.equals(otherwise.value());
  }

  private static Bound bound(Operator operator, Expr left, Expr right) {
    if (operator == null || !(left instanceof InputRef column) || !ordered(column)) {
      return null;
    }
    boolean sameKind = left.type().kind() == right.type().kind();
    if (!sameKind || left.type().scale() != right.type().scale()) {
      return null;
    }
    if (right instanceof Literal literal && literal.value() instanceof Long constant) {
      return new Bound(column.index(), operator, constant, -1);
    }
    if (right instanceof ParamRef param) {
      return new Bound(column.index(), operator, 0, param.index());
    }
    return null;
  }

  private static boolean ordered(InputRef column) {
    TypeKind kind = column.type().kind();
    return kind.isExactNumeric()
        || kind == TypeKind.DATE
        || kind == TypeKind.TIME
        || kind == TypeKind.TIMESTAMP;
  }

  /** Returns the operator with its operands swapped, or null for non-comparisons. */
  private static Operator mirror(Operator operator) {
    return switch (operator) {
      case EQUALS -> Operator.EQUALS;
      case NOT_EQUALS -> Operator.NOT_EQUALS;
      case LESS_THAN -> Operator.GREATER_THAN;
      case LESS_THAN_OR_EQUAL -> Operator.GREATER_THAN_OR_EQUAL;
      case GREATER_THAN -> Operator.LESS_THAN;
      case GREATER_THAN_OR_EQUAL -> Operator.LESS_THAN_OR_EQUAL;
      default -> null;
    };
  }
}
