package dev.warpsql.kernels.ir;

/**
 * Rule by which a {@link ProbeStage} continues a probe row, given the build rows whose keys equal
 * its keys and that satisfy the stage's residual condition (its "matches").
 */
public enum JoinKind {
  /** Once per match, with that build row's columns. */
  INNER,
  /** Once per match; once with NULL build columns when there is no match. */
  LEFT,
  /** Once, without build columns, when there is at least one match. */
  SEMI,
  /** Once, without build columns, when there is no match. */
  ANTI
}
