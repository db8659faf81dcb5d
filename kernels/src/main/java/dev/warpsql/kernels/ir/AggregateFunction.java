package dev.warpsql.kernels.ir;

/**
 * Aggregate functions that a kernel's aggregate sink updates per group.
 *
 * <p>All but {@link #COUNT_STAR} ignore NULL inputs. Over a group without non-NULL inputs, COUNT is
 * 0 and SUM, MIN and MAX are NULL. SUM of exact types raises {@link
 * KernelErrorCode#NUMERIC_OVERFLOW} when the total leaves its result type.
 */
public enum AggregateFunction {
  COUNT_STAR,
  COUNT,
  SUM,
  MIN,
  MAX
}
