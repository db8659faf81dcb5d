package dev.warpsql.kernels.ir;

/**
 * Aggregate functions that a kernel's aggregate sink updates per group.
 *
 * <p>All but {@link #COUNT_STAR} ignore NULL inputs. Over a group without non-NULL inputs, COUNT is
 * 0 and SUM, MIN and MAX are NULL. SUM of exact types raises {@link
 * KernelErrorCode#NUMERIC_OVERFLOW} when the total leaves its result type. MIN and MAX of REAL and
 * DOUBLE choose in the {@link FloatOrder total order}: MIN is NaN only when every value is, and MAX
 * is NaN when any value is. Of -0.0 and 0.0, which compare equal, MIN takes -0.0 and MAX 0.0.
 */
public enum AggregateFunction {
  COUNT_STAR,
  COUNT,
  SUM,
  MIN,
  MAX
}
