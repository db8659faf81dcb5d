package dev.warpsql.planner.rel;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitDef;
import org.apache.calcite.plan.RelTraitSet;

/**
 * Calling convention of operators that run as fused WarpSQL kernels over columnar chunks.
 *
 * <p>Operators outside it run in Calcite's Enumerable convention and meet WARP operators through
 * the converters {@link WarpToEnumerableConverter} and {@link WarpFromEnumerable}, which {@code
 * EXPLAIN} shows, so that every fallback is visible.
 */
public enum WarpConvention implements Convention {
  INSTANCE;

  /** Cost factor of WARP operators against Enumerable ones, so the planner prefers kernels. */
  public static final double COST_FACTOR = 0.1;

  @Override
  public Class<WarpRel> getInterface() {
    return WarpRel.class;
  }

  @Override
  public String getName() {
    return "WARP";
  }

  @Override
  public RelTraitDef<Convention> getTraitDef() {
    return ConventionTraitDef.INSTANCE;
  }

  @Override
  public boolean satisfies(org.apache.calcite.plan.RelTrait trait) {
    return this == trait;
  }

  @Override
  public void register(RelOptPlanner planner) {}

  @Override
  public boolean canConvertConvention(Convention toConvention) {
    return false;
  }

  @Override
  public boolean useAbstractConvertersForConversion(RelTraitSet fromTraits, RelTraitSet toTraits) {
    return false;
  }

  @Override
  public String toString() {
    return getName();
  }
}
