package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.DataType;

/**
 * Value of an expression in the current row: the register holding it, the predicate register that
 * is true when it is SQL NULL ({@code null} when it can never be NULL), and its type. A BOOLEAN
 * value is held in a predicate register. The value register is meaningful only when not NULL.
 */
record PtxValue(String value, String isNull, DataType type) {
  boolean neverNull() {
    return isNull == null;
  }
}
