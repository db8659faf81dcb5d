package dev.warpsql.kernels.ptxsim;

import java.util.List;

/**
 * What a kernel run produced: the error code word (0 for none), the row the error record stores,
 * the output rows, each a list of physical values (Long, Double, Boolean, or null for NULL), and
 * the materialize sink's row counter (0 for other sinks). Materialized rows are the sink's columns;
 * aggregate rows are the group keys then the calls.
 */
public record SimKernelResult(int errorCode, long errorRow, List<List<Object>> rows, long counter) {
  /** Returns a result without a row counter. */
  public SimKernelResult(int errorCode, long errorRow, List<List<Object>> rows) {
    this(errorCode, errorRow, rows, 0);
  }
}
