package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.KernelErrorCode;

/**
 * Codes that a PTX kernel writes into its error record. Zero means no error. A {@link
 * KernelErrorCode} is written as its ordinal plus one; negative codes are failures of the launch
 * set-up rather than of the query's data.
 */
public final class PtxErrors {
  /** Value of the code word while no error has been raised; the host sets it before a launch. */
  public static final int NO_ERROR = 0;

  /** A keyed aggregate found no free slot: the host must retry with a larger group table. */
  public static final int GROUP_TABLE_FULL = -1;

  /** A dictionary code was outside its lookup table: the table must cover the whole dictionary. */
  public static final int LOOKUP_CODE_OUT_OF_RANGE = -2;

  /**
   * A materialize sink after a hash-join probe produced more rows than {@code out_capacity}: the
   * host must retry with buffers for as many rows as the output row counter then holds.
   */
  public static final int OUTPUT_FULL = -3;

  /**
   * A join hash table build found no free slot. The host sizes the table with more slots than build
   * rows, so this signals a defect, and the pipeline must not run on the incomplete table.
   */
  public static final int JOIN_TABLE_FULL = -4;

  /**
   * A kernel read a lookup table entry whose evaluation failed on the host, such as a string that
   * does not convert to a number. The record's second word contains the table index in its high 32
   * bits and the dictionary code in its low 32 bits, so the host raises that entry's error.
   */
  public static final int LOOKUP_ENTRY_FAILED = -5;

  private PtxErrors() {}

  /** Returns the code word that a kernel writes for {@code code}. */
  public static int codeOf(KernelErrorCode code) {
    return code.ordinal() + 1;
  }

  /**
   * Returns the kernel error for a code word that a kernel wrote, or null for {@link #NO_ERROR} and
   * the negative codes.
   */
  public static KernelErrorCode errorOf(int codeWord) {
    KernelErrorCode[] codes = KernelErrorCode.values();
    if (codeWord < 1 || codeWord > codes.length) {
      return null;
    }
    return codes[codeWord - 1];
  }
}
