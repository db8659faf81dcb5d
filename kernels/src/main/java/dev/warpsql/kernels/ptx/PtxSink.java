package dev.warpsql.kernels.ptx;

import java.util.List;

/** Emission of one sink kind: its entry parameters, set-up, per-row update and final step. */
interface PtxSink {
  /** Returns the sink's parameters, which follow the error record pointer. */
  List<PtxParameter> parameters();

  /** Returns the sink's module-level declarations, such as shared memory, or an empty string. */
  default String moduleDeclarations() {
    return "";
  }

  /** Emits the set-up before the row loop, such as converting pointers to global addresses. */
  void emitSetup();

  /**
   * Emits the handling of the current row inside the warp-uniform row loop: every lane of the warp
   * runs it, and {@code keep} is true for the lanes whose row passed the filter.
   */
  void emitRow(String keep);

  /** Emits the step after the row loop, such as merging per-thread partials. */
  void emitFinish();
}
